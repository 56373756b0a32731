import { ACCESS_REVIEW_REMINDER_DAYS } from '@usher/contract'
import { describe, expect, it } from 'vitest'
import { JOBS } from '../src/index'
import { createTestOrg } from './support/harness'
import { schedulerServerPerFile } from './support/scheduler-server'

// The scheduler's access-review sweep on a clock the test moves: reviewers who still have lines
// to decide are reminded on their own every few days while the review is open. No transport:
// the outbox is the mailbox read here.

const server = schedulerServerPerFile()

const DAY = 86_400
const sweep = () => {
  const { scheduler } = server().server
  if (!scheduler) throw new Error('the scheduler is off')
  return scheduler.runNow(JOBS.accessReviews)
}
const reminders = (orgId: string) =>
  server()
    .server.db.selectFrom('outbox')
    .select(['to_address', 'subject'])
    .where('org_id', '=', orgId)
    .where('kind', '=', 'access_review_reminder')
    .orderBy('created_at')
    .orderBy('to_address')
    .execute()

describe('given an open access review', () => {
  it(`reminds each reviewer with lines left ${ACCESS_REVIEW_REMINDER_DAYS} days on, once, then again as long after`, async () => {
    const org = await createTestOrg(server(), { name: 'Atelier Durand' })
    const north = await org.owner.client.groups.create({ name: 'North' })
    const nadia = await org.addMember({ role: 'admin', firstName: 'Nadia', groupIds: [north.id] })
    await org.addMember({ role: 'technician', firstName: 'Theo', groupIds: [north.id] })
    const api = org.owner.client.accessReviews
    if (!api) throw new Error('the client has no access reviews')
    const review = await api.start()

    // Too early: nobody is reminded.
    server().clock.advanceSeconds((ACCESS_REVIEW_REMINDER_DAYS - 1) * DAY)
    await sweep()
    expect(await reminders(org.id)).toEqual([])

    // Nadia decides all of hers; only the owner still has lines when the reminder is due.
    const mine = []
    for await (const item of nadia.client.accessReviews?.items.listAll(review.id) ?? []) {
      if (item.canDecide) mine.push({ itemId: item.id, decision: 'confirm' as const })
    }
    await nadia.client.accessReviews?.decide(review.id, { decisions: mine })
    server().clock.advanceSeconds(DAY + 60)
    await sweep()
    await sweep()
    const first = await reminders(org.id)
    expect(first.map((m) => m.to_address)).toEqual([org.owner.user.email])
    expect(first[0]?.subject).toMatch(/Atelier Durand access review: \d+ left to review/)

    // The next one waits as long again after the last.
    server().clock.advanceSeconds(DAY)
    await sweep()
    expect(await reminders(org.id)).toHaveLength(1)
    server().clock.advanceSeconds(ACCESS_REVIEW_REMINDER_DAYS * DAY)
    await sweep()
    expect(await reminders(org.id)).toHaveLength(2)

    // A closed review reminds nobody.
    await api.close(review.id)
    server().clock.advanceSeconds(ACCESS_REVIEW_REMINDER_DAYS * DAY + 60)
    await sweep()
    expect(await reminders(org.id)).toHaveLength(2)
  })
})
