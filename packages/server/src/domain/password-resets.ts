import { randomUUID } from 'node:crypto'
import {
  DEFAULT_TIME_ZONE,
  type LoginResult,
  type PasswordResetLookup,
  TimeZoneSchema,
} from '@usher/contract'
import { type Kysely, sql } from 'kysely'
import type { Services } from '../app/services'
import { hashPassword, passwordProblems, passwordTooWeak } from '../auth/passwords'
import type { AccountRow, Database, UserRow } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { enqueueMail } from '../mail/mailer'
import { type MailLocale, renderPasswordResetMail } from '../mail/templates'
import { accountOfUser, membershipsOf, setAccountPassword } from './accounts'
import { type AuditInput, displayName } from './audit'
import { revokePendingInvitation } from './invitations'
import { organizationSettings } from './organizations'
import { lockOrganization, seatsUsed } from './seats'
import { mustIssueSession } from './sessions'
import { iso } from './time'
import { hashLinkToken, newLinkToken } from './tokens'
import { toUserOne, userStatus } from './users'

/** How long a reset (or activation) link works. */
export const RESET_TOKEN_LIFETIME_MS = 60 * 60 * 1000

/** The reset page's link for a token. */
export const resetLink = (services: Services, token: string) =>
  `${services.links.resetPasswordUrl}${services.links.resetPasswordUrl.includes('?') ? '&' : '?'}token=${token}`

/** The time zone of an organization's stored settings (the default for settings older than it). */
function settingsTimeZone(settings: unknown): string {
  const raw = typeof settings === 'string' ? JSON.parse(settings) : settings
  return TimeZoneSchema.catch(DEFAULT_TIME_ZONE).parse((raw as { timeZone?: unknown } | null)?.timeZone)
}

/**
 * The memberships of an address's account, in every organization or the one of `slug`, most
 * recently used first (the one a sign-in opens when none is named).
 */
export async function membershipsOfAddress(db: Kysely<Database>, email: string, slug: string | undefined) {
  let query = db
    .selectFrom('users as u')
    .innerJoin('accounts as a', 'a.id', 'u.account_id')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .selectAll('u')
    .select(['o.name as org_name', 'o.slug as org_slug', 'o.settings as org_settings'])
    .where('a.email', '=', email)
  if (slug) query = query.where('o.slug', '=', slug)
  // A person rarely belongs to more than a few organizations; the cap bounds one request's work.
  return query.orderBy(sql`u.last_active_at desc nulls last`).orderBy('u.created_at').limit(100).execute()
}

/**
 * POST /auth/password-reset: one password per person, so one one-hour link per account — "reset
 * your password", or for a person who never activated their membership (the invitation email was
 * lost) "activate your account". The link names the organization given, or the one the person
 * used last (an invitation still waiting if they belong nowhere yet). Unknown addresses get
 * nothing, and the answer is the same either way. Returns the outbox ids to deliver after commit.
 */
export async function requestPasswordReset(
  trx: Kysely<Database>,
  services: Services,
  input: { email: string; organization?: string },
  now: Date,
): Promise<string[]> {
  const memberships = (await membershipsOfAddress(trx, input.email, input.organization)).filter(
    (m) => m.enabled,
  )
  const account = memberships.find((m) => m.activated_at) ?? memberships[0]
  if (!account) return []
  const { token, hash } = newLinkToken()
  const expiresAt = new Date(now.getTime() + RESET_TOKEN_LIFETIME_MS)
  await trx
    .insertInto('password_resets')
    .values({
      id: randomUUID(),
      org_id: account.org_id,
      user_id: account.id,
      token_hash: hash,
      expires_at: expiresAt,
      created_at: now,
    })
    .execute()
  const activation = !account.activated_at
  const link = resetLink(services, token)
  const mail = renderPasswordResetMail({
    locale: account.locale as MailLocale,
    productName: services.links.productName,
    organizationName: account.org_name,
    firstName: account.first_name,
    link,
    expiresAt,
    timeZone: settingsTimeZone(account.org_settings),
    activation,
  })
  return [
    await enqueueMail(
      trx,
      {
        orgId: account.org_id,
        to: account.email,
        locale: account.locale,
        kind: activation ? 'activation' : 'password_reset',
        link,
        ...mail,
      },
      now,
    ),
  ]
}

/** The unused, unexpired reset of a token, with its (enabled) account; 400 otherwise. */
async function validReset(db: Kysely<Database>, token: string, now: Date, forUpdate = false) {
  let query = db
    .selectFrom('password_resets')
    .selectAll()
    .where('token_hash', '=', hashLinkToken(token))
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
  if (forUpdate) query = query.forUpdate()
  const reset = await query.executeTakeFirst()
  const user = reset
    ? await db.selectFrom('users').selectAll().where('id', '=', reset.user_id).executeTakeFirst()
    : undefined
  const account = user ? await accountOfUser(db, user) : undefined
  if (!reset || !user?.enabled || !account) throw new ProblemError('reset_token_invalid')
  return { reset, user, account }
}

