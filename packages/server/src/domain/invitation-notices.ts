import { invitationReminderDueAt } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { Services } from '../app/services'
import type { Database, OrganizationRow } from '../db/schema'
import { enqueueMail } from '../mail/mailer'
import { renderInvitationExpiryReminder, renderInvitationLapsed } from '../mail/notice-templates'
import type { MailLocale } from '../mail/templates'
import { displayName } from './audit'
import { organizationSettings } from './organizations'
import { addDays } from './time'

/** Invitations looked at per sweep; the next sweep takes the rest. */
const BATCH = 500
/** The longest reminder window an owner may choose (`InvitationReminderSettingsSchema`). */
const LONGEST_WINDOW_DAYS = 30
/**
 * Lapses older than this are not announced: a server upgraded onto a database with years of
 * lapsed invitations must not mail every inviter at once.
 */
const LAPSE_NOTICE_WITHIN_DAYS = 7

const locale = (value: string): MailLocale => (value === 'fr' ? 'fr' : 'en')

/**
 * Records a notice once per invitation, kind and expiry, and queues its mail in the same
 * transaction: of two instances sweeping at the same moment, one inserts the row and sends, the
 * other finds it taken and sends nothing. Returns the outbox id, or null when it was taken.
 */
async function recordOnce(
  db: Kysely<Database>,
  notice: {
    invitationId: string
    kind: 'reminder' | 'lapsed'
    expiresAt: Date
    orgId: string
    recipientId: string | null
  },
  now: Date,
  mail: (trx: Kysely<Database>) => Promise<string | null>,
): Promise<string | null> {
  return db.transaction().execute(async (trx) => {
    const taken = await trx
      .insertInto('invitation_notices')
      .values({
        invitation_id: notice.invitationId,
        kind: notice.kind,
        expires_at: notice.expiresAt,
        org_id: notice.orgId,
        recipient_id: notice.recipientId,
        created_at: now,
      })
      .onConflict((oc) => oc.doNothing())
      .returning('invitation_id')
      .executeTakeFirst()
    if (!taken) return null
    const outboxId = await mail(trx)
    if (outboxId) {
      await trx
        .updateTable('invitation_notices')
        .set({ outbox_id: outboxId })
        .where('invitation_id', '=', notice.invitationId)
        .where('kind', '=', notice.kind)
        .where('expires_at', '=', notice.expiresAt)
        .execute()
    }
    return outboxId
  })
}

/**
 * Sends the one reminder of each pending invitation whose organization keeps reminders on, once
 * `invitationReminderDueAt` has come: in the invitee's language, with the expiry in the
 * organization's time zone. It renews nothing (same link, same expiry). Returns the outbox ids.
 */
export async function sendInvitationReminders(services: Services, now: Date): Promise<string[]> {
  const { db } = services
  const candidates = await db
    .selectFrom('invitations as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .innerJoin('organizations as o', 'o.id', 'i.org_id')
    .leftJoin('users as by', 'by.id', 'i.invited_by')
    .where('i.status', '=', 'pending')
    .where('i.expires_at', '>', now)
    .where('i.expires_at', '<=', addDays(now, LONGEST_WINDOW_DAYS))
    .where('u.activated_at', 'is', null)
    .where('u.enabled', '=', true)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('invitation_notices as n')
            .select('n.invitation_id')
            .whereRef('n.invitation_id', '=', 'i.id')
            .where('n.kind', '=', 'reminder')
            .whereRef('n.expires_at', '=', 'i.expires_at'),
        ),
      ),
    )
    .select([
      'i.id as invitationId',
      'i.org_id as orgId',
      'i.expires_at as expiresAt',
      'i.last_sent_at as lastSentAt',
      'u.id as userId',
      'u.email',
      'u.first_name as firstName',
      'u.locale',
      'o.name as orgName',
      'o.settings',
      'by.first_name as inviterFirst',
      'by.last_name as inviterLast',
    ])
    .orderBy('i.expires_at')
    .limit(BATCH)
    .execute()

  const sent: string[] = []
  for (const row of candidates) {
    const settings = organizationSettings({ settings: row.settings } as OrganizationRow)
    if (!settings.invitationReminders.enabled) continue
    const expiresAt = new Date(row.expiresAt)
    const due = invitationReminderDueAt({
      expiresAt,
      lastSentAt: new Date(row.lastSentAt),
      daysBefore: settings.invitationReminders.daysBefore,
    })
    if (!due || due.getTime() > now.getTime()) continue
    const inviterName =
      row.inviterFirst !== null
        ? displayName({ first_name: row.inviterFirst, last_name: row.inviterLast ?? '' })
        : null
    const outboxId = await recordOnce(
      db,
      {
        invitationId: row.invitationId,
        kind: 'reminder',
        expiresAt,
        orgId: row.orgId,
        recipientId: row.userId,
      },
      now,
      (trx) => {
        const mail = renderInvitationExpiryReminder({
          locale: locale(row.locale),
          productName: services.links.productName,
          organizationName: row.orgName,
          inviterName,
          firstName: row.firstName,
          expiresAt,
          timeZone: settings.timeZone,
          activationUrl: services.links.resetPasswordUrl,
        })
        return enqueueMail(
          trx,
          {
            orgId: row.orgId,
            to: row.email,
            locale: row.locale,
            kind: 'invitation_expiry_reminder',
            link: services.links.resetPasswordUrl,
            ...mail,
          },
          now,
        )
      },
    )
    if (outboxId) sent.push(outboxId)
  }
  return sent
}

