import type { Invitation, Salutation } from '@usher/contract'
import { type Kysely, sql } from 'kysely'
import type { Database, InvitationRow, UserRow } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { type Actor, isUuid } from './actor'
import { displayName } from './audit'
import { usersInScope } from './scope'
import { iso } from './time'
import { hashLinkToken } from './tokens'

export type PersonRef = { id: string; name: string; email: string }

/** What an invitation row is at `now`: a pending one whose expiry has passed is `expired`. */
export function invitationState(
  row: Pick<InvitationRow, 'status' | 'expires_at'>,
  now: Date,
): Invitation['status'] {
  if (row.status !== 'pending') return row.status
  return new Date(row.expires_at).getTime() <= now.getTime() ? 'expired' : 'pending'
}

/** The wire invitation, from its row, its person, their groups and the inviter. */
export function toInvitation(
  row: InvitationRow,
  user: UserRow,
  groupIds: readonly string[],
  invitedBy: PersonRef | null,
  now: Date,
): Invitation {
  return {
    id: row.id,
    userId: user.id,
    email: user.email,
    salutation: user.salutation as Salutation | null,
    firstName: user.first_name,
    lastName: user.last_name,
    role: user.role,
    groupIds: [...groupIds].sort(),
    locale: user.locale as Invitation['locale'],
    status: invitationState(row, now),
    invitedBy,
    expiresAt: iso(row.expires_at),
    lastSentAt: iso(row.last_sent_at),
    sendCount: row.send_count,
    createdAt: iso(row.created_at),
  }
}

export const personRef = (user: Pick<UserRow, 'id' | 'first_name' | 'last_name' | 'email'>): PersonRef => ({
  id: user.id,
  name: displayName(user),
  email: user.email,
})

/**
 * Wire invitations for `rows` (each with its person), in their order: people, groups and
 * inviters in three queries for the whole page. A group-scoped viewer sees only the groups of
 * their scope among the person's (as on the user, `toUsers`).
 */
export async function toInvitations(
  db: Kysely<Database>,
  rows: InvitationRow[],
  now: Date,
  viewer: Actor | null,
) {
  const userIds = [...new Set(rows.map((r) => r.user_id).filter((id): id is string => id !== null))]
  const inviterIds = [...new Set(rows.map((r) => r.invited_by).filter((id): id is string => id !== null))]
  const [users, groups, inviters] = await Promise.all([
    userIds.length ? db.selectFrom('users').selectAll().where('id', 'in', userIds).execute() : [],
    userIds.length
      ? db.selectFrom('user_groups').select(['user_id', 'group_id']).where('user_id', 'in', userIds).execute()
      : [],
    inviterIds.length
      ? db
          .selectFrom('users')
          .select(['id', 'first_name', 'last_name', 'email'])
          .where('id', 'in', inviterIds)
          .execute()
      : [],
  ])
  const userOf = new Map(users.map((u) => [u.id, u]))
  const inviterOf = new Map(inviters.map((u) => [u.id, personRef(u)]))
  const groupsOf = new Map<string, string[]>()
  const scope = viewer?.scope ?? null
  for (const g of groups) {
    if (scope !== null && g.user_id !== viewer?.user.id && !scope.has(g.group_id)) continue
    groupsOf.set(g.user_id, [...(groupsOf.get(g.user_id) ?? []), g.group_id])
  }
  const out: Invitation[] = []
  for (const row of rows) {
    const user = row.user_id ? userOf.get(row.user_id) : undefined
    if (!user) continue
    out.push(
      toInvitation(
        row,
        user,
        groupsOf.get(user.id) ?? [],
        row.invited_by ? (inviterOf.get(row.invited_by) ?? null) : null,
        now,
      ),
    )
  }
  return out
}

/**
 * The invitation `id` of the actor's organization whose person the actor may see; 404 otherwise,
 * like an id that does not exist. `forUpdate` locks the row for the rest of the transaction.
 */
export async function findInvitationInScope(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  options: { forUpdate?: boolean } = {},
): Promise<{ invitation: InvitationRow; user: UserRow }> {
  if (isUuid(id)) {
    let query = db
      .selectFrom('invitations as i')
      .innerJoin('users as u', 'u.id', 'i.user_id')
      .selectAll('i')
      .where('i.org_id', '=', actor.org.id)
      .where('i.id', '=', id)
      .where(usersInScope(actor))
    if (options.forUpdate) query = query.forUpdate('i')
    const invitation = await query.executeTakeFirst()
    if (invitation?.user_id) {
      const user = await db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', invitation.user_id)
        .executeTakeFirstOrThrow()
      return { invitation, user }
    }
  }
  throw new ProblemError('not_found', { detail: 'No such invitation in your organization.' })
}

/**
 * The invitation an accept link names, checked: unknown → 404, revoked (or its person deleted) and
 * accepted → 410. Answers a pending row (expired or not: callers decide what expiry means).
 */
export async function findInvitationByToken(
  db: Kysely<Database>,
  token: string,
  options: { forUpdate?: boolean } = {},
): Promise<InvitationRow & { user_id: string }> {
  let query = db.selectFrom('invitations').selectAll().where('token_hash', '=', hashLinkToken(token))
  if (options.forUpdate) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  if (!row) throw new ProblemError('invitation_not_found')
  if (row.status === 'revoked' || row.user_id === null) throw new ProblemError('invitation_revoked')
  if (row.status === 'accepted') throw new ProblemError('invitation_used')
  return row as InvitationRow & { user_id: string }
}

/** Keyset page of pending and expired invitations whose person is in the actor's scope. */
export async function listInvitationRows(
  db: Kysely<Database>,
  actor: Actor,
  input: { statuses: readonly ('pending' | 'expired')[]; limit: number; after: [string, string] | null },
  now: Date,
): Promise<InvitationRow[]> {
  let query = db
    .selectFrom('invitations as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .selectAll('i')
    .where('i.org_id', '=', actor.org.id)
    .where('i.status', '=', 'pending')
    .where(usersInScope(actor))
  const wanted = new Set(input.statuses)
  if (wanted.size === 1) {
    query = wanted.has('pending')
      ? query.where('i.expires_at', '>', now)
      : query.where('i.expires_at', '<=', now)
  }
  if (input.after) {
    const [createdAt, id] = input.after
    query = query.where(sql<boolean>`(i.created_at, i.id) < (${new Date(createdAt)}, ${id}::uuid)`)
  }
  return query
    .orderBy('i.created_at', 'desc')
    .orderBy('i.id', 'desc')
    .limit(input.limit + 1)
    .execute()
}

/**
 * Closes a person's pending invitation, if any: its link then answers "revoked". Every path that
 * ends an invitation without its being accepted (the person deleted, disabled by the directory,
 * activated by a password reset) goes through here.
 */
export async function revokePendingInvitation(
  trx: Kysely<Database>,
  userId: string,
  now: Date,
): Promise<void> {
  await trx
    .updateTable('invitations')
    .set({ status: 'revoked', revoked_at: now })
    .where('user_id', '=', userId)
    .where('status', '=', 'pending')
    .execute()
}
