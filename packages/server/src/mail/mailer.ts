import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
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
  kind: 'invitation' | 'invitation_reminder' | 'password_reset' | 'activation'
  link: string | null
}

/**
 * Writes a message to the outbox in the caller's transaction: it exists exactly when the change
 * that sent it was committed (a rolled-back batch sends nothing, a replayed one nothing twice).
 * `deliverPending` hands committed messages to the transport afterwards.
 */
export async function enqueueMail(db: Kysely<Database>, message: OutboxMessage, now: Date): Promise<string> {
  const id = randomUUID()
  await db
    .insertInto('outbox')
    .values({
      id,
      org_id: message.orgId,
      to_address: message.to,
      locale: message.locale,
      kind: message.kind,
      subject: message.subject,
      text: message.text,
      html: message.html,
      link: message.link,
      created_at: now,
    })
    .execute()
  return id
}

/**
 * Sends the outbox's unsent messages through `transport`, oldest first; a failure is recorded on
 * the message and retried on the next call. Without a transport messages stay in the outbox
 * (the dev default: the demo shows them).
 */
export async function deliverPending(
  db: Kysely<Database>,
  transport: MailTransport | null,
  from: string,
  now: () => Date,
  ids?: readonly string[],
): Promise<number> {
  if (!transport) return 0
  let query = db
    .selectFrom('outbox')
    .selectAll()
    .where('sent_at', 'is', null)
    .orderBy('created_at')
    .limit(100)
  if (ids) {
    if (ids.length === 0) return 0
    query = query.where('id', 'in', ids)
  }
  const pending = await query.execute()
  let sent = 0
  for (const message of pending) {
    try {
      await transport.send({
        from,
        to: message.to_address,
        subject: message.subject,
        text: message.text,
        html: message.html,
      })
      await db
        .updateTable('outbox')
        .set({ sent_at: now(), error: null })
        .where('id', '=', message.id)
        .execute()
      sent++
    } catch (error) {
      await db
        .updateTable('outbox')
        .set({ error: error instanceof Error ? error.message : String(error) })
        .where('id', '=', message.id)
        .execute()
    }
  }
  return sent
}
