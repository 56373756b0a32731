/**
 * While a review is open, reviewers with lines left are reminded on their own this many days after
 * it started, then again each time as long after the last reminder (the owner's button included).
 */
export const ACCESS_REVIEW_REMINDER_DAYS = 3
