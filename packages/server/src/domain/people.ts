import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Database, InvitationRow, UserRow } from '../db/schema'
import { searchColumns } from './search'
import { addDays } from './time'
import { newLinkToken } from './tokens'

/** Everything needed to create a person; the email must already be normalised. */
export interface NewPerson {
  orgId: string
  email: string
  firstName: string
  lastName: string
  salutation?: string | null
  nickname?: string | null
  phone?: string | null
  mobile?: string | null
  jobTitle?: string | null
  department?: string | null
  description?: string | null
  externalId?: string | null
  locale: string
  role: string
  enabled?: boolean
  contactFor?: readonly string[]
  primaryContact?: boolean
  assignedAgentId?: string | null
  source: 'owner' | 'invitation' | 'manual' | 'import' | 'email' | 'scim'
  /** With a hash the account is active at once; without, the person is invited. */
  passwordHash?: string | null
  mustChangePassword?: boolean
  groupIds?: readonly string[]
  /** For invited people: when the invitation lapses. */
  invitationExpiresAt?: Date | null
}

/**
 * Inserts a person and their group memberships. Returns null when the email is already taken in
 * the organization (a unique index decides, so two concurrent requests cannot both create it).
 */
export async function insertPerson(
  db: Kysely<Database>,
  person: NewPerson,
  now: Date,
): Promise<UserRow | null> {
  const id = randomUUID()
  const row = await db
    .insertInto('users')
    .values({
      id,
      org_id: person.orgId,
      email: person.email,
      salutation: person.salutation ?? null,
      first_name: person.firstName,
      last_name: person.lastName,
      nickname: person.nickname ?? null,
      phone: person.phone ?? null,
      mobile: person.mobile ?? null,
      job_title: person.jobTitle ?? null,
      department: person.department ?? null,
      description: person.description ?? null,
      external_id: person.externalId ?? null,
      locale: person.locale,
      role: person.role,
      enabled: person.enabled ?? true,
      activated_at: person.passwordHash ? now : null,
      invitation_expires_at: person.passwordHash ? null : (person.invitationExpiresAt ?? null),
      contact_for: [...(person.contactFor ?? [])],
      primary_contact: person.primaryContact ?? false,
      assigned_agent_id: person.assignedAgentId ?? null,
      must_change_password: person.mustChangePassword ?? false,
      source: person.source,
      password_hash: person.passwordHash ?? null,
      created_at: now,
      ...searchColumns(person.firstName, person.lastName),
    })
    .onConflict((oc) => oc.columns(['org_id', 'email']).doNothing())
    .returningAll()
    .executeTakeFirst()
  if (!row) return null
  const groupIds = [...new Set(person.groupIds ?? [])]
  if (groupIds.length) {
    await db
      .insertInto('user_groups')
      .values(groupIds.map((group_id) => ({ user_id: id, group_id, org_id: person.orgId })))
      .execute()
  }
  return row
}

/**
 * Opens a pending invitation for `user` (revoking none: callers make sure there is no other
 * pending one) and mirrors its expiry on the user row. Returns the token, to put in the email;
 * only its hash is kept.
 */
export async function openInvitation(
  db: Kysely<Database>,
  input: { user: UserRow; invitedBy: string | null; lifetimeDays: number; message?: string | null },
  now: Date,
): Promise<{ invitation: InvitationRow; token: string }> {
  const { token, hash } = newLinkToken()
  const expiresAt = addDays(now, input.lifetimeDays)
  const invitation = await db
    .insertInto('invitations')
    .values({
      id: randomUUID(),
      org_id: input.user.org_id,
      user_id: input.user.id,
      token_hash: hash,
      status: 'pending',
      expires_at: expiresAt,
      invited_by: input.invitedBy,
      message: input.message ?? null,
      created_at: now,
      last_sent_at: now,
      send_count: 1,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
  await db
    .updateTable('users')
    .set({ invitation_expires_at: expiresAt })
    .where('id', '=', input.user.id)
    .execute()
  input.user.invitation_expires_at = expiresAt
  return { invitation, token }
}
