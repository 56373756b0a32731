import {
  BUILT_IN_ROLE_CATALOG,
  DEFAULT_ORGANIZATION_SETTINGS,
  type Me,
  type Organization,
  type RoleCatalog,
  type RoleList,
  roleEntries,
  type User,
} from '@usher/contract'

// A host backend keeps fewer fields than Usher's User: these fill the rest with what the
// components expect of a plain, active account, so a row of the host's own table becomes a User.

const EPOCH = '2024-01-01T00:00:00.000Z'

/**
 * A `User` from the fields a host has; the others get neutral values (active, no groups, version 1).
 * @example buildUser({ id: row.id, email: row.email, firstName: row.first_name, lastName: row.last_name, role: 'admin' })
 */
export function buildUser(fields: Partial<User> & Pick<User, 'id' | 'email'>): User {
  return {
    salutation: null,
    firstName: '',
    lastName: '',
    nickname: null,
    phone: null,
    mobile: null,
    jobTitle: null,
    department: null,
    description: null,
    externalId: null,
    locale: 'en',
    role: 'technician',
    status: 'active',
    invitationId: null,
    invitationExpiresAt: null,
    contactFor: [],
    groupIds: [],
    sharedGroupCount: 0,
    primaryContact: false,
    assignedAgentId: null,
    mustChangePassword: false,
    source: 'manual',
    createdAt: EPOCH,
    lastActiveAt: null,
    version: 1,
    ...fields,
  }
}

/** An activated `Organization` with Usher's default settings, unless given. */
export function buildOrganization(fields: Partial<Organization> = {}): Organization {
  return {
    id: 'org',
    name: 'My organization',
    slug: 'my-organization',
    activatedAt: EPOCH,
    settings: { ...DEFAULT_ORGANIZATION_SETTINGS, ...fields.settings },
    createdAt: EPOCH,
    version: 1,
    ...fields,
  }
}

/**
 * What `me.get()` answers for a signed-in user: their role's permissions (from `roles`, the
 * built-in catalog by default), the organization, and seats and counts unless given.
 * @example me: { get: async () => buildMe({ user: buildUser(currentUser) }) }
 */
export function buildMe(
  fields: Partial<Omit<Me, 'user'>> & { user: User },
  roles: RoleCatalog = BUILT_IN_ROLE_CATALOG,
): Me {
  return {
    organization: buildOrganization(),
    permissions: [...roles.permissionsOf(fields.user.role)],
    seats: { used: 0, allowed: null },
    counts: { users: 1, operators: 0 },
    ...fields,
  }
}

/** What `roles.list()` answers: the built-in roles, or a catalog with your own. */
export function buildRoleList(roles: RoleCatalog = BUILT_IN_ROLE_CATALOG): RoleList {
  return { items: roleEntries(roles) }
}
