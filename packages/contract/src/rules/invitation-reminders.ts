/** Days before an invitation lapses that its one reminder goes out, unless the owner says otherwise. */
export const DEFAULT_INVITATION_REMINDER_DAYS = 3

/** "Expires within 7 days": the window of the users table's filter of invitations about to lapse. */
export const EXPIRING_SOON_DAYS = 7

const DAY_MS = 86_400_000

/**
 * When a pending invitation's one reminder is due: `daysBefore` days before it lapses, but never
 * within a day of the invitation being sent (someone invited this morning with a two-day lifetime
 * needs no reminder tonight). Null when no reminder fits before the expiry.
 */
export function invitationReminderDueAt(input: {
  expiresAt: Date
  lastSentAt: Date
  daysBefore: number
}): Date | null {
  const due = Math.max(
    input.expiresAt.getTime() - input.daysBefore * DAY_MS,
    input.lastSentAt.getTime() + DAY_MS,
  )
  return due < input.expiresAt.getTime() ? new Date(due) : null
}

/** Whether an invitation still pending at `now` lapses within `days` days. */
export function expiresWithin(expiresAt: Date, days: number, now: Date): boolean {
  const left = expiresAt.getTime() - now.getTime()
  return left > 0 && left <= days * DAY_MS
}
