import type { Services } from '../app/services'
import { sendAccessReviewReminders } from '../domain/access-review-reminders'
import { sendInvitationReminders, sendLapseNotices } from '../domain/invitation-notices'
import { deliverPending } from '../mail/mailer'
import type { ScheduledJob } from './scheduler'

/** The name of each built-in job, for `scheduler.runNow(...)`. */
export const JOBS = {
  mail: 'usher.mail',
  invitations: 'usher.invitations',
  accessReviews: 'usher.access-reviews',
} as const

/** deliverPending's page; a full page means more may wait. */
const PAGE = 100
const PAGES_PER_RUN = 10

/**
 * Usher's own time-driven work. A feature adds its job here (recurring with `everySeconds`), or
 * registers it at run time with `server.scheduler.register(...)`.
 */
export function builtInJobs(services: Services): ScheduledJob[] {
  const deliver = (ids?: readonly string[]) =>
    deliverPending(services.db, services.mail.transport, services.mail.from, services.now, ids)
  return [
    {
      // Messages whose send failed wait out their backoff on the outbox row (`mailRetryDelayMs`):
      // each run sends those that are due, and whatever a request committed and could not send.
      name: JOBS.mail,
      everySeconds: 30,
      async run() {
        for (let page = 0; page < PAGES_PER_RUN; page++) {
          if ((await deliver()) < PAGE) break
        }
      },
    },
    {
      name: JOBS.invitations,
      everySeconds: 300,
      async run({ now }) {
        const reminders = await sendInvitationReminders(services, now)
        const notices = await sendLapseNotices(services, now)
        await deliver([...reminders, ...notices])
      },
    },
    {
      // Reviewers with lines left, every ACCESS_REVIEW_REMINDER_DAYS while a review is open.
      name: JOBS.accessReviews,
      everySeconds: 3600,
      async run({ now }) {
        await deliver(await sendAccessReviewReminders(services, now))
      },
    },
  ]
}
