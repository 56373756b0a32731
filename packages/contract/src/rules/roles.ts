import {
  BUILT_IN_ROLES,
  canAssignRole,
  canManageAccountOf,
  isBuiltInRole,
  PERMISSIONS,
  type Permission,
  ROLE_DEFINITIONS,
  type RoleDefinition,
} from './permissions'
import { holdsSeat, type UserStatus } from './status'

/** The languages every catalog, email and label comes in. */
export const LOCALES = ['en', 'fr'] as const
export type LocaleKey = (typeof LOCALES)[number]

/** A host-defined role: a definition plus the names people read (built-in roles take theirs from the UI's catalogs). */
export interface CustomRoleDefinition extends RoleDefinition {
  readonly label: Readonly<Record<LocaleKey, string>>
}

/** One role as `GET /roles` lists it (the `Role` schema). */
export interface RoleEntry {
  key: string
  builtIn: boolean
  rank: number
  scope: RoleDefinition['scope']
  takesSeat: boolean
  permissions: Permission[]
  label: Partial<Record<LocaleKey, string>> | null
}

/**
 * Every decision that turns on a role, over one organization's set of roles (the built-in ones and
 * the host's): the server builds it from its options, a client from `GET /roles`, so both judge
 * with the same definitions.
 */
export interface RoleCatalog {
  /** Every role, highest rank first (equal ranks by key): the order every role picker offers. */
  readonly keys: readonly string[]
  /** The roles whose holders take one of the plan's seats. */
  readonly seatRoles: readonly string[]
  readonly custom: Readonly<Record<string, CustomRoleDefinition>>
  has(role: string): boolean
  definitionOf(role: string): RoleDefinition | undefined
  /** 0 for an unknown role: it outranks nobody. */
  rankOf(role: string): number
  /** None for an unknown role. */
  permissionsOf(role: string): readonly Permission[]
  /**
   * Whether `role` ranks above `other`: someone acting with `other` does nothing at all on such an
   * account, not even on its shared groups.
   */
  ranksAbove(role: string, other: string): boolean
  /** `groups` for an unknown role: the narrower one. */
  scopeOf(role: string): RoleDefinition['scope']
  takesSeat(role: string): boolean
  /** Whether a person with this role and status holds a seat now (see `holdsSeat`). */
  holdsSeat(person: { role: string; status: UserStatus }): boolean
  /** Whether the role grants anything beyond one's own account: a permission, or organization scope. */
  hasPowers(role: string): boolean
  /** `canAssignRole` with this catalog's roles. */
  canAssign(actorRole: string, targetRole: string): boolean
  /** `canManageAccountOf` with this catalog's roles. */
  canManage(actorRole: string, targetRole: string): boolean
  /** The roles `actorRole` may give, in `keys` order. */
  assignableBy(actorRole: string): string[]
  /** The host's label in `locale` for a custom role; undefined for a built-in or unknown one. */
  labelOf(role: string, locale: LocaleKey): string | undefined
}

/** A custom role may sit anywhere below the owner's rank, never at or above it. */
export const CUSTOM_ROLE_MAX_RANK = ROLE_DEFINITIONS.owner.rank - 1
/** A role's key: what `RoleKey` accepts on the wire. */
export const ROLE_KEY_PATTERN = /^[a-z][a-z0-9_-]{1,39}$/

/** Why a host's role definitions cannot be used, or [] when they can. */
export function customRoleProblems(custom: Readonly<Record<string, CustomRoleDefinition>>): string[] {
  const problems: string[] = []
  for (const [key, definition] of Object.entries(custom)) {
    if (isBuiltInRole(key)) problems.push(`${key}: a built-in role cannot be redefined`)
    if (!ROLE_KEY_PATTERN.test(key)) {
      problems.push(`${key}: a role key is 2–40 of a-z, 0-9, _ and -, starting with a letter`)
    }
    if (!Number.isInteger(definition.rank) || definition.rank < 1 || definition.rank > CUSTOM_ROLE_MAX_RANK) {
      problems.push(`${key}: rank must be an integer from 1 to ${CUSTOM_ROLE_MAX_RANK}`)
    }
    const unknown = definition.permissions.filter((p) => !(PERMISSIONS as readonly string[]).includes(p))
    if (unknown.length > 0) problems.push(`${key}: unknown permissions ${unknown.join(', ')}`)
    if (definition.scope !== 'organization' && definition.scope !== 'groups') {
      problems.push(`${key}: scope must be 'organization' or 'groups'`)
    }
    for (const locale of LOCALES) {
      if (!definition.label?.[locale]?.trim()) problems.push(`${key}: a label in '${locale}' is required`)
    }
  }
  return problems
}

