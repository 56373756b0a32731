import { invitationStatusAt, type Salutation, type User, type UserStatus } from '@usher/contract'
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely'
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

/**
 * The wire users for `rows`, in their order, as `viewer` may see them: group memberships, share
 * counts and pending invitations in three queries for the whole page, not three per row.
 *
 * A group-scoped viewer (admin) sees on someone else only what lies within their scope: the
 * groups they govern among the person's, and the shares on those groups (as GET
 * /users/{id}/shares shows them). `viewer` null is the person themselves outside a request
 * (provisioning, accepting an invitation, resetting a password): everything.
 */
export async function toUsers(
  db: Kysely<Database>,
  rows: UserRow[],
  now: Date,
  viewer: Actor | null,
): Promise<User[]> {
  if (rows.length === 0) return []
  const ids = rows.map((r) => r.id)
  const scope = viewer?.scope ?? null
  const scopeIds = [...(scope ?? [])]
  // What the rows do not carry (groups, share counts, the pending invitation), for the whole page
  // in one query: one round trip and one plan, however many people the page shows.
  const extras = await sql<{
    user_id: string
    group_ids: string[]
    shares: number
    shares_in_scope: number
    invitation_id: string | null
  }>`
    select p.id::text as user_id,
      array(select ug.group_id::text from user_groups ug where ug.user_id = p.id) as group_ids,
      (select count(*)::int from shares s where s.user_id = p.id) as shares,
      (select count(*)::int from shares s
        where s.user_id = p.id and s.group_id = any(${sql.val(scopeIds)}::uuid[])) as shares_in_scope,
      (select i.id::text from invitations i
        where i.user_id = p.id and i.status = 'pending' limit 1) as invitation_id
    from unnest(${sql.val(ids)}::uuid[]) as p(id)`.execute(db)
  // Their own account shows whole, to everyone.
  const narrowed = (userId: string) => scope !== null && userId !== viewer?.user.id
  const extrasOf = new Map(
    extras.rows.map((e) => [
      e.user_id,
      {
        groupIds: (narrowed(e.user_id) ? e.group_ids.filter((id) => scope?.has(id)) : e.group_ids).sort(),
        sharedGroupCount: narrowed(e.user_id) ? e.shares_in_scope : e.shares,
        invitationId: e.invitation_id,
      },
    ]),
  )
  const none = { groupIds: [], sharedGroupCount: 0, invitationId: null }
  return rows.map((row) => toUser(row, extrasOf.get(row.id) ?? none, now))
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