/**
 * Tells who sent each invitation that lapsed (in the last week, not yet told) — or, when that
 * person is gone or disabled, the organization's first owner — in their language. The users table
 * shows the invitation as expired already. Returns the outbox ids.
 */
export async function sendLapseNotices(services: Services, now: Date): Promise<string[]> {
  const { db } = services
  const lapsed = await db
    .selectFrom('invitations as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .innerJoin('organizations as o', 'o.id', 'i.org_id')
    .where('i.status', '=', 'pending')
    .where('i.expires_at', '<=', now)
    .where('i.expires_at', '>', addDays(now, -LAPSE_NOTICE_WITHIN_DAYS))
    .where('u.activated_at', 'is', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('invitation_notices as n')
            .select('n.invitation_id')
            .whereRef('n.invitation_id', '=', 'i.id')
            .where('n.kind', '=', 'lapsed')
            .whereRef('n.expires_at', '=', 'i.expires_at'),
        ),
      ),
    )
    .select([
      'i.id as invitationId',
      'i.org_id as orgId',
      'i.expires_at as expiresAt',
      'i.invited_by as invitedBy',
      'u.email',
      'u.first_name as firstName',
      'u.last_name as lastName',
      'o.name as orgName',
      'o.settings',
    ])
    .orderBy('i.expires_at')
    .limit(BATCH)
    .execute()

  const sent: string[] = []
  for (const row of lapsed) {
    const settings = organizationSettings({ settings: row.settings } as OrganizationRow)
    const reachable = db
      .selectFrom('users')
      .select(['id', 'email', 'first_name', 'locale'])
      .where('org_id', '=', row.orgId)
      .where('enabled', '=', true)
      .where('activated_at', 'is not', null)
    const inviter = row.invitedBy
      ? await reachable.where('id', '=', row.invitedBy).executeTakeFirst()
      : undefined
    const recipient =
      inviter ??
      (await reachable.where('role', '=', 'owner').orderBy('created_at').limit(1).executeTakeFirst())
    const expiresAt = new Date(row.expiresAt)
    const outboxId = await recordOnce(
      db,
      {
        invitationId: row.invitationId,
        kind: 'lapsed',
        expiresAt,
        orgId: row.orgId,
        recipientId: recipient?.id ?? null,
      },
      now,
      async (trx) => {
        if (!recipient) return null
        const mail = renderInvitationLapsed({
          locale: locale(recipient.locale),
          productName: services.links.productName,
          organizationName: row.orgName,
          firstName: recipient.first_name,
          inviteeName: displayName({ first_name: row.firstName, last_name: row.lastName }),
          inviteeEmail: row.email,
          expiredAt: expiresAt,
          timeZone: settings.timeZone,
          toOwner: !inviter,
        })
        return enqueueMail(
          trx,
          {
            orgId: row.orgId,
            to: recipient.email,
            locale: recipient.locale,
            kind: 'invitation_lapsed',
            link: null,
            ...mail,
          },
          now,
        )
      },
    )
    if (outboxId) sent.push(outboxId)
  }
  return sent
}
