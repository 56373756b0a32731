import { randomUUID } from 'node:crypto'
import type { Membership } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { AccountRow, Database, UserRow } from '../db/schema'
import { ProblemError } from '../http/problem-error'

/** What an account is made of when a person first appears, in any organization. */
export interface NewAccount {
  email: string
  firstName: string
  lastName: string
  locale: string
}

/**
 * The account of each address, made (without a password) where the address has none yet. An
 * account that exists keeps its name, language and password: an administrator of one
 * organization never changes the sign-in of a person who already has one.
 */
export async function ensureAccounts(
  db: Kysely<Database>,
  people: readonly NewAccount[],
  now: Date,
): Promise<Map<string, Pick<AccountRow, 'id' | 'email' | 'password_hash'>>> {
  const byEmail = new Map<string, NewAccount>()
  for (const person of people) if (!byEmail.has(person.email)) byEmail.set(person.email, person)
  const found = new Map<string, Pick<AccountRow, 'id' | 'email' | 'password_hash'>>()
  if (byEmail.size === 0) return found
  await db
    .insertInto('accounts')
    .values(
      [...byEmail.values()].map((p) => ({
        id: randomUUID(),
        email: p.email,
        password_hash: null,
        first_name: p.firstName,
        last_name: p.lastName,
        locale: p.locale,
        created_at: now,
      })),
    )
    .onConflict((oc) => oc.column('email').doNothing())
    .execute()
  const rows = await db
    .selectFrom('accounts')
    .select(['id', 'email', 'password_hash'])
    .where('email', 'in', [...byEmail.keys()])
    .execute()
  for (const row of rows) found.set(row.email, row)
  return found
}

/** The account of an address, if any. */
export async function accountByEmail(db: Kysely<Database>, email: string): Promise<AccountRow | undefined> {
  return db.selectFrom('accounts').selectAll().where('email', '=', email).executeTakeFirst()
}

/** The account a membership belongs to (every row `insertPeople` wrote has one). */
export async function accountOfUser(
  db: Kysely<Database>,
  user: { account_id: string | null },
): Promise<AccountRow | undefined> {
  if (!user.account_id) return undefined
  return db.selectFrom('accounts').selectAll().where('id', '=', user.account_id).executeTakeFirst()
}

/**
 * Sets an account's password and ends every built-in session issued before (in every
 * organization: the password is the same everywhere).
 */
export async function setAccountPassword(
  db: Kysely<Database>,
  accountId: string,
  passwordHash: string,
): Promise<AccountRow> {
  return db
    .updateTable('accounts')
    .set((eb) => ({ password_hash: passwordHash, session_epoch: eb('session_epoch', '+', 1) }))
    .where('id', '=', accountId)
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * An administrator sets a member's password: the account's, so only for an account that belongs
 * to this organization alone. A person who is also in another organization keeps the sign-in they
 * chose (an administrator of one organization would otherwise open the others); they reset it
 * themselves. Ends the account's sessions.
 */
export async function setMemberPassword(
  db: Kysely<Database>,
  member: Pick<UserRow, 'id' | 'account_id' | 'org_id'>,
  passwordHash: string,
): Promise<AccountRow> {
  if (!member.account_id) throw new Error('A member without an account cannot get a password')
  const elsewhere = await db
    .selectFrom('users')
    .select('id')
    .where('account_id', '=', member.account_id)
    .where('org_id', '<>', member.org_id)
    .limit(1)
    .executeTakeFirst()
  if (elsewhere) {
    throw new ProblemError('forbidden', {
      detail:
        'This person also belongs to another organization and signs in with their own password; they can reset it themselves.',
    })
  }
  return setAccountPassword(db, member.account_id, passwordHash)
}

/**
 * Which of these (normalised) addresses already sign in: their account has a password. An account
 * without one (invited somewhere, never accepted) does not count: that person has no sign-in yet.
 * One query for a whole batch; the invite form's mark and joining at once both rest on it.
 */
export async function signInAddresses(db: Kysely<Database>, emails: readonly string[]): Promise<Set<string>> {
  if (emails.length === 0) return new Set()
  const rows = await db
    .selectFrom('accounts')
    .select('email')
    .where('email', 'in', [...new Set(emails)])
    .where('password_hash', 'is not', null)
    .execute()
  return new Set(rows.map((row) => row.email))
}

/** Whether an address is someone who can already sign in (their account has a password). */
export async function hasSignIn(db: Kysely<Database>, email: string): Promise<boolean> {
  const account = await accountByEmail(db, email)
  return Boolean(account?.password_hash)
}

/**
 * The organizations an account can open: its enabled, activated memberships, oldest first. An
 * invitation not yet accepted or a disabled membership opens nothing, and is not listed.
 */
export async function membershipsOf(db: Kysely<Database>, accountId: string): Promise<Membership[]> {
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .select(['u.id as user_id', 'u.role', 'o.id as org_id', 'o.name', 'o.slug'])
    .where('u.account_id', '=', accountId)
    .where('u.enabled', '=', true)
    .where('u.activated_at', 'is not', null)
    .orderBy('u.created_at')
    .orderBy('u.id')
    // A person belongs to a handful of organizations; the cap bounds one request's work.
    .limit(100)
    .execute()
  return rows.map((r) => ({
    userId: r.user_id,
    role: r.role,
    organization: { id: r.org_id, name: r.name, slug: r.slug },
  }))
}
