import { isActionAllowed } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { Services } from '../app/services'
import type { Database, InvitationRow, UserRow } from '../db/schema'
import { ProblemError, rateLimited } from '../http/problem-error'
import { requireOutranks } from './account-guards'
import { queueInvitationMail } from './invitation-mail'
import { openInvitation } from './people'
import { addDays } from './time'
import { newLinkToken } from './tokens'
import type { UserWrites } from './user-writes'
import { userStatus } from './users'

export interface ResentInvitation {
  invitation: InvitationRow
  user: UserRow
  /** The reminder in the outbox: deliver it after commit (`deliverPending(..., [outboxId])`). */
  outboxId: string
}

/**
 * "Resend the invitation" on a person, the one path of POST /invitations/{id}/resend and of the
 * users' bulk resend: the actor must manage the person's account (`requireOutranks`). With a
 * pending invitation (the one named, or the person's own) it gets a new token (the old link stops
 * working), a new expiry mirrored on the user and a reminder in the outbox, throttled; a person
 * with none left (revoked) and still invited gets a new invitation. A lapsed invitation freed its
 * seat (`holdsSeat`): renewing it takes one back. Writes the audit event; returns the outbox id to
 * deliver after commit.
 *
 * The caller has found the person (and the invitation) in the actor's scope (404 otherwise).
 * Throws `status_not_allowed` when the invitation is no longer pending or the person may not be
 * re-invited, `rate_limited` when it was sent less than `limits.resendIntervalSeconds` ago or
 * `limits.resendPerDay` times in the last 24 hours, `seat_limit_reached` when a lapsed invitation
 * would take back a seat the plan no longer has.
 */
export async function resendInvitation(
  w: UserWrites,
  services: Services,
  target: { user: UserRow; invitation?: InvitationRow },
): Promise<ResentInvitation> {
  const { trx, actor, now } = w
  requireOutranks(actor, target.user)
  const invitation =
    target.invitation ??
    (await trx
      .selectFrom('invitations')
      .selectAll()
      .where('user_id', '=', target.user.id)
      .where('status', '=', 'pending')
      .executeTakeFirst())
  if (invitation) return renew(w, services, invitation)

  const user = target.user
  const status = userStatus(user, now)
  if (!isActionAllowed(status, 'resendInvitation')) {
    throw new ProblemError('status_not_allowed', {
      detail: `There is no invitation to resend to a ${status} account.`,
    })
  }
  // Without a pending invitation the person is `expired`: a new one takes a seat back.
  const takesSeat = actor.roles.takesSeat(user.role)
  if (takesSeat) await w.requireSeat()
  const opened = await openInvitation(
    trx,
    { user, invitedBy: actor.user.id, lifetimeDays: actor.settings.invitationLifetimeDays },
    now,
  )
  if (takesSeat) w.record({ seats: 1 })
  await w.audit({
    action: 'invitation.created',
    target: { type: 'invitation', id: opened.invitation.id, label: user.email },
  })
  const outboxId = await queueInvitationMail(
    trx,
    services,
    {
      user,
      invitation: opened.invitation,
      token: opened.token,
      organizationName: actor.org.name,
      timeZone: actor.settings.timeZone,
      inviter: actor.user,
      reminder: false,
    },
    now,
  )
  return { invitation: opened.invitation, user, outboxId }
}

/** A pending invitation's new token, expiry and reminder. */
async function renew(
  w: UserWrites,
  services: Services,
  invitation: InvitationRow,
): Promise<ResentInvitation> {
  const { trx, actor, now } = w
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
  const takesSeatBack = status === 'expired' && actor.roles.takesSeat(user.role)
  if (takesSeatBack) await w.requireSeat('Renewing this invitation would take a seat the plan does not have.')

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
  if (takesSeatBack) w.record({ seats: 1 })
  await w.audit({
    action: 'invitation.resent',
    target: { type: 'invitation', id: updated.id, label: user.email },
    changes: { sendCount: [invitation.send_count, updated.send_count] },
  })

  const outboxId = await queueInvitationMail(
    trx,
    services,
    {
      user,
      invitation: updated,
      token,
      organizationName: actor.org.name,
      timeZone: actor.settings.timeZone,
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
