import type { MailKind, MailProblem } from '@usher/contract'
import type { Hono } from 'hono'
import type { UsherEnv } from '../app/env'
import { route } from '../http/route'

const SHOWN = 50

/**
 * The owner's "mail problems": the organization's messages that failed at least once and are not
 * delivered, still retried or given up. Reads the outbox's retry columns (`deliverPending`).
 */
export function registerMailProblemRoutes(app: Hono<UsherEnv>) {
  route(app, 'listMailProblems', async ({ services, actor }) => {
    const problems = services.db
      .selectFrom('outbox')
      .where('org_id', '=', actor.org.id)
      .where('sent_at', 'is', null)
      .where('attempts', '>', 0)
    const [rows, counts] = await Promise.all([
      problems
        .select([
          'id',
          'to_address',
          'kind',
          'subject',
          'attempts',
          'error',
          'created_at',
          'next_attempt_at',
          'failed_at',
        ])
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(SHOWN)
        .execute(),
      problems
        .select((eb) => [
          eb.fn.countAll<string>().as('total'),
          eb.fn.count<string>('failed_at').as('gave_up'),
        ])
        .executeTakeFirstOrThrow(),
    ])
    const items: MailProblem[] = rows.map((row) => ({
      id: row.id,
      to: row.to_address,
      kind: row.kind as MailKind,
      subject: row.subject,
      attempts: row.attempts,
      lastError: row.error ?? '',
      createdAt: new Date(row.created_at).toISOString(),
      nextAttemptAt:
        row.failed_at || !row.next_attempt_at ? null : new Date(row.next_attempt_at).toISOString(),
      gaveUpAt: row.failed_at ? new Date(row.failed_at).toISOString() : null,
    }))
    return { items, total: Number(counts.total), gaveUp: Number(counts.gave_up) }
  })
}
