/**
 * Who can see nothing yet: a person whose role is scoped to groups reaches only what is shared
 * with them (and, for a role that governs groups, the groups they belong to). Until then the
 * account exists but opens on an empty console — the table counts such people and the invite
 * form warns before creating one.
 */
import type { Permission } from './permissions'
import type { RoleCatalog } from './roles'

/**
 * The permissions that make a group-scoped role govern the groups its holder belongs to: an
 * administrator sees and manages their groups; a technician's memberships grant nothing.
 */
export const GOVERNING_PERMISSIONS: readonly Permission[] = ['groups:manage', 'shares:manage', 'users:read']

/** Whether holders of `role` see their member groups (a group admin), not only their shares. */
export function governsMemberGroups(catalog: RoleCatalog, role: string): boolean {
  return catalog.permissionsOf(role).some((p) => GOVERNING_PERMISSIONS.includes(p))
}

/** The roles whose holders can see nothing until groups reach them, split by what reaches them. */
export interface ReachRoles {
  /** Group-scoped roles that see only the groups shared with them (technicians, host operators). */
  sharesOnly: string[]
  /** Group-scoped roles that also see the groups they belong to (group administrators). */
  sharesOrGroups: string[]
}

/** Every group-scoped role of the catalog, sorted by what gives its holders sight of a group. */
export function reachRoles(catalog: RoleCatalog): ReachRoles {
  const scoped = catalog.keys.filter((key) => catalog.scopeOf(key) === 'groups')
  return {
    sharesOnly: scoped.filter((key) => !governsMemberGroups(catalog, key)),
    sharesOrGroups: scoped.filter((key) => governsMemberGroups(catalog, key)),
  }
}

/**
 * Whether a person sees no group at all: a group-scoped role with no shared group (and, for a
 * role that governs its groups, no group either). Organization-wide roles always see everything.
 */
export function seesNothing(
  catalog: RoleCatalog,
  person: { role: string; sharedGroupCount: number; groupIds: readonly string[] },
): boolean {
  if (catalog.scopeOf(person.role) !== 'groups') return false
  if (person.sharedGroupCount > 0) return false
  return !governsMemberGroups(catalog, person.role) || person.groupIds.length === 0
}

/**
 * Whether an invitation creates someone who will see nothing on arrival: a group-scoped role with
 * no group for a role that governs groups; always for a shares-only role, since an invitation
 * carries memberships, never shares (someone must share groups once they are in).
 */
export function invitationSeesNothing(
  catalog: RoleCatalog,
  invite: { role: string; groupIds: readonly string[] },
): boolean {
  return seesNothing(catalog, { role: invite.role, sharedGroupCount: 0, groupIds: invite.groupIds })
}
