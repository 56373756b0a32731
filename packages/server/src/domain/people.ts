import { randomUUID } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Database, InvitationRow, NewUserRow, UserRow } from '../db/schema'
import { ensureAccounts } from './accounts'
import { searchColumns } from './search'
import { addDays } from './time'
import { newLinkToken } from './tokens'

/** Everything needed to create a person; the email must already be normalised. */
export interface NewPerson {
  /** Given by callers that must know it before the insert answers; a fresh one otherwise. */
  id?: string
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
  /**
   * With a hash the membership is active at once; without, the person is invited. The hash
   * becomes the account's password only when the account has none yet.
   */
  passwordHash?: string | null
  /**
   * The address already signs in elsewhere and the organization adds such people at once
   * (`joinsAtOnce`): the membership is active without a password given here, as if its
   * invitation had been accepted.
   */
  joinsAtOnce?: boolean
  mustChangePassword?: boolean
  groupIds?: readonly string[]
  /** For invited people: when the invitation lapses. */
  invitationExpiresAt?: Date | null
}

/**
 * Rows per multi-row INSERT: a chunk of an import or an invitation batch in one statement, and
 * well under PostgreSQL's 65,535 bind parameters for the widest table (users: 27 columns).
 */
export const INSERT_CHUNK = 1000

/** `items` in slices of `INSERT_CHUNK`. */
export function chunked<T>(items: readonly T[]): T[][] {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += INSERT_CHUNK) out.push(items.slice(i, i + INSERT_CHUNK))
  return out
}

/**
 * What a membership that starts now holds: set when an invitation is accepted, and on a person
 * who joins at once. Someone joining with their own sign-in has no administrator's password to
 * change.
 */
export function joinedColumns(now: Date) {
  return { activated_at: now, invitation_expires_at: null, must_change_password: false }
}

/** The users row of a new person: the one place a person's columns are filled in. */
export function personRow(person: NewPerson, now: Date, accountId: string | null = null): NewUserRow {
  return {
    id: person.id ?? randomUUID(),
    org_id: person.orgId,
    account_id: accountId,
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
    contact_for: [...new Set(person.contactFor ?? [])],
    primary_contact: person.primaryContact ?? false,
    assigned_agent_id: person.assignedAgentId ?? null,
    must_change_password: person.mustChangePassword ?? false,
    source: person.source,
    created_at: now,
    ...searchColumns(person.firstName, person.lastName),
    ...(person.joinsAtOnce ? joinedColumns(now) : {}),
  }
}

/**
 * Inserts people and their group memberships in multi-row statements. Answers, in `people`'s
 * order, each one's row, or null where the address (or SSO id) was already taken in the
 * organization: the unique indexes decide, so two concurrent requests cannot both create it.
 */
export async function insertPeople(
  db: Kysely<Database>,
  people: readonly NewPerson[],
  now: Date,
): Promise<Array<UserRow | null>> {
  // Each address's account first (the one it has in another organization, or a new one):
  // the membership rows point at it.
  const accounts = new Map<string, { id: string; password_hash: string | null }>()
  for (const batch of chunked(people)) {
    for (const [email, account] of await ensureAccounts(db, batch, now)) accounts.set(email, account)
  }
  const rows = people.map((person) => {
    const account = accounts.get(person.email)
    const row = personRow(person, now, account?.id ?? null)
    // Someone who already signs in keeps their own password: "change the password an
    // administrator set" does not apply to them.
    return account?.password_hash ? { ...row, must_change_password: false } : row
  })
  const inserted = new Map<string, UserRow>()
  for (const batch of chunked(rows)) {
    const users = await db
      .insertInto('users')
      .values(batch)
      .onConflict((oc) => oc.doNothing())
      .returningAll()
      .execute()
    for (const user of users) inserted.set(user.id, user)
  }
  // A password given with a person fills their account only if it has none: an account that
  // signs in elsewhere keeps its own. Only for rows that were written (a refused row sets nothing).
  const passwords = people.flatMap((person, i) => {
    const row = rows[i]
    return row && person.passwordHash && row.account_id && inserted.has(row.id)
      ? [{ id: row.account_id, hash: person.passwordHash }]
      : []
  })
  for (const batch of chunked(passwords)) {
    const values = sql.join(batch.map((p) => sql`(${p.id}::uuid, ${p.hash})`))
    await sql`
      update accounts a set password_hash = v.hash
        from (values ${values}) as v(id, hash)
       where a.id = v.id and a.password_hash is null`.execute(db)
  }
  const memberships = people.flatMap((person, i) => {
    const id = rows[i]?.id as string
    if (!inserted.has(id)) return []
    return [...new Set(person.groupIds ?? [])].map((group_id) => ({
      user_id: id,
      group_id,
      org_id: person.orgId,
    }))
  })
  for (const batch of chunked(memberships)) await db.insertInto('user_groups').values(batch).execute()
  return rows.map((row) => inserted.get(row.id) ?? null)
}

/** `insertPeople` of one person. */
export async function insertPerson(
  db: Kysely<Database>,
  person: NewPerson,
  now: Date,
): Promise<UserRow | null> {
  const [row] = await insertPeople(db, [person], now)
  return row ?? null
}

/** An invitation to open for a person who has no pending one. */
export interface InvitationOpening {
  user: UserRow
  invitedBy: string | null
  message?: string | null
}

/**
 * Opens a pending invitation for each person (revoking none: callers make sure there is no other
 * pending one), expiring at `expiresAt`, mirrored on the user rows, in multi-row statements.
 * Answers, in order, each invitation and its token, to put in the email; only its hash is kept.
 */
export async function openInvitations(
  db: Kysely<Database>,
  openings: readonly InvitationOpening[],
  expiresAt: Date,
  now: Date,
): Promise<Array<{ invitation: InvitationRow; token: string }>> {
  const tokens = openings.map(() => newLinkToken())
  const rows = openings.map((opening, i) => ({
    id: randomUUID(),
    org_id: opening.user.org_id,
    user_id: opening.user.id,
    token_hash: (tokens[i] as { hash: string }).hash,
    status: 'pending' as const,
    expires_at: expiresAt,
    invited_by: opening.invitedBy,
    message: opening.message ?? null,
    created_at: now,
    last_sent_at: now,
    send_count: 1,
  }))
  // The rows as written: nothing to read back (a batch is up to a thousand invitations).
  for (const batch of chunked(rows)) await db.insertInto('invitations').values(batch).execute()
  const stale = openings.filter(
    (o) =>
      !o.user.invitation_expires_at ||
      new Date(o.user.invitation_expires_at).getTime() !== expiresAt.getTime(),
  )
  for (const batch of chunked(stale.map((o) => o.user.id))) {
    await db.updateTable('users').set({ invitation_expires_at: expiresAt }).where('id', 'in', batch).execute()
  }
  for (const opening of openings) opening.user.invitation_expires_at = expiresAt
  return rows.map((row, i) => ({
    invitation: { ...row, accepted_at: null, revoked_at: null },
    token: (tokens[i] as { token: string }).token,
  }))
}

/** `openInvitations` of one person, for the organization's invitation lifetime. */
export async function openInvitation(
  db: Kysely<Database>,
  input: { user: UserRow; invitedBy: string | null; lifetimeDays: number; message?: string | null },
  now: Date,
): Promise<{ invitation: InvitationRow; token: string }> {
  const [opened] = await openInvitations(db, [input], addDays(now, input.lifetimeDays), now)
  return opened as { invitation: InvitationRow; token: string }
}
