import { randomUUID } from 'node:crypto'
import type { MailKind } from '@usher/contract'
import type { ExpressionBuilder, Kysely } from 'kysely'
import type { Database } from '../db/schema'

export interface MailMessage {
  to: string
  subject: string
  text: string
  html: string
}

/** Delivers one message. SMTP (`smtpTransport`) or anything a host provides. */
export interface MailTransport {
  send(message: MailMessage & { from: string }): Promise<void>
}

export interface OutboxMessage extends MailMessage {
  orgId: string | null
  locale: string
  kind: MailKind
  link: string | null
}

/**
 * Writes a message to the outbox in the caller's transaction: it exists exactly when the change
 * that sent it was committed (a rolled-back batch sends nothing, a replayed one nothing twice).
 * `deliverPending` hands committed messages to the transport afterwards.
 */
export async function enqueueMail(db: Kysely<Database>, message: OutboxMessage, now: Date): Promise<string> {
  const [id] = await enqueueMails(db, [message], now)
  return id as string
}

/** `enqueueMail` of many messages in multi-row inserts; the outbox ids in the messages' order. */
export async function enqueueMails(
  db: Kysely<Database>,
  messages: readonly OutboxMessage[],
  now: Date,
): Promise<string[]> {
  const rows = messages.map((message) => ({
    id: randomUUID(),
    org_id: message.orgId,
    to_address: message.to,
    locale: message.locale,
    kind: message.kind,
    subject: message.subject,
    text: message.text,
    html: message.html,
    link: message.link,
    created_at: now,
  }))
  for (let i = 0; i < rows.length; i += 500) {
    await db
      .insertInto('outbox')
      .values(rows.slice(i, i + 500))
      .execute()
  }
  return rows.map((row) => row.id)
}

/** What a delivered message keeps of its text and html: its link's token would open an account. */
export const DELIVERED_NOTE = '[delivered; the link is not kept]'
/** A claim older than this belongs to a sender that stopped midway: another one may take over. */
const CLAIM_TIMEOUT_MS = 5 * 60_000
/**
 * How long a message waits after its n-th failed send (1 minute, 4, 16, 64, then 4 hours): a
 * relay that is down for a while is not hammered, and a short outage costs a minute.
 */
export function mailRetryDelayMs(failures: number): number {
  return Math.min(60_000 * 4 ** Math.max(0, failures - 1), 4 * 3_600_000)
}
/** Failed sends after which Usher gives up on a message (about five and a half hours of retries). */
export const MAIL_MAX_ATTEMPTS = 6
/** Rows older than this are deleted: delivered ones are scrubbed already, undelivered ones stale. */
export const OUTBOX_RETENTION_DAYS = 30
const PURGE_INTERVAL_MS = 3_600_000

/**
 * Sends the outbox's unsent messages through `transport`, oldest first. Each message is claimed
 * first (one atomic update), so two flushes at once — two instances, or a request's delivery and
 * `flushMail()` — never send it twice; a claim left by a sender that died is taken over after five
 * minutes. A delivered message is scrubbed in the update that marks it sent: no link, a note for
 * text and html, the subject kept. A failure is recorded on the message (its reason, how many
 * sends failed) and the message waits `mailRetryDelayMs` before the next call may retry it; after
 * `MAIL_MAX_ATTEMPTS` failures it is given up (`failed_at`), its last error kept for the owner. After a delivery, rows older than 30 days are purged (at most once an hour).
 *
 * Without a transport nothing is sent, scrubbed or purged: the outbox is then the development
 * mailbox the demo shows, with live links (production sets SMTP_URL or a transport).
 */
export async function deliverPending(
  db: Kysely<Database>,
  transport: MailTransport | null,
  from: string,
  now: () => Date,
  ids?: readonly string[],
): Promise<number> {
  if (!transport) return 0
  if (ids?.length === 0) return 0
  let query = db
    .selectFrom('outbox')
    .select('id')
    .where('sent_at', 'is', null)
    .where('failed_at', 'is', null)
    .where((eb) => eb.or([eb('next_attempt_at', 'is', null), eb('next_attempt_at', '<=', now())]))
    .where(claimable(now()))
    .orderBy('created_at')
    .limit(100)
  if (ids) query = query.where('id', 'in', ids)
  const pending = await query.execute()
  let sent = 0
  for (const { id } of pending) {
    const claimedAt = now()
    const message = await db
      .updateTable('outbox')
      .set({ claimed_at: claimedAt })
      .where('id', '=', id)
      .where('sent_at', 'is', null)
      .where(claimable(claimedAt))
      .returningAll()
      .executeTakeFirst()
    // Another sender took it since we looked.
    if (!message) continue
    try {
      await transport.send({
        from,
        to: message.to_address,
        subject: message.subject,
        text: message.text,
        html: message.html,
      })
    } catch (error) {
      const failures = message.attempts + 1
      const failedAt = now()
      await db
        .updateTable('outbox')
        .set({
          error: (error instanceof Error ? error.message : String(error)).slice(0, 500),
          claimed_at: null,
          attempts: failures,
          next_attempt_at: new Date(failedAt.getTime() + mailRetryDelayMs(failures)),
          failed_at: failures >= MAIL_MAX_ATTEMPTS ? failedAt : null,
        })
        .where('id', '=', id)
        .execute()
      continue
    }
    await db
      .updateTable('outbox')
      .set({
        sent_at: now(),
        error: null,
        link: null,
        text: DELIVERED_NOTE,
        html: `<p>${DELIVERED_NOTE}</p>`,
      })
      .where('id', '=', id)
      .execute()
    sent++
  }
  if (sent > 0) await purgeOutboxIfDue(db, now())
  return sent
}

/** Unclaimed, or claimed by a sender that gave no news for five minutes (alias-free `outbox`). */
const claimable = (at: Date) => (eb: ExpressionBuilder<Database, 'outbox'>) =>
  eb.or([eb('claimed_at', 'is', null), eb('claimed_at', '<', new Date(at.getTime() - CLAIM_TIMEOUT_MS))])

/** When each database's outbox was last purged: the purge after a delivery runs hourly at most. */
const lastPurge = new WeakMap<Kysely<Database>, number>()

/** Deletes the outbox rows older than 30 days (start-up, and hourly after deliveries). */
export async function purgeOutbox(db: Kysely<Database>, at: Date): Promise<number> {
  lastPurge.set(db, at.getTime())
  const cutoff = new Date(at.getTime() - OUTBOX_RETENTION_DAYS * 86_400_000)
  const result = await db.deleteFrom('outbox').where('created_at', '<', cutoff).executeTakeFirst()
  return Number(result.numDeletedRows)
}

async function purgeOutboxIfDue(db: Kysely<Database>, at: Date): Promise<void> {
  const last = lastPurge.get(db)
  if (last !== undefined && at.getTime() - last < PURGE_INTERVAL_MS) return
  await purgeOutbox(db, at)
}