/**
 * GET /auth/password-reset/lookup: what the link is for, so the page shows whose account, the
 * organization's policy, and whether it activates, before a password is typed. Reads only.
 */
export async function lookupPasswordReset(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<PasswordResetLookup> {
  const { reset, user } = await validReset(db, token, now)
  const org = await db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', user.org_id)
    .executeTakeFirstOrThrow()
  return {
    organization: { name: org.name },
    email: user.email,
    firstName: user.first_name,
    lastName: user.last_name,
    locale: user.locale === 'fr' ? 'fr' : 'en',
    activation: !user.activated_at,
    expiresAt: iso(reset.expires_at),
    passwordPolicy: organizationSettings(org).passwordPolicy,
  }
}

/**
 * POST /auth/password-reset/confirm: sets the account's password (the same in every organization
 * of the person), activates a membership that was only invited (its pending invitation is
 * revoked: this link replaced it), ends every earlier session and signs in.
 */
export async function confirmPasswordReset(
  services: Services,
  input: { token: string; password: string },
  now: Date,
  transaction: <T>(fn: (trx: Kysely<Database>) => Promise<T>) => Promise<T>,
  audit: (db: Kysely<Database>, event: AuditInput) => Promise<void>,
): Promise<LoginResult> {
  const { user: before } = await validReset(services.db, input.token, now)
  const org = await services.db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', before.org_id)
    .executeTakeFirstOrThrow()
  const settings = organizationSettings(org)
  const problems = passwordProblems(input.password, settings.passwordPolicy, {
    email: before.email,
    names: [before.first_name, before.last_name],
  })
  if (problems.length) {
    throw passwordTooWeak(problems, settings.passwordPolicy, 'password')
  }
  const passwordHash = await hashPassword(input.password)

  const done = await transaction(async (trx) => {
    await lockOrganization(trx, org.id)
    const { user, account } = await validReset(trx, input.token, now, true)
    const activating = !user.activated_at
    // Activating makes the person active, so holding a seat (`holdsSeat`): a live invitation
    // already counts among the seats used (the plan may have shrunk since); a lapsed one freed its
    // seat and activating takes one again.
    const { roles } = services
    if (activating && settings.seats !== null && roles.holdsSeat({ role: user.role, status: 'active' })) {
      const heldBefore = roles.holdsSeat({ role: user.role, status: userStatus(user, now) })
      const used = await seatsUsed(trx, org.id, roles.seatRoles, now)
      if (used + (heldBefore ? 0 : 1) > settings.seats) {
        throw new ProblemError('seat_limit_reached', {
          detail: 'The plan has no seat left for this account; ask your administrator.',
        })
      }
    }
    const signIn = await setAccountPassword(trx, account.id, passwordHash)
    const updated = await trx
      .updateTable('users')
      .set((eb) => ({
        must_change_password: false,
        activated_at: sql<Date>`coalesce(activated_at, ${now})`,
        invitation_expires_at: null,
        version: eb('version', '+', 1),
      }))
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    if (activating) await revokePendingInvitation(trx, user.id, now)
    // This link and any other one still out there, in any organization of the account: one
    // reset, one working link.
    await trx
      .updateTable('password_resets')
      .set({ used_at: now })
      .where('user_id', 'in', (eb) =>
        eb.selectFrom('users').select('id').where('account_id', '=', account.id),
      )
      .where('used_at', 'is', null)
      .execute()
    await audit(trx, {
      orgId: org.id,
      actorOverride: { id: user.id, name: displayName(user), email: user.email },
      action: 'user.password_reset',
      target: { type: 'user', id: user.id, label: user.email },
      changes: activating ? { status: [userStatus(user, now), 'active'] } : null,
    })
    return { updated, signIn }
  })
  return signedIn(services, done.updated, done.signIn, now)
}

/**
 * The answer of every built-in sign-in: a session, the user, whether the password must change,
 * the organization's password policy (a must-change session can read nothing else) and the
 * account's organizations to switch to.
 */
export async function signedIn(
  services: Services,
  user: UserRow,
  account: Pick<AccountRow, 'id' | 'session_epoch'>,
  now: Date,
): Promise<LoginResult> {
  const org = await services.db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', user.org_id)
    .executeTakeFirstOrThrow()
  return {
    session: await mustIssueSession(services, user, account, now),
    user: await toUserOne(services.db, user, now, null),
    mustChangePassword: user.must_change_password,
    passwordPolicy: organizationSettings(org).passwordPolicy,
    memberships: await membershipsOf(services.db, account.id),
  }
}
