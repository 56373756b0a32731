import { ACCESS_REVIEW_REMINDER_DAYS, endpoints, type Permission } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { Services } from '../app/services'
import type { Database } from '../db/schema'
import { enqueueMail } from '../mail/mailer'
import { type ReviewRow, reviewerProgress } from './access-review'
import { reminderMail } from './access-review-outcome'
import { type Actor, can, loadActor } from './actor'
import { addDays } from './time'

/**
 * Queues one reminder per reviewer who still has lines to decide and marks the review reminded.
 * `actor` stands for the organization (its roles and name): the owner who pressed Remind, or the
 * person the sweep acts for. Answers the outbox ids, to send once the transaction commits.
 */
export async function remindReviewers(
  trx: Kysely<Database>,
  actor: Actor,
  review: ReviewRow,
  now: Date,
): Promise<string[]> {
  const waiting = (await reviewerProgress(trx, actor, review.id)).filter((r) => r.pending > 0)
  const outboxIds: string[] = []
  for (const reviewer of waiting) {
    const user = await trx
      .selectFrom('users')
      .select('first_name')
      .where('id', '=', reviewer.id)
      .executeTakeFirstOrThrow()
    const mail = reminderMail({
      locale: reviewer.locale,
      firstName: user.first_name,
      organizationName: actor.org.name,
      pending: reviewer.pending,
    })
    outboxIds.push(
      await enqueueMail(
        trx,
        {
          orgId: actor.org.id,
          to: reviewer.email,
          locale: reviewer.locale,
          kind: 'access_review_reminder',
          link: null,
          ...mail,
        },
        now,
      ),
    )
  }
  await trx.updateTable('access_reviews').set({ reminded_at: now }).where('id', '=', review.id).execute()
  return outboxIds
}

/** The permission of the Remind button (POST /access-reviews/{id}/remind). */
const REMIND_PERMISSION = endpoints.remindAccessReviewers.auth as Permission

/** Open reviews looked at per sweep; the next sweep takes the rest. */
const BATCH = 100

/**
 * The scheduler's sweep: every open review whose last reminder (or start) is at least
 * ACCESS_REVIEW_REMINDER_DAYS old reminds its reviewers with lines left. Each review is locked
 * while it is reminded, and its due date read again under the lock, so two instances sweeping at
 * once send one reminder. The organization is acted for by whoever started the review while they
 * may still remind (the Remind button's permission), else by an active owner. Answers the outbox
 * ids queued.
 */
export async function sendAccessReviewReminders(services: Services, now: Date): Promise<string[]> {
  const due = addDays(now, -ACCESS_REVIEW_REMINDER_DAYS)
  const candidates = await services.db
    .selectFrom('access_reviews')
    .select('id')
    .where('status', '=', 'open')
    .where((eb) => eb(eb.fn.coalesce('reminded_at', 'started_at'), '<=', due))
    .orderBy('started_at')
    .limit(BATCH)
    .execute()
  const sent: string[] = []
  for (const { id } of candidates) {
    const ids = await services.db.transaction().execute(async (trx) => {
      const review = await trx
        .selectFrom('access_reviews')
        .selectAll()
        .where('id', '=', id)
        .where('status', '=', 'open')
        .where((eb) => eb(eb.fn.coalesce('reminded_at', 'started_at'), '<=', due))
        .forUpdate()
        .skipLocked()
        .executeTakeFirst()
      if (!review) return []
      const actor = await actingFor(trx, services, review, now)
      if (!actor) return []
      return remindReviewers(trx, actor, review, now)
    })
    sent.push(...ids)
  }
  return sent
}

async function actingFor(
  trx: Kysely<Database>,
  services: Services,
  review: ReviewRow,
  now: Date,
): Promise<Actor | null> {
  const people = await trx
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', review.org_id)
    .where('enabled', '=', true)
    .where('activated_at', 'is not', null)
    .where((eb) =>
      review.started_by
        ? eb.or([eb('id', '=', review.started_by), eb('role', '=', 'owner')])
        : eb('role', '=', 'owner'),
    )
    .execute()
  const ordered = [...people].sort(
    (a, b) => Number(b.id === review.started_by) - Number(a.id === review.started_by),
  )
  for (const person of ordered) {
    try {
      const actor = await loadActor(
        trx,
        { subject: person.id, orgId: review.org_id, session: null },
        now,
        services.roles,
      )
      // The sweep presses the Remind button for them: only someone who may still press it.
      if (can(actor, REMIND_PERMISSION)) return actor
    } catch {
      // Refused as an actor (disabled since, never joined): the next one.
    }
  }
  return null
}
