import type {
  BulkSharesRequest,
  BulkSharesResult,
  GroupShare,
  Share,
  SharePermission,
  User,
  UserShares,
} from '@usher/contract'
import { MockApiError, toItemError } from './errors'
import type { MockDb } from './mock-db'

/** One person's shared groups and the version a replace must name. */
export interface StoredShares {
  items: Share[]
  version: number
}

/** Shares: explicit once written; before that, derived from the fixture's count. */
export function sharesOf(db: MockDb, user: User): StoredShares {
  const stored = db.shares.get(user.id)
  if (stored) return stored
  const count = db.scenario.empty ? 0 : user.sharedGroupCount
  const items = db.groups.slice(0, count).map((g, i) => ({
    groupId: g.id,
    groupName: g.name,
    permission: (i % 2 ? 'manage' : 'view') as SharePermission,
  }))
  return { items, version: 1 }
}

/** GET /groups/:id/shares: who one group is shared with. */
export function groupShares(
  db: MockDb,
  viewer: User,
  groupId: string,
): { items: GroupShare[]; nextCursor: null } {
  db.requirePermission(viewer, 'shares:manage')
  const items = db.users.flatMap((user) => {
    const found = sharesOf(db, user).items.find((item) => item.groupId === groupId)
    return found
      ? [
          {
            userId: user.id,
            name: `${user.firstName} ${user.lastName}`.trim(),
            email: user.email,
            permission: found.permission,
          },
        ]
      : []
  })
  return { items, nextCursor: null }
}

/**
 * PUT /users/:id/shares. Shares are the one thing a viewer changes on a peer's account (the
 * contract's `userActionsFor`): never on someone ranked above them.
 */
export function replaceShares(
  db: MockDb,
  viewer: User,
  userId: string,
  shares: readonly { groupId: string; permission: SharePermission }[],
  version?: number,
): UserShares {
  db.requirePermission(viewer, 'shares:manage')
  const user = db.findUser(viewer, userId)
  db.requireVersion(sharesOf(db, user).version, version)
  if (user.id !== viewer.id && db.roles.ranksAbove(user.role, viewer.role)) {
    throw new MockApiError('role_above_own')
  }
  const current = sharesOf(db, user)
  const items = shares.map((s) => ({
    ...s,
    groupName: db.groups.find((g) => g.id === s.groupId)?.name ?? '',
  }))
  db.shares.set(user.id, { items, version: current.version + 1 })
  return { userId, items, version: current.version + 1 }
}

/** POST /shares/bulk: share or unshare groups (or all the viewer sees) with many people. */
export function bulkShares(db: MockDb, viewer: User, request: BulkSharesRequest): BulkSharesResult {
  db.requirePermission(viewer, 'shares:manage')
  const rowFaults = db.scenario.faults?.bulkShares === 'rows'
  const groupIds = request.groupIds === 'all' ? db.visibleGroups(viewer).map((g) => g.id) : request.groupIds
  const results = request.userIds.map((userId, index): BulkSharesResult['results'][number] => {
    try {
      if (rowFaults && index % 2 === 1) throw new MockApiError('internal_error')
      const user = db.findUser(viewer, userId)
      const current = new Map(sharesOf(db, user).items.map((s) => [s.groupId, s.permission]))
      let added = 0
      let changed = 0
      let removed = 0
      for (const groupId of groupIds) {
        const had = current.get(groupId)
        if (request.action === 'share') {
          if (had === undefined) added++
          else if (had !== request.permission) changed++
          current.set(groupId, request.permission)
        } else if (had !== undefined && (!request.permission || had === request.permission)) {
          removed++
          current.delete(groupId)
        }
      }
      replaceShares(
        db,
        viewer,
        userId,
        [...current].map(([groupId, permission]) => ({ groupId, permission })),
      )
      return { userId, ok: true, added, changed, removed }
    } catch (error) {
      return { userId, ok: false, error: toItemError(error) }
    }
  })
  const succeeded = results.filter((r) => r.ok).length
  return { results, succeeded, failed: results.length - succeeded }
}
