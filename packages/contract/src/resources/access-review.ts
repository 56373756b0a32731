import * as z from 'zod'
import {
  CursorSchema,
  IdSchema,
  LocaleSchema,
  limitSchema,
  pageOf,
  RoleKeySchema,
  TimestampSchema,
} from './primitives'
import { SharePermissionSchema } from './share'
import { CSV_DELIMITERS } from './user-export'

/**
 * An access review: the owner asks every administrator to confirm or remove, within their scope,
 * who holds which role and which shared groups. One review is open at a time per organization.
 */
export const ACCESS_REVIEW_STATUSES = ['open', 'closed'] as const
export const AccessReviewStatusSchema = z.enum(ACCESS_REVIEW_STATUSES).meta({ id: 'AccessReviewStatus' })

/** What became of one line of the review. */
export const ACCESS_REVIEW_DECISIONS = ['pending', 'confirmed', 'removed'] as const
export const AccessReviewDecisionSchema = z.enum(ACCESS_REVIEW_DECISIONS).meta({ id: 'AccessReviewDecision' })
export type AccessReviewDecision = z.infer<typeof AccessReviewDecisionSchema>

const PersonRefSchema = z.object({ id: IdSchema, name: z.string(), email: z.string() })

/** How far a review went, over the lines the caller may decide (everything, for the owner). */
export const AccessReviewCountsSchema = z.object({
  total: z.number().int().nonnegative(),
  pending: z.number().int().nonnegative(),
  confirmed: z.number().int().nonnegative(),
  removed: z.number().int().nonnegative(),
})
export type AccessReviewCounts = z.infer<typeof AccessReviewCountsSchema>

/** One administrator's progress: how many lines in their scope still wait for a decision. */
export const AccessReviewerSchema = PersonRefSchema.extend({
  pending: z.number().int().nonnegative(),
})
export type AccessReviewer = z.infer<typeof AccessReviewerSchema>

export const AccessReviewSchema = z
  .object({
    id: IdSchema,
    status: AccessReviewStatusSchema,
    startedAt: TimestampSchema,
    startedBy: PersonRefSchema.nullable(),
    closedAt: TimestampSchema.nullable(),
    closedBy: PersonRefSchema.nullable(),
    /** The caller's share of the work: the lines within their scope. */
    counts: AccessReviewCountsSchema,
    /**
     * Every reviewer and what they have left, for whoever may remind them (the owner); only the
     * caller's own line for the other administrators.
     */
    reviewers: z.array(AccessReviewerSchema),
    /** When the reviewers who had lines left were last reminded; null before any reminder. */
    remindedAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'AccessReview' })
export type AccessReview = z.infer<typeof AccessReviewSchema>

/** GET /access-reviews/current: the open review, else the last closed one, else null. */
export const CurrentAccessReviewSchema = z
  .object({ review: AccessReviewSchema.nullable() })
  .meta({ id: 'CurrentAccessReview' })
export type CurrentAccessReview = z.infer<typeof CurrentAccessReviewSchema>

/**
 * One line of a review, as it stood when the review started: a person's role (`kind: 'role'`) or
 * one group shared with them (`kind: 'share'`).
 */
export const AccessReviewItemSchema = z
  .object({
    id: IdSchema,
    kind: z.enum(['role', 'share']),
    user: PersonRefSchema,
    role: RoleKeySchema,
    /** The shared group (share lines); null on a role line. */
    group: z.object({ id: IdSchema, name: z.string() }).nullable(),
    permission: SharePermissionSchema.nullable(),
    decision: AccessReviewDecisionSchema,
    decidedBy: z.object({ id: IdSchema, name: z.string() }).nullable(),
    decidedAt: TimestampSchema.nullable(),
    /**
     * Whether the caller may decide this line now: it is pending, the review is open, and the
     * person (and the group, for a share) is within the caller's scope and rank.
     */
    canDecide: z.boolean(),
  })
  .meta({ id: 'AccessReviewItem' })
export type AccessReviewItem = z.infer<typeof AccessReviewItemSchema>

export const AccessReviewItemPageSchema = pageOf(AccessReviewItemSchema).meta({ id: 'AccessReviewItemPage' })

export const ListAccessReviewItemsQuerySchema = z
  .object({
    decision: AccessReviewDecisionSchema.optional(),
    limit: limitSchema(200, 50),
    cursor: CursorSchema.optional(),
  })
  .strict()
export type ListAccessReviewItemsQuery = z.input<typeof ListAccessReviewItemsQuerySchema>

/**
 * POST /access-reviews/{id}/decisions. `remove` on a role line disables the account; on a share
 * line it stops sharing the group. Each goes through the same writes (and audit) as doing it by
 * hand.
 */
export const DecideAccessReviewSchema = z
  .object({
    decisions: z
      .array(z.object({ itemId: IdSchema, decision: z.enum(['confirm', 'remove']) }).strict())
      .min(1)
      .max(200),
  })
  .strict()
  .meta({ id: 'DecideAccessReview' })
export type DecideAccessReviewInput = z.input<typeof DecideAccessReviewSchema>

/** POST /access-reviews/{id}/remind: how many reviewers with lines left were sent a reminder. */
export const AccessReviewReminderSchema = z
  .object({ reminded: z.number().int().nonnegative() })
  .meta({ id: 'AccessReviewReminder' })
export type AccessReviewReminder = z.infer<typeof AccessReviewReminderSchema>

export const AccessReviewExportQuerySchema = z
  .object({
    /** The language of the headers and values; the caller's own by default. */
    locale: LocaleSchema.optional(),
    delimiter: z.enum(CSV_DELIMITERS).default(','),
  })
  .strict()
export type AccessReviewExportQuery = z.input<typeof AccessReviewExportQuerySchema>
