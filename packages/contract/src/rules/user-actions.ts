import type { Permission } from './permissions'
import type { RoleCatalog } from './roles'
import { allowedActions, type UserAction, type UserStatus } from './status'

/**
 * The permission each action on a person needs: the one its endpoint's `auth` names in the
 * endpoint table (PATCH /users/{id} for the edits, PUT /users/{id}/shares, the invitation's resend
 * and revoke, DELETE /users/{id}); a contract test holds the two together.
 */
export const USER_ACTION_PERMISSIONS: Readonly<Record<UserAction, Permission>> = {
  edit: 'users:update',
  changeRole: 'users:update',
  shareGroups: 'shares:manage',
  resendInvitation: 'users:invite',
  revokeInvitation: 'users:invite',
  enable: 'users:update',
  disable: 'users:update',
  forcePasswordChange: 'users:update',
  delete: 'users:delete',
}

/** The endpoint each action calls (keys of the endpoint table). */
export const USER_ACTION_ENDPOINTS = {
  edit: 'updateUser',
  changeRole: 'updateUser',
  shareGroups: 'replaceUserShares',
  resendInvitation: 'resendInvitation',
  revokeInvitation: 'revokeInvitation',
  enable: 'updateUser',
  disable: 'updateUser',
  forcePasswordChange: 'updateUser',
  delete: 'deleteUser',
} as const satisfies Readonly<Record<UserAction, string>>

/** Fields of UpdateUser that nobody may change on their own account: for an admin, the groups are their scope. */
export const SELF_LOCKED_FIELDS = ['role', 'enabled', 'groupIds'] as const
export type SelfLockedField = (typeof SELF_LOCKED_FIELDS)[number]

/** The self-locked fields a patch touches (empty when the patch is allowed on oneself). */
export function selfLockedChanges(patch: object): SelfLockedField[] {
  return SELF_LOCKED_FIELDS.filter((field) => field in patch)
}

/** What each action writes that nobody writes on themselves: a self-locked field, or the account itself. */
const SELF_LOCK_OF: Readonly<Partial<Record<UserAction, SelfLockedField | 'account'>>> = {
  changeRole: 'role',
  enable: 'enabled',
  disable: 'enabled',
  delete: 'account',
}

/** The actions nobody takes on their own account. */
export const SELF_LOCKED_ACTIONS: readonly UserAction[] = (Object.keys(SELF_LOCK_OF) as UserAction[]).filter(
  (action) => SELF_LOCK_OF[action] !== undefined,
)

/** The actions `POST /users/bulk` takes, in the order a bulk bar offers them. */
export const BULK_USER_ACTIONS = [
  'changeRole',
  'enable',
  'disable',
  'resendInvitation',
  'forcePasswordChange',
  'delete',
] as const satisfies readonly UserAction[]
export type BulkUserAction = (typeof BULK_USER_ACTIONS)[number]

/** The permission each bulk action needs: the same as the single-user endpoint it stands for. */
export const BULK_USER_ACTION_PERMISSIONS: Readonly<Record<BulkUserAction, Permission>> = Object.fromEntries(
  BULK_USER_ACTIONS.map((action) => [action, USER_ACTION_PERMISSIONS[action]]),
) as Record<BulkUserAction, Permission>

/** The bulk endpoint itself needs this one, whatever the action. */
export const BULK_USERS_PERMISSION: Permission = 'users:update'

/** Who acts: enough of `GET /me` to decide. */
export interface ActionViewer {
  readonly id: string
  readonly role: string
  readonly permissions: readonly string[]
}

/** Whom an action is on: enough of a `User` to decide. */
export interface ActionTarget {
  readonly id: string
  readonly role: string
  readonly status: UserStatus
  readonly mustChangePassword: boolean
  readonly invitationId: string | null
}

/** Whether `viewer` may take `action` in bulk: the bulk endpoint's permission and the action's own. */
export function canTakeBulkAction(viewer: ActionViewer, action: BulkUserAction): boolean {
  return (
    viewer.permissions.includes(BULK_USERS_PERMISSION) &&
    viewer.permissions.includes(BULK_USER_ACTION_PERMISSIONS[action])
  )
}

/**
 * The actions `viewer` may take on `target`, in `USER_ACTIONS` order: those the viewer holds the
 * permission for and the person's status allows (`allowedActions`); never a self-locked one on
 * oneself; nothing on someone whose role ranks above the viewer's; on an account the viewer may
 * not manage (a group-scoped admin's peer, `canManageAccountOf`) only their shared groups. The
 * server refuses everything else; `canEdit` says whether an edit screen exists to offer.
 */
export function userActionsFor(
  target: ActionTarget,
  viewer: ActionViewer,
  roles: RoleCatalog,
  { canEdit = true }: { canEdit?: boolean } = {},
): UserAction[] {
  const self = target.id === viewer.id
  if (!self && roles.ranksAbove(target.role, viewer.role)) return []
  const manages = self || roles.canManage(viewer.role, target.role)
  return allowedActions(target.status).filter((action) => {
    if (!viewer.permissions.includes(USER_ACTION_PERMISSIONS[action])) return false
    if (!manages && action !== 'shareGroups') return false
    if (self && SELF_LOCKED_ACTIONS.includes(action)) return false
    switch (action) {
      case 'edit':
        return canEdit
      case 'changeRole':
        return roles.assignableBy(viewer.role).some((role) => role !== target.role)
      case 'forcePasswordChange':
        return !target.mustChangePassword
      case 'resendInvitation':
      case 'revokeInvitation':
        return target.invitationId !== null
      default:
        return true
    }
  })
}
