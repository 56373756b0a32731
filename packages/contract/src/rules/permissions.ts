/**
 * Permissions and built-in roles. The API and the UI check permissions, never role names: a
 * host's custom role is just another named set.
 */
export const PERMISSIONS = [
  'users:read',
  'users:invite',
  'users:update',
  'users:delete',
  'groups:manage',
  'shares:manage',
  'imports:run',
  'audit:read',
  'organization:manage',
] as const

export type Permission = (typeof PERMISSIONS)[number]

export const BUILT_IN_ROLES = ['owner', 'admin', 'technician'] as const
export type BuiltInRole = (typeof BUILT_IN_ROLES)[number]

export interface RoleDefinition {
  /** Higher ranks may give lower or equal ranks; nobody gives a role above their own. */
  readonly rank: number
  readonly permissions: readonly Permission[]
  /** `organization`: acts on every group; `groups`: only within the groups shared with them. */
  readonly scope: 'organization' | 'groups'
  /**
   * Whether a user with this role takes one of the plan's seats (technicians, operators): the
   * plan's seats cap how many such users an organization may have.
   */
  readonly takesSeat: boolean
}

export const ROLE_DEFINITIONS: Readonly<Record<BuiltInRole, RoleDefinition>> = {
  // Primary admin: everything, in every group.
  owner: { rank: 30, permissions: PERMISSIONS, scope: 'organization', takesSeat: false },
  // Everything but the organization's settings, and only over the users and groups within the
  // groups assigned to them.
  admin: {
    rank: 20,
    permissions: PERMISSIONS.filter((p) => p !== 'organization:manage'),
    scope: 'groups',
    takesSeat: false,
  },
  // Sees only the groups shared with them and their own profile (always readable); cannot invite.
  technician: { rank: 10, permissions: [], scope: 'groups', takesSeat: true },
}

export function isBuiltInRole(role: string): role is BuiltInRole {
  return (BUILT_IN_ROLES as readonly string[]).includes(role)
}

export function permissionsOf(role: string): readonly Permission[] {
  return isBuiltInRole(role) ? ROLE_DEFINITIONS[role].permissions : []
}

export function hasPermission(granted: readonly string[], needed: Permission): boolean {
  return granted.includes(needed)
}

/** A built-in role's definition, or a custom one's from `custom`; undefined for an unknown role. */
function definitionOf(
  role: string,
  custom: Readonly<Record<string, RoleDefinition>>,
): RoleDefinition | undefined {
  return isBuiltInRole(role) ? ROLE_DEFINITIONS[role] : Object.hasOwn(custom, role) ? custom[role] : undefined
}

export function roleRank(role: string): number {
  return isBuiltInRole(role) ? ROLE_DEFINITIONS[role].rank : 0
}

/**
 * Whether someone holding `actorRole` may give `targetRole` to a user (or invite with it): the
 * target ranks no higher and grants nothing the actor lacks. Unknown roles are refused; custom
 * roles are judged from the definitions passed in `custom`.
 */
export function canAssignRole(
  actorRole: string,
  targetRole: string,
  custom: Readonly<Record<string, RoleDefinition>> = {},
): boolean {
  const actor = definitionOf(actorRole, custom)
  const target = definitionOf(targetRole, custom)
  if (!actor || !target) return false
  return target.rank <= actor.rank && target.permissions.every((p) => actor.permissions.includes(p))
}

/**
 * Whether someone holding `actorRole` may write on the account of a user holding `targetRole`
 * (edit, enable or disable, set the password, delete, resend or revoke their invitation): never on
 * a role above their own, and a group-scoped role (admin) not on an equal one either — a peer admin
 * may govern groups outside the actor's. Organization-wide roles (owner) manage a co-owner. Oneself
 * is always allowed here (the self-locked fields are another rule). The server's `requireOutranks`.
 */
export function canManageAccountOf(
  actorRole: string,
  targetRole: string,
  custom: Readonly<Record<string, RoleDefinition>> = {},
): boolean {
  const actor = definitionOf(actorRole, custom)
  const targetRank = definitionOf(targetRole, custom)?.rank ?? 0
  if (!actor) return false
  return actor.scope === 'groups' ? targetRank < actor.rank : targetRank <= actor.rank
}

/**
 * Whether an account keeps the organization running: an enabled owner. The last one may not be
 * deleted, disabled or given another role.
 */
export function isEnabledOwner(role: string, enabled: boolean): boolean {
  return role === 'owner' && enabled
}
