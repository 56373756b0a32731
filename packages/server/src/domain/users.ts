import { invitationStatusAt, type Salutation, type User, type UserStatus } from '@usher/contract'
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Database, UserRow } from '../db/schema'
import type { Actor } from './actor'
import { iso } from './time'

/** What the Status column shows, from the row and the clock. */
export function userStatus(
  row: Pick<UserRow, 'enabled' | 'activated_at' | 'invitation_expires_at'>,
  now: Date,
): UserStatus {
  if (!row.enabled) return 'disabled'
  if (row.activated_at) return 'active'
  return row.invitation_expires_at ? invitationStatusAt(row.invitation_expires_at, now) : 'expired'
}

/** The same rule in SQL, for filters and counts (alias `u` is the users table). */
export function statusCondition(status: UserStatus, now: Date): Expression<SqlBool> {
  switch (status) {
    case 'disabled':
      return sql<SqlBool>`u.enabled = false`
    case 'active':
      return sql<SqlBool>`(u.enabled and u.activated_at is not null)`
    case 'invited':
      return sql<SqlBool>`(u.enabled and u.activated_at is null and u.invitation_expires_at > ${now})`
    case 'expired':
      return sql<SqlBool>`(u.enabled and u.activated_at is null and (u.invitation_expires_at is null or u.invitation_expires_at <= ${now}))`
  }
}

export interface UserExtras {
  groupIds: string[]
  sharedGroupCount: number
  invitationId: string | null
}

export function toUser(row: UserRow, extras: UserExtras, now: Date): User {
  const status = userStatus(row, now)
  const pending = status === 'invited' || status === 'expired'
  return {
    id: row.id,
    salutation: row.salutation as Salutation | null,
    firstName: row.first_name,
    lastName: row.last_name,
    nickname: row.nickname,
    email: row.email,
    phone: row.phone,
    mobile: row.mobile,
    jobTitle: row.job_title,
    department: row.department,
    description: row.description,
    externalId: row.external_id,
    locale: row.locale as User['locale'],
    role: row.role,
    status,
    invitationId: pending ? extras.invitationId : null,
    invitationExpiresAt: pending && row.invitation_expires_at ? iso(row.invitation_expires_at) : null,
    contactFor: row.contact_for ?? [],
    groupIds: extras.groupIds,
    sharedGroupCount: extras.sharedGroupCount,
    primaryContact: row.primary_contact,
    assignedAgentId: row.assigned_agent_id,
    mustChangePassword: row.must_change_password,
    source: row.source as User['source'],
    createdAt: iso(row.created_at),
    lastActiveAt: row.last_active_at ? iso(row.last_active_at) : null,
    version: row.version,
  }
}

/** What a user row does not carry, as the page's query or `toUsers` reads it beside the row. */
export interface UserExtrasColumns {
  group_ids: string[]
  shares: number
  shares_in_scope: number
  invitation_id: string | null
}

/**
 * The expressions that read a user's extras (groups, share counts, the pending invitation) for the
 * user whose id is `userId`: one definition for the list's own statement and for `toUsers`.
 * `scopeIds` are the viewer's groups when they are scoped (shares counted within them).
 */
export function userExtrasExpressions(userId: RawBuilder<unknown>, scopeIds: string[]) {
  return {
    group_ids: sql<
      string[]
    >`array(select ug.group_id::text from user_groups ug where ug.user_id = ${userId})`,
    shares: sql<number>`(select count(*)::int from shares s where s.user_id = ${userId})`,
    shares_in_scope: sql<number>`(select count(*)::int from shares s
      where s.user_id = ${userId} and s.group_id = any(${sql.val(scopeIds)}::uuid[]))`,
    invitation_id: sql<string | null>`(select i.id::text from invitations i
      where i.user_id = ${userId} and i.status = 'pending' limit 1)`,
  } satisfies Record<keyof UserExtrasColumns, RawBuilder<unknown>>
}

/** The viewer's groups when their role is scoped, as `userExtrasExpressions` takes them. */
export const extrasScopeIds = (viewer: Actor | null) => [...(viewer?.scope ?? [])]

/**
 * The wire user for a row that carries its extras columns, as `viewer` may see it.
 *
 * A group-scoped viewer (admin) sees on someone else only what lies within their scope: the
 * groups they govern among the person's, and the shares on those groups (as GET
 * /users/{id}/shares shows them). `viewer` null is the person themselves outside a request
 * (provisioning, accepting an invitation, resetting a password): everything.
 */
export function toUserWithExtras(
  row: UserRow,
  extras: UserExtrasColumns,
  now: Date,
  viewer: Actor | null,
): User {
  const scope = viewer?.scope ?? null
  // Their own account shows whole, to everyone.
  const narrowed = scope !== null && row.id !== viewer?.user.id
  return toUser(
    row,
    {
      groupIds: (narrowed ? extras.group_ids.filter((id) => scope?.has(id)) : extras.group_ids).sort(),
      sharedGroupCount: narrowed ? extras.shares_in_scope : extras.shares,
      invitationId: extras.invitation_id,
    },
    now,
  )
}

/**
 * The wire users for `rows`, in their order, as `viewer` may see them (see `toUserWithExtras`):
 * the extras of the whole page in one query, not three per row.
 */
export async function toUsers(
  db: Kysely<Database>,
  rows: UserRow[],
  now: Date,
  viewer: Actor | null,
): Promise<User[]> {
  if (rows.length === 0) return []
  const extras = userExtrasExpressions(sql`p.id`, extrasScopeIds(viewer))
  const found = await sql<UserExtrasColumns & { user_id: string }>`
    select p.id::text as user_id,
      ${sql.join(Object.entries(extras).map(([name, expression]) => sql`${expression} as ${sql.ref(name)}`))}
    from unnest(${sql.val(rows.map((r) => r.id))}::uuid[]) as p(id)`.execute(db)
  const extrasOf = new Map(found.rows.map((e) => [e.user_id, e]))
  const none: UserExtrasColumns = { group_ids: [], shares: 0, shares_in_scope: 0, invitation_id: null }
  return rows.map((row) => toUserWithExtras(row, extrasOf.get(row.id) ?? none, now, viewer))
}

export async function toUserOne(
  db: Kysely<Database>,
  row: UserRow,
  now: Date,
  viewer: Actor | null,
): Promise<User> {
  const [user] = await toUsers(db, [row], now, viewer)
  return user as User
}
