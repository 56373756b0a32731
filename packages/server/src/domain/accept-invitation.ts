import type { AcceptInvitationResult, InvitationLookup, Salutation } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { Services } from '../app/services'
import { hashPassword, passwordProblems, passwordTooWeak, verifyPassword } from '../auth/passwords'
import type { AccountRow, Database, InvitationRow, OrganizationRow, UserRow } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { accountOfUser, setAccountPassword } from './accounts'
import { type AuditInput, displayName } from './audit'
import { findInvitationByToken, invitationState } from './invitations'
import { organizationSettings } from './organizations'
import { joinedColumns } from './people'
import { searchColumns } from './search'
import { lockOrganization, seatsUsed } from './seats'
import { issueSession } from './sessions'
import { iso } from './time'
import { toUserOne } from './users'

interface LinkTarget {
  invitation: InvitationRow & { user_id: string }
  user: UserRow
  /** The person's account: with a password when they already sign in to another organization. */
  account: AccountRow | undefined
  org: OrganizationRow
}

/** The pending (maybe expired) invitation of a link, with its person and organization. */
async function linkTarget(
  db: Kysely<Database>,
  token: string,
  options: { forUpdate?: boolean } = {},
): Promise<LinkTarget> {
  const invitation = await findInvitationByToken(db, token, options)
  const user = await db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', invitation.user_id)
    .executeTakeFirst()
  // A disabled person's link is dead: an administrator stopped this account.
  if (!user?.enabled || user.activated_at) {
    throw new ProblemError(user?.activated_at ? 'invitation_used' : 'invitation_revoked')
  }
  const org = await db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', invitation.org_id)
    .executeTakeFirstOrThrow()
  return { invitation, user, account: await accountOfUser(db, user), org }
}

/** GET /invitations/lookup: what the link is for, for the accept page. */
export async function lookupInvitation(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<InvitationLookup> {
  const { invitation, user, account, org } = await linkTarget(db, token)
  const inviter = invitation.invited_by
    ? await db
        .selectFrom('users')
        .select(['first_name', 'last_name'])
        .where('id', '=', invitation.invited_by)
        .executeTakeFirst()
    : undefined
  const state = invitationState(invitation, now)
  return {
    status: state === 'expired' ? 'expired' : 'pending',
    organization: { name: org.name },
    invitedBy: inviter ? { name: displayName(inviter) } : null,
    email: user.email,
    salutation: user.salutation as Salutation | null,
    firstName: user.first_name,
    lastName: user.last_name,
    role: user.role,
    locale: user.locale as InvitationLookup['locale'],
    expiresAt: iso(invitation.expires_at),
    passwordPolicy: organizationSettings(org).passwordPolicy,
    existingAccount: Boolean(account?.password_hash),
  }
}

export interface AcceptInput {
  token: string
  salutation?: Salutation | null
  firstName: string
  lastName: string
  password: string
  locale?: 'en' | 'fr'
}

/**
 * POST /invitations/accept. Every refusal (expired, weak or wrong password, another signed-in
 * account) happens before anything is written, so the link still works for the right person
 * afterwards. A person who already has an account (they sign in to another organization) joins
 * with the password they have, checked here; they never choose a second one. `signedInAs` is the
 * subject (account or membership id) and organization of a valid bearer token the request
 * carried, if any.
 */
export async function acceptInvitation(
  services: Services,
  input: AcceptInput,
  signedInAs: { subject: string; orgId: string } | null,
  now: Date,
  transaction: <T>(fn: (trx: Kysely<Database>) => Promise<T>) => Promise<T>,
  audit: (db: Kysely<Database>, event: AuditInput) => Promise<void>,
): Promise<AcceptInvitationResult> {
  const first = await linkTarget(services.db, input.token)
  if (invitationState(first.invitation, now) === 'expired') throw new ProblemError('invitation_expired')
  // Signed in as the invited person's account (in any of their organizations) is fine; anyone
  // else must sign out first.
  const sameAccount =
    signedInAs &&
    (signedInAs.subject === first.user.id ||
      (first.user.account_id !== null && signedInAs.subject === first.user.account_id))
  if (signedInAs && !sameAccount) {
    throw new ProblemError('invitation_email_mismatch', {
      detail: 'Sign out first, or open the link signed in as the invited person.',
    })
  }
  let passwordHash: string | null = null
  if (first.account?.password_hash) {
    if (!(await verifyPassword(first.account.password_hash, input.password))) {
      throw new ProblemError('invalid_credentials', {
        detail: 'This address already has an account: give its current password.',
        field: 'password',
      })
    }
  } else {
    const policy = organizationSettings(first.org).passwordPolicy
    const problems = passwordProblems(input.password, policy, {
      email: first.user.email,
      names: [input.firstName, input.lastName],
    })
    if (problems.length) {
      throw passwordTooWeak(problems, policy, 'password')
    }
    passwordHash = await hashPassword(input.password)
  }

  return transaction(async (trx) => {
    await lockOrganization(trx, first.org.id)
    // Read again under the lock: two accepts of one link cannot both pass (single use).
    const { invitation, user, account, org } = await linkTarget(trx, input.token, { forUpdate: true })
    if (!account) throw new ProblemError('invitation_revoked')
    if (invitationState(invitation, now) === 'expired') throw new ProblemError('invitation_expired')
    const seats = organizationSettings(org).seats
    // The live invitation already counts among the seats used; the plan may have shrunk since.
    if (
      seats !== null &&
      services.roles.takesSeat(user.role) &&
      (await seatsUsed(trx, org.id, services.roles.seatRoles, now)) > seats
    ) {
      throw new ProblemError('seat_limit_reached', {
        detail: 'The plan has no seat left for this account; ask your administrator.',
      })
    }
    const updated = await trx
      .updateTable('users')
      .set((eb) => ({
        first_name: input.firstName,
        last_name: input.lastName,
        ...(input.salutation !== undefined ? { salutation: input.salutation } : {}),
        ...(input.locale ? { locale: input.locale } : {}),
        ...searchColumns(input.firstName, input.lastName),
        ...joinedColumns(now),
        version: eb('version', '+', 1),
      }))
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow()
    // A first password becomes the account's; an account that had one keeps it (checked above).
    const signIn =
      passwordHash && !account.password_hash
        ? await setAccountPassword(trx, account.id, passwordHash)
        : account
    await trx
      .updateTable('invitations')
      .set({ status: 'accepted', accepted_at: now })
      .where('id', '=', invitation.id)
      .execute()
    const changes: Record<string, [unknown, unknown]> = {}
    if (user.first_name !== updated.first_name) changes.firstName = [user.first_name, updated.first_name]
    if (user.last_name !== updated.last_name) changes.lastName = [user.last_name, updated.last_name]
    await audit(trx, {
      orgId: org.id,
      actorOverride: { id: updated.id, name: displayName(updated), email: updated.email },
      action: 'invitation.accepted',
      target: { type: 'invitation', id: invitation.id, label: updated.email },
      changes: Object.keys(changes).length ? changes : null,
    })
    return {
      user: await toUserOne(trx, updated, now, null),
      session: await issueSession(services, updated, signIn, now),
    }
  })
}