/** The catalog of the built-in roles and `custom` (a host's own, checked with `customRoleProblems`). */
export function createRoleCatalog(custom: Readonly<Record<string, CustomRoleDefinition>> = {}): RoleCatalog {
  const problems = customRoleProblems(custom)
  if (problems.length > 0) throw new TypeError(`Invalid role definitions: ${problems.join('; ')}`)
  const definitionOf = (role: string): RoleDefinition | undefined =>
    isBuiltInRole(role) ? ROLE_DEFINITIONS[role] : Object.hasOwn(custom, role) ? custom[role] : undefined
  const keys = [...BUILT_IN_ROLES, ...Object.keys(custom)].sort(
    (a, b) => (definitionOf(b)?.rank ?? 0) - (definitionOf(a)?.rank ?? 0) || (a < b ? -1 : a > b ? 1 : 0),
  )
  const takesSeat = (role: string) => definitionOf(role)?.takesSeat ?? false
  const catalog: RoleCatalog = {
    keys,
    seatRoles: keys.filter(takesSeat),
    custom,
    has: (role) => definitionOf(role) !== undefined,
    definitionOf,
    rankOf: (role) => definitionOf(role)?.rank ?? 0,
    permissionsOf: (role) => definitionOf(role)?.permissions ?? [],
    ranksAbove: (role, other) => (definitionOf(role)?.rank ?? 0) > (definitionOf(other)?.rank ?? 0),
    scopeOf: (role) => definitionOf(role)?.scope ?? 'groups',
    takesSeat,
    holdsSeat: (person) => holdsSeat(takesSeat(person.role), person.status),
    hasPowers: (role) => {
      const definition = definitionOf(role)
      return !!definition && (definition.permissions.length > 0 || definition.scope === 'organization')
    },
    canAssign: (actorRole, targetRole) => canAssignRole(actorRole, targetRole, custom),
    canManage: (actorRole, targetRole) => canManageAccountOf(actorRole, targetRole, custom),
    assignableBy: (actorRole) => keys.filter((key) => canAssignRole(actorRole, key, custom)),
    labelOf: (role, locale) => (isBuiltInRole(role) ? undefined : custom[role]?.label[locale]),
  }
  return catalog
}

/** The catalog of the built-in roles only. */
export const BUILT_IN_ROLE_CATALOG: RoleCatalog = createRoleCatalog()

/**
 * The catalog a client rebuilds from `GET /roles`: the same decisions as the server's. Built-in
 * entries are taken from the contract (a server cannot redefine them); a custom entry without a
 * label in some language falls back to its key there.
 */
export function roleCatalogFromList(
  roles: ReadonlyArray<Omit<RoleEntry, 'label'> & { label?: RoleEntry['label'] | undefined }>,
): RoleCatalog {
  const custom: Record<string, CustomRoleDefinition> = {}
  for (const role of roles) {
    if (role.builtIn || isBuiltInRole(role.key)) continue
    custom[role.key] = {
      rank: role.rank,
      permissions: [...role.permissions],
      scope: role.scope,
      takesSeat: role.takesSeat,
      label: { en: role.label?.en || role.key, fr: role.label?.fr || role.label?.en || role.key },
    }
  }
  return createRoleCatalog(custom)
}

/** `GET /roles` of a catalog: every role, in the catalog's order. */
export function roleEntries(catalog: RoleCatalog): RoleEntry[] {
  return catalog.keys.map((key) => {
    const definition = catalog.definitionOf(key) as RoleDefinition
    const builtIn = isBuiltInRole(key)
    return {
      key,
      builtIn,
      rank: definition.rank,
      scope: definition.scope,
      takesSeat: definition.takesSeat,
      permissions: [...definition.permissions],
      label: builtIn ? null : { ...catalog.custom[key]?.label },
    }
  })
}
