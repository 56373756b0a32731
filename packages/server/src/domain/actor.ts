import type { OrganizationSettings, Permission, RoleCatalog } from '@usher/contract'
import { type Kysely, sql } from 'kysely'
import type { AccountRow, Database, OrganizationRow, UserRow } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { organizationSettings } from './organizations'

/**
 * The signed-in caller, read from the database on every request: a token names a user, never a
 * role or permissions, so a demotion or a disabled account takes effect at the next request.
 */
export interface Actor {
  /** The caller's membership of `org`. */
  user: UserRow
  /** The caller's account (sign-in, shared by their organizations); null for a directory. */
  account: AccountRow | null
  org: OrganizationRow
  settings: OrganizationSettings
  role: string
  rank: number
  /** The organization's roles: every decision on a role asks it. */
  roles: RoleCatalog
  permissions: readonly Permission[]
  /**
   * The groups the actor governs: null for organization-wide roles (owner); for group-scoped
   * roles (admin), their groups and every subgroup. Users and groups outside it do not exist for
   * the actor (404).
   */
  scope: ReadonlySet<string> | null
}

export function can(actor: Actor, permission: Permission): boolean {
  return actor.permissions.includes(permission)
}

/** The ids of `roots` and all their descendants, in one recursive query. */
export async function withDescendants(
  db: Kysely<Database>,
  orgId: string,
  roots: readonly string[],
): Promise<Set<string>> {
  if (roots.length === 0) return new Set()
  const rows = await sql<{ id: string }>`
    with recursive tree(id) as (
      select id from groups where org_id = ${orgId} and id = any(${sql.val(roots)}::uuid[])
      union
      select g.id from groups g join tree t on g.parent_id = t.id where g.org_id = ${orgId}
    )
    select id from tree`.execute(db)
  return new Set(rows.rows.map((r) => r.id))
}

export async function loadActor(
  db: Kysely<Database>,
  claims: { subject: string; orgId: string; session: { epoch: number } | null },
  now: Date,
  roles: RoleCatalog,
): Promise<Actor> {
  if (!isUuid(claims.subject) || !isUuid(claims.orgId)) {
    throw new ProblemError('unauthenticated', { detail: 'The token names no member of an organization.' })
  }
  // The person, their account and their organization in one query: this runs before every
  // request. `sub` names the account; a membership id (the earlier form of tokens) still works.
  const found = await db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .leftJoin('accounts as a', 'a.id', 'u.account_id')
    .selectAll('u')
    .select([
      'o.name as org_name',
      'o.slug as org_slug',
      'o.activated_at as org_activated_at',
      'o.settings as org_settings',
      'o.created_at as org_created_at',
      'o.version as org_version',
      'a.email as account_email',
      'a.password_hash as account_password_hash',
      'a.session_epoch as account_session_epoch',
      'a.first_name as account_first_name',
      'a.last_name as account_last_name',
      'a.locale as account_locale',
      'a.created_at as account_created_at',
    ])
    .where('u.org_id', '=', claims.orgId)
    .where((eb) => eb.or([eb('u.account_id', '=', claims.subject), eb('u.id', '=', claims.subject)]))
    .executeTakeFirst()
  if (!found) {
    throw new ProblemError('unauthenticated', { detail: 'The token names no member of an organization.' })
  }
  const {
    org_name,
    org_slug,
    org_activated_at,
    org_settings,
    org_created_at,
    org_version,
    account_email,
    account_password_hash,
    account_session_epoch,
    account_first_name,
    account_last_name,
    account_locale,
    account_created_at,
    ...user
  } = found
  const account: AccountRow | null =
    user.account_id && account_email !== null && account_created_at !== null
      ? {
          id: user.account_id,
          email: account_email,
          password_hash: account_password_hash,
          session_epoch: account_session_epoch ?? 0,
          first_name: account_first_name ?? '',
          last_name: account_last_name ?? '',
          locale: account_locale ?? user.locale,
          created_at: account_created_at,
        }
      : null
  const org: OrganizationRow = {
    id: user.org_id,
    name: org_name,
    slug: org_slug,
    activated_at: org_activated_at,
    settings: org_settings,
    created_at: org_created_at,
    version: org_version,
  }
  if (!user.enabled) throw new ProblemError('account_disabled')
  // Someone who never accepted their invitation (invited or expired) has not joined: whatever
  // token the host signs for them, they are refused like a disabled account, and not seen active.
  if (!user.activated_at) throw new ProblemError('account_not_activated')
  if (claims.session && claims.session.epoch !== account?.session_epoch) {
    // The password changed since this session was issued.
    throw new ProblemError('token_expired', { detail: 'The session ended when the password changed.' })
  }
  const scopeKind = roles.scopeOf(user.role)
  let scope: Set<string> | null = null
  if (scopeKind === 'groups') {
    const own = await db.selectFrom('user_groups').select('group_id').where('user_id', '=', user.id).execute()
    scope = await withDescendants(
      db,
      org.id,
      own.map((g) => g.group_id),
    )
  }
  // Last seen, at most once every five minutes: not a write per request.
  if (!user.last_active_at || now.getTime() - new Date(user.last_active_at).getTime() > 5 * 60_000) {
    await db.updateTable('users').set({ last_active_at: now }).where('id', '=', user.id).execute()
    user.last_active_at = now
  }
  return {
    user,
    account,
    org,
    settings: organizationSettings(org),
    role: user.role,
    rank: roles.rankOf(user.role),
    roles,
    permissions: roles.permissionsOf(user.role),
    scope,
  }
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i
/** Our ids are UUIDs; anything else cannot name a row (and must not reach a uuid column: 500). */
export const isUuid = (value: string) => UUID.test(value)
