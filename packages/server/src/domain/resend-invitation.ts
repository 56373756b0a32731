import { isActionAllowed } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { Services } from '../app/services'
import type { Database, InvitationRow, UserRow } from '../db/schema'
import { ProblemError, rateLimited } from '../http/problem-error'
import type { Actor } from './actor'
import { queueInvitationMail } from './invitation-mail'
import { lockOrganization, seatsUsed, takesSeat } from './seats'
import { addDays } from './time'
import { newLinkToken } from './tokens'
import { userStatus } from './users'

export interface ResentInvitation {
  invitation: InvitationRow
  user: UserRow
  /** The reminder in the outbox: deliver it after commit (`deliverPending(..., [outboxId])`). */
  outboxId: string
}

/**
 * Resends a pending invitation: a new token (the old link stops working), a new expiry mirrored on
 * the user, and a reminder in the outbox, all in `trx`. Shared by POST /invitations/:id/resend and
 * the users' bulk "resend" so both throttle and check alike.
 *
 * The caller has already checked that the invitation belongs to the actor's organization and that
 * its user is in the actor's scope (404 otherwise), and writes the `invitation.resent` audit event.
 *
 * Throws `status_not_allowed` when the invitation is no longer pending or its user may not be
 * re-invited (disabled), `rate_limited` when it was sent less than `limits.resendIntervalSeconds`
 * ago or `limits.resendPerDay` times in the last 24 hours, and `seat_limit_reached` when a lapsed
 * invitation would take back a seat the plan no longer has.
 */
export async function resendInvitation(
  trx: Kysely<Database>,
  services: Services,
  actor: Actor,
  invitation: InvitationRow,
  now: Date,
): Promise<ResentInvitation> {
  if (invitation.status !== 'pending' || invitation.user_id === null) {
    throw new ProblemError('status_not_allowed', {
      detail: `This invitation was ${invitation.status === 'accepted' ? 'already accepted' : 'revoked'}.`,
    })
  }
  const user = await trx
    .selectFrom('users')
    .selectAll()
    .where('id', '=', invitation.user_id)
    .where('org_id', '=', invitation.org_id)
    .executeTakeFirstOrThrow()
  const status = userStatus(user, now)
  if (!isActionAllowed(status, 'resendInvitation')) {
    throw new ProblemError('status_not_allowed', {
      detail: `An invitation cannot be resent to a ${status} account.`,
    })
  }

  const sinceLast = (now.getTime() - new Date(invitation.last_sent_at).getTime()) / 1000
  const interval = services.limits.resendIntervalSeconds
  if (sinceLast < interval) {
    throw rateLimited(interval - sinceLast, 'This invitation was sent moments ago; wait before resending it.')
  }
  await requireDailyRoom(trx, services, invitation, now)

  // A lapsed invitation freed its seat (`holdsSeat`); a live one takes it back.
  if (status === 'expired' && takesSeat(user.role) && actor.settings.seats !== null) {
    await lockOrganization(trx, actor.org.id)
    if ((await seatsUsed(trx, actor.org.id, now)) + 1 > actor.settings.seats) {
      throw new ProblemError('seat_limit_reached', {
        detail: 'Renewing this invitation would take a seat the plan does not have.',
      })
    }
  }

  const { token, hash } = newLinkToken()
  const expiresAt = addDays(now, actor.settings.invitationLifetimeDays)
  const updated = await trx
    .updateTable('invitations')
    .set({
      token_hash: hash,
      expires_at: expiresAt,
      last_sent_at: now,
      send_count: invitation.send_count + 1,
    })
    .where('id', '=', invitation.id)
    .where('status', '=', 'pending')
    // A concurrent resend got there first (both passed the checks above): one send, not two.
    .where('send_count', '=', invitation.send_count)
    .returningAll()
    .executeTakeFirst()
  if (!updated) {
    const current = await trx
      .selectFrom('invitations')
      .select('status')
      .where('id', '=', invitation.id)
      .executeTakeFirst()
    if (current?.status === 'pending') {
      throw rateLimited(interval, 'This invitation was sent moments ago; wait before resending it.')
    }
    throw new ProblemError('status_not_allowed', { detail: 'This invitation is no longer pending.' })
  }
  await trx.updateTable('users').set({ invitation_expires_at: expiresAt }).where('id', '=', user.id).execute()
  user.invitation_expires_at = expiresAt

  const outboxId = await queueInvitationMail(
    trx,
    services,
    {
      user,
      invitation: updated,
      token,
      organizationName: actor.org.name,
      inviter: actor.user,
      reminder: true,
    },
    now,
  )
  return { invitation: updated, user, outboxId }
}

const DAY_MS = 86_400_000

/**
 * 429 when the invitation was resent `limits.resendPerDay` times in the last 24 hours, counted
 * from its `invitation.resent` audit events: in the database, so the cap holds across instances,
 * and a resend that was refused or rolled back wrote no event and used nothing up.
 */
async function requireDailyRoom(
  trx: Kysely<Database>,
  services: Services,
  invitation: InvitationRow,
  now: Date,
): Promise<void> {
  const limit = services.limits.resendPerDay
  if (limit <= 0) throw rateLimited(DAY_MS / 1000, 'Resending invitations is turned off.')
  const recent = await trx
    .selectFrom('audit_events')
    .select('at')
    .where('org_id', '=', invitation.org_id)
    .where('target_id', '=', invitation.id)
    .where('action', '=', 'invitation.resent')
    .where('at', '>', new Date(now.getTime() - DAY_MS))
    .orderBy('at', 'desc')
    .limit(limit)
    .execute()
  const oldest = recent[limit - 1]
  if (oldest) {
    const wait = (new Date(oldest.at).getTime() + DAY_MS - now.getTime()) / 1000
    throw rateLimited(wait, 'This invitation was sent too many times today.')
  }
}
