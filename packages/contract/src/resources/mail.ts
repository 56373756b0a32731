import * as z from 'zod'
import { IdSchema, TimestampSchema } from './primitives'

/**
 * What a message was for: invitations, their reminders and lapse notices, password links, and
 * the notice to an existing account added to an organization at once.
 */
export const MailKindSchema = z
  .enum([
    'invitation',
    'invitation_reminder',
    'invitation_expiry_reminder',
    'invitation_lapsed',
    'password_reset',
    'activation',
    'membership_added',
    'access_review_reminder',
  ])
  .meta({ id: 'MailKind' })
export type MailKind = z.infer<typeof MailKindSchema>

/**
 * A message of the organization's that could not be delivered yet: still retried (`gaveUpAt`
 * null, next try at `nextAttemptAt`), or given up after its last attempt, with the relay's reason.
 */
export const MailProblemSchema = z
  .object({
    id: IdSchema,
    to: z.string(),
    kind: MailKindSchema,
    subject: z.string(),
    /** Sends that failed so far. */
    attempts: z.number().int().positive(),
    /** The mail relay's answer to the last attempt. */
    lastError: z.string(),
    createdAt: TimestampSchema,
    nextAttemptAt: TimestampSchema.nullable(),
    /** Set once Usher stopped retrying: the message will not be sent. */
    gaveUpAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'MailProblem' })
export type MailProblem = z.infer<typeof MailProblemSchema>

/** The most recent problems (at most 50), newest first, and how many there are in all. */
export const MailProblemListSchema = z
  .object({
    items: z.array(MailProblemSchema),
    /** Undelivered messages that failed at least once, retried or given up. */
    total: z.number().int().nonnegative(),
    /** Of them, those given up. */
    gaveUp: z.number().int().nonnegative(),
  })
  .meta({ id: 'MailProblemList' })
export type MailProblemList = z.infer<typeof MailProblemListSchema>
