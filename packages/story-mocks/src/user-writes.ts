import {
  BULK_USER_ACTION_PERMISSIONS,
  type BulkResult,
  type BulkUsersRequest,
  isActionAllowed,
  isEnabledOwner,
  SELF_LOCKED_ACTIONS,
  selfLockedChanges,
  type UpdateUserSchema,
  USER_ACTION_PERMISSIONS,
  type User,
} from '@usher/contract'
import type * as z from 'zod'
import { fieldRefusal, MockApiError, toItemError } from './errors'
import type { MockDb } from './mock-db'

type UserPatch = z.output<typeof UpdateUserSchema>

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * PATCH /users/:id, with the server's checks in its order: the self-locked fields, the account
 * the viewer may manage, a role they may give (within their groups), what the status allows,
 * the last owner and the plan's seats. `version` is the one `If-Match` named (none in bulk). A
 * patch that changes nothing answers the person unchanged.
 */
export function updateUser(db: MockDb, viewer: User, id: string, patch: UserPatch, version?: number): User {
  db.requirePermission(viewer, USER_ACTION_PERMISSIONS.edit)
  const user = db.findUser(viewer, id)
  db.requireVersion(user.version, version)
  if (user.id === viewer.id && selfLockedChanges(patch).length > 0) throw new MockApiError('forbidden')
  db.requireManage(viewer, user)
  const status = db.statusOf(user)
  const { enabled, mustChangePassword, groupIds, ...profile } = patch

  let role = user.role
  if (patch.role !== undefined && patch.role !== user.role) {
    if (!db.roles.has(patch.role)) {
      throw fieldRefusal('validation_failed', [
        { path: 'role', code: 'invalid_value', message: 'No such role.' },
      ])
    }
    if (!db.roles.canAssign(viewer.role, patch.role)) throw new MockApiError('role_above_own')
    role = patch.role
  }

  let nextStatus = status
  if (enabled !== undefined && enabled !== (status !== 'disabled')) {
    if (!isActionAllowed(status, enabled ? 'enable' : 'disable')) throw new MockApiError('status_not_allowed')
    nextStatus = enabled ? 'active' : 'disabled'
  }
  if (mustChangePassword && !user.mustChangePassword && !isActionAllowed(status, 'forcePasswordChange')) {
    throw new MockApiError('status_not_allowed')
  }

  // Memberships: a group-scoped viewer replaces those within their scope; the others stay.
  const scope = db.scopeOf(viewer)
  const nextGroups =
    groupIds === undefined
      ? user.groupIds
      : [...new Set([...groupIds, ...user.groupIds.filter((g) => scope !== null && !scope.has(g))])]
  // A role with powers reaches every group of its holder: a scoped viewer gives one only within theirs.
  if (role !== user.role && scope !== null && db.roles.hasPowers(role)) {
    if (nextGroups.some((g) => !scope.has(g))) throw new MockApiError('role_above_own')
  }

  if (isEnabledOwner(user.role, status !== 'disabled') && !isEnabledOwner(role, nextStatus !== 'disabled')) {
    db.requireOwnerLeft(user)
  }
  const seatBefore = db.roles.holdsSeat({ role: user.role, status })
  const seatAfter = db.roles.holdsSeat({ role, status: nextStatus })
  if (seatAfter && !seatBefore) db.requireSeat()

  const next: User = {
    ...user,
    ...profile,
    role,
    status: nextStatus,
    groupIds: nextGroups,
    mustChangePassword: mustChangePassword ?? user.mustChangePassword,
  }
  const changed = (Object.keys(next) as (keyof User)[]).some((key) => !same(next[key], user[key]))
  if (!changed) return db.present(user)
  const written = { ...next, version: user.version + 1 }
  db.replaceUser(written)
  return db.present(written)
}

/** DELETE /users/:id: never oneself, only an account the viewer manages, never the last owner. */
export function deleteUser(db: MockDb, viewer: User, id: string) {
  db.requirePermission(viewer, USER_ACTION_PERMISSIONS.delete)
  const user = db.findUser(viewer, id)
  if (user.id === viewer.id && SELF_LOCKED_ACTIONS.includes('delete')) throw new MockApiError('forbidden')
  db.requireManage(viewer, user)
  if (isEnabledOwner(user.role, db.statusOf(user) !== 'disabled')) db.requireOwnerLeft(user)
  db.users = db.users.filter((u) => u.id !== id)
  if (user.invitationId) db.invitations.delete(user.invitationId)
  db.shares.delete(user.id)
}

/**
 * POST /users/bulk: each person through the single-user path the action stands for, with that
 * action's permission; `faults.bulkUsers: 'rows'` fails every other one.
 */
export function bulkUsers(db: MockDb, viewer: User, request: BulkUsersRequest): BulkResult {
  const rowFaults = db.scenario.faults?.bulkUsers === 'rows'
  const results = request.userIds.map((id, index): BulkResult['results'][number] => {
    try {
      if (rowFaults && index % 2 === 1) throw new MockApiError('internal_error')
      db.requirePermission(viewer, BULK_USER_ACTION_PERMISSIONS[request.action])
      const user = db.findUser(viewer, id)
      switch (request.action) {
        case 'changeRole':
          updateUser(db, viewer, id, { role: request.role })
          break
        case 'enable':
        case 'disable':
          updateUser(db, viewer, id, { enabled: request.action === 'enable' })
          break
        case 'resendInvitation':
          if (!user.invitationId) throw new MockApiError('status_not_allowed')
          db.resendInvitation(viewer, user.invitationId)
          break
        case 'forcePasswordChange':
          updateUser(db, viewer, id, { mustChangePassword: true })
          break
        case 'delete':
          deleteUser(db, viewer, id)
          break
      }
      return { id, ok: true }
    } catch (error) {
      return { id, ok: false, error: toItemError(error) }
    }
  })
  const succeeded = results.filter((r) => r.ok).length
  return { results, succeeded, failed: results.length - succeeded }
}
