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
  const [groups, shares, invitations] = await Promise.all([
    db.selectFrom('user_groups').select(['user_id', 'group_id']).where('user_id', 'in', ids).execute(),
    db
      .selectFrom('shares as s')
      .select([
        's.user_id',
        sql<number>`count(*)::int`.as('n'),
        sql<number>`(count(*) filter (where s.group_id = any(${sql.val(scopeIds)}::uuid[])))::int`.as(
          'in_scope',
        ),
      ])
      .where('s.user_id', 'in', ids)
      .groupBy('s.user_id')
      .execute(),
    db
      .selectFrom('invitations')
      .select(['user_id', 'id'])
      .where('user_id', 'in', ids)
      .where('status', '=', 'pending')
      .execute(),
  ])
  // Their own account shows whole, to everyone.
  const narrowed = (userId: string) => scope !== null && userId !== viewer?.user.id
  const groupsOf = new Map<string, string[]>()
  for (const g of groups) {
    if (narrowed(g.user_id) && !scope?.has(g.group_id)) continue
    const list = groupsOf.get(g.user_id)
    if (list) list.push(g.group_id)
    else groupsOf.set(g.user_id, [g.group_id])
  }
  const sharesOf = new Map(shares.map((s) => [s.user_id, Number(narrowed(s.user_id) ? s.in_scope : s.n)]))
  const invitationOf = new Map(invitations.map((i) => [i.user_id, i.id]))
  return rows.map((row) =>
    toUser(
      row,
      {
        groupIds: (groupsOf.get(row.id) ?? []).sort(),
        sharedGroupCount: sharesOf.get(row.id) ?? 0,
        invitationId: invitationOf.get(row.id) ?? null,
      },
      now,
    ),
  )
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
