import type { BulkSharesRequest, ItemError, Share, SharePermission } from '@usher/contract'
import type { ShareGroupsOutcome } from '../../hooks/use-share-groups'

/**
 * The pure side of SharedGroupsDialog: what the checkboxes mean, what will change, and which
 * requests carry it. No React here, so each rule is unit-tested on its own.
 */

/** One user's shares: group id → permission. */
export type ShareMap = ReadonlyMap<string, SharePermission>

/**
 * One user's edits, laid over the shares as read: a permission to share with, or null to remove.
 * Kept apart from the shares (not a copy of them) so that reloading after a 412 re-applies the
 * same edits on the fresh state instead of throwing them away.
 */
export type ShareEdits = ReadonlyMap<string, SharePermission | null>

export const DEFAULT_PERMISSION: SharePermission = 'view'

export const toShareMap = (items: readonly Pick<Share, 'groupId' | 'permission'>[]): ShareMap =>
  new Map(items.map((share) => [share.groupId, share.permission]))

/** The shares once the edits are applied. */
export function applyEdits(current: ShareMap, edits: ShareEdits): Map<string, SharePermission> {
  const next = new Map(current)
  for (const [groupId, permission] of edits) {
    if (permission === null) next.delete(groupId)
    else next.set(groupId, permission)
  }
  return next
}

/** Sets one group's edit, dropping it when it brings the group back to what it was. */
export function withEdit(
  current: ShareMap,
  edits: ShareEdits,
  groupId: string,
  permission: SharePermission | null,
): Map<string, SharePermission | null> {
  const next = new Map(edits)
  if ((current.get(groupId) ?? null) === permission) next.delete(groupId)
  else next.set(groupId, permission)
  return next
}

export interface SharesDiff {
  added: { groupId: string; permission: SharePermission }[]
  changed: { groupId: string; from: SharePermission; to: SharePermission }[]
  removed: { groupId: string; permission: SharePermission }[]
}

/** What saving `next` over `current` changes, each list in `order` (the tree's order) when given. */
export function diffShares(current: ShareMap, next: ShareMap, order?: readonly string[]): SharesDiff {
  const diff: SharesDiff = { added: [], changed: [], removed: [] }
  for (const [groupId, permission] of next) {
    const before = current.get(groupId)
    if (before === undefined) diff.added.push({ groupId, permission })
    else if (before !== permission) diff.changed.push({ groupId, from: before, to: permission })
  }
  for (const [groupId, permission] of current) {
    if (!next.has(groupId)) diff.removed.push({ groupId, permission })
  }
  if (order) {
    const rank = new Map(order.map((id, index) => [id, index]))
    const byRank = (a: { groupId: string }, b: { groupId: string }) =>
      (rank.get(a.groupId) ?? Number.MAX_SAFE_INTEGER) - (rank.get(b.groupId) ?? Number.MAX_SAFE_INTEGER)
    diff.added.sort(byRank)
    diff.changed.sort(byRank)
    diff.removed.sort(byRank)
  }
  return diff
}

export const isEmptyDiff = (diff: SharesDiff) =>
  diff.added.length + diff.changed.length + diff.removed.length === 0

/** The body of `PUT /users/:id/shares`: the whole set, as the server replaces it. */
export const toReplaceShares = (next: ShareMap) =>
  [...next].map(([groupId, permission]) => ({ groupId, permission }))

/**
 * The nearest ancestor of `groupId` that `isShared`: a share of a group covers its subgroups on
 * the server, so the tree says "included through <that group>".
 */
export function coveringAncestor(
  groupId: string,
  parentOf: ReadonlyMap<string, string | null>,
  isShared: (groupId: string) => boolean,
): string | null {
  const seen = new Set<string>([groupId])
  let parent = parentOf.get(groupId) ?? null
  while (parent !== null && !seen.has(parent)) {
    if (isShared(parent)) return parent
    seen.add(parent)
    parent = parentOf.get(parent) ?? null
  }
  return null
}

// --- many users ---

/** What the selected users hold of one group. `unknown`: their shares were not loaded. */
export type Coverage =
  | { kind: 'unknown' }
  | { kind: 'none' }
  | { kind: 'some'; users: number; total: number }
  | { kind: 'all'; permission: SharePermission | 'mixed' }

/** Each group's coverage over the users' shares (null: not loaded, every group is `unknown`). */
export function coverageOf(sharesPerUser: readonly ShareMap[] | null): (groupId: string) => Coverage {
  if (sharesPerUser === null) return () => ({ kind: 'unknown' })
  const total = sharesPerUser.length
  return (groupId) => {
    const permissions = new Set<SharePermission>()
    let users = 0
    for (const shares of sharesPerUser) {
      const permission = shares.get(groupId)
      if (permission === undefined) continue
      users++
      permissions.add(permission)
    }
    if (users === 0) return { kind: 'none' }
    if (users < total) return { kind: 'some', users, total }
    const [only] = permissions
    return { kind: 'all', permission: permissions.size === 1 && only ? only : 'mixed' }
  }
}

/** A bulk edit of one group: share it with everyone (with a permission), or remove it from everyone. */
export type BulkEdit = { action: 'share'; permission: SharePermission } | { action: 'unshare' }
export type BulkEdits = ReadonlyMap<string, BulkEdit>

/** A checkbox's state in the many-users tree: the edit if any, else what the users hold today. */
export function bulkCheckedState(
  coverage: Coverage,
  edit: BulkEdit | undefined,
): { checked: boolean | 'indeterminate'; permission: SharePermission | 'mixed' | null } {
  if (edit?.action === 'share') return { checked: true, permission: edit.permission }
  if (edit?.action === 'unshare') return { checked: false, permission: null }
  switch (coverage.kind) {
    case 'all':
      return { checked: true, permission: coverage.permission }
    case 'none':
      return { checked: false, permission: null }
    default:
      return { checked: 'indeterminate', permission: null }
  }
}

/**
 * The edit after a click on a many-users checkbox. A group some users hold cycles like Gmail's
 * labels: as it is (mixed) → share with everyone → remove from everyone → as it is.
 */
export function toggleBulkEdit(
  coverage: Coverage,
  edit: BulkEdit | undefined,
  checked: boolean,
): BulkEdit | undefined {
  const partial = coverage.kind === 'some' || coverage.kind === 'unknown'
  if (checked) {
    if (edit?.action === 'unshare' && partial) return undefined
    if (coverage.kind === 'all') return undefined
    return { action: 'share', permission: DEFAULT_PERMISSION }
  }
  return coverage.kind === 'none' ? undefined : { action: 'unshare' }
}

/** The edit after choosing a permission for a checked group (none when everyone holds exactly that). */
export function permissionBulkEdit(coverage: Coverage, permission: SharePermission): BulkEdit | undefined {
  if (coverage.kind === 'all' && coverage.permission === permission) return undefined
  return { action: 'share', permission }
}

/** What a bulk save does, action by action: at most one share per permission and one unshare. */
export interface BulkPlan {
  share: { permission: SharePermission; groupIds: string[] }[]
  unshare: string[]
}

/** The edits that change something, grouped into actions, each list in the tree's `order`. */
export function planBulk(
  edits: BulkEdits,
  coverage: (groupId: string) => Coverage,
  order: readonly string[],
): BulkPlan {
  const byPermission = new Map<SharePermission, string[]>()
  const unshare: string[] = []
  const ranked = [...edits].sort(([a], [b]) => rankIn(order, a) - rankIn(order, b))
  for (const [groupId, edit] of ranked) {
    const held = coverage(groupId)
    if (edit.action === 'unshare') {
      if (held.kind !== 'none') unshare.push(groupId)
      continue
    }
    if (held.kind === 'all' && held.permission === edit.permission) continue
    const list = byPermission.get(edit.permission)
    if (list) list.push(groupId)
    else byPermission.set(edit.permission, [groupId])
  }
  const share = (['view', 'manage'] as const).flatMap((permission) => {
    const groupIds = byPermission.get(permission)
    return groupIds ? [{ permission, groupIds }] : []
  })
  return { share, unshare }
}

const rankIn = (order: readonly string[], id: string) => {
  const index = order.indexOf(id)
  return index === -1 ? Number.MAX_SAFE_INTEGER : index
}

export const isEmptyPlan = (plan: BulkPlan) => plan.share.length === 0 && plan.unshare.length === 0

/**
 * The `POST /shares/bulk` requests of a plan, one per action. A list naming every group becomes
 * `'all'` ("share all groups" / remove all) rather than a long id list.
 */
export function bulkRequests(
  plan: BulkPlan,
  userIds: readonly string[],
  allGroupIds: readonly string[],
): BulkSharesRequest[] {
  const groupsOf = (ids: string[]): string[] | 'all' =>
    ids.length === allGroupIds.length && allGroupIds.every((id) => ids.includes(id)) ? 'all' : ids
  return [
    ...plan.share.map(
      ({ permission, groupIds }): BulkSharesRequest => ({
        action: 'share',
        userIds: [...userIds],
        groupIds: groupsOf(groupIds),
        permission,
      }),
    ),
    ...(plan.unshare.length > 0
      ? [{ action: 'unshare' as const, userIds: [...userIds], groupIds: groupsOf(plan.unshare) }]
      : []),
  ]
}

export interface UserOutcome {
  userId: string
  ok: boolean
  added: number
  changed: number
  removed: number
  /** The first refusal for this user, when any. */
  error: ItemError | null
}

/** Every user's results across the requests: a user failed if any action failed for them. */
export function outcomesByUser(
  userIds: readonly string[],
  outcomes: readonly ShareGroupsOutcome[],
): UserOutcome[] {
  const byUser = new Map<string, UserOutcome>(
    userIds.map((userId) => [userId, { userId, ok: true, added: 0, changed: 0, removed: 0, error: null }]),
  )
  for (const outcome of outcomes) {
    if (!outcome.ok) continue
    for (const result of outcome.result.results) {
      const user = byUser.get(result.userId)
      if (!user) continue
      if (result.ok) {
        user.added += result.added
        user.changed += result.changed
        user.removed += result.removed
      } else {
        user.ok = false
        user.error ??= result.error
      }
    }
  }
  return [...byUser.values()]
}
