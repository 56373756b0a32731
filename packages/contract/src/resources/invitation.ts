import * as z from 'zod'
import { ItemErrorSchema } from '../errors/problem'
import { duplicateEmailIndexes } from '../rules/email'
import { PASSWORD_MAX_LENGTH } from '../rules/password'
import { PasswordPolicySchema } from './organization'
import {
  blankAsAbsent,
  blankAsNull,
  CursorSchema,
  EmailSchema,
  IdSchema,
  LocaleSchema,
  limitSchema,
  OptionalLastNameSchema,
  PersonEmailSchema,
  PersonNameSchema,
  PhoneSchema,
  pageOf,
  personEmailSchema,
  queryList,
  RoleKeySchema,
  SalutationSchema,
  SecretTokenSchema,
  TimestampSchema,
  TopicKeySchema,
  textSchema,
} from './primitives'
import { UserSchema } from './user'

export const InvitationStatusSchema = z
  .enum(['pending', 'expired', 'accepted', 'revoked'])
  .meta({ id: 'InvitationStatus' })

const PersonRefSchema = z
  .object({ id: IdSchema, name: z.string(), email: z.string() })
  .meta({ id: 'PersonRef' })

export const InvitationSchema = z
  .object({
    id: IdSchema,
    userId: IdSchema,
    email: z.string(),
    salutation: SalutationSchema.nullable(),
    firstName: z.string(),
    lastName: z.string(),
    role: RoleKeySchema,
    groupIds: z.array(IdSchema),
    locale: LocaleSchema,
    status: InvitationStatusSchema,
    invitedBy: PersonRefSchema.nullable(),
    expiresAt: TimestampSchema,
    lastSentAt: TimestampSchema,
    sendCount: z.number().int().positive(),
    createdAt: TimestampSchema,
  })
  .meta({ id: 'Invitation' })
export type Invitation = z.infer<typeof InvitationSchema>

/**
 * The email of a row: `refused` is the organization's shared-mailbox list (forms and server pass
 * `org.settings.refusedMailboxes`); undefined applies the default list; null checks the address
 * only — the wire shape, since only the server knows the organization's list for sure.
 */
export function rowEmailSchema(refused: readonly string[] | null | undefined) {
  if (refused === null) return EmailSchema
  return refused ? personEmailSchema(refused) : PersonEmailSchema
}

/** One person to invite; see `rowEmailSchema` for `refused`. */
export function invitationRowSchema(refused?: readonly string[] | null) {
  return z
    .object({
      salutation: blankAsNull(SalutationSchema).optional(),
      firstName: PersonNameSchema,
      lastName: OptionalLastNameSchema.default(''),
      email: rowEmailSchema(refused),
      phone: blankAsNull(PhoneSchema).optional(),
      role: RoleKeySchema,
      groupIds: z.array(IdSchema).max(100).default([]),
      contactFor: z.array(TopicKeySchema).max(50).default([]),
      /** The language of the invitation email and of the account. */
      locale: blankAsAbsent(LocaleSchema),
    })
    .strict()
}
/** The wire shape of a row (no shared-mailbox list: the server applies the organization's). */
export const InvitationRowSchema = invitationRowSchema(null).meta({ id: 'InvitationRow' })
export type InvitationRowInput = z.input<typeof InvitationRowSchema>
export type InvitationRow = z.output<typeof InvitationRowSchema>

export const INVITATIONS_PER_REQUEST_MAX = 1000

/**
 * Adds a `duplicate` error on every row whose email repeats an earlier row's. Runs even when other
 * rows are invalid (`when`), so the form shows every problem at once.
 */
function refuseDuplicateEmails(rows: readonly { email?: unknown }[], ctx: z.RefinementCtx) {
  for (const [index, first] of duplicateEmailIndexes(rows.map((row) => row?.email))) {
    ctx.addIssue({
      code: 'custom',
      path: ['invitations', index, 'email'],
      params: { code: 'duplicate' },
      message: `Same address as row ${first + 1}.`,
    })
  }
}

export function createInvitationsSchema(refused?: readonly string[] | null) {
  return z
    .object({
      invitations: z.array(invitationRowSchema(refused)).min(1).max(INVITATIONS_PER_REQUEST_MAX),
      /** A personal note added to the email. */
      message: textSchema({ max: 500, lineBreaks: true }).optional(),
      /** false creates the invitations without emailing (the host sends its own). */
      sendEmail: z.boolean().default(true),
      /**
       * true judges every row as a real request would and creates nothing: each row that would
       * pass answers `valid` (the form checks rows this way before sending).
       */
      dryRun: z.boolean().default(false),
    })
    .strict()
    .superRefine((body, ctx) => refuseDuplicateEmails(body.invitations ?? [], ctx), {
      when: (payload) => Array.isArray((payload.value as { invitations?: unknown })?.invitations),
    })
}
/** The wire shape (see InvitationRowSchema); forms use `createInvitationsSchema(org list)`. */
export const CreateInvitationsSchema = createInvitationsSchema(null).meta({ id: 'CreateInvitations' })
export type CreateInvitationsInput = z.input<typeof CreateInvitationsSchema>

/** Per-row answer, in the request's order: the row's index and its result. */
export const InvitationRowResultSchema = z
  .discriminatedUnion('status', [
    z.object({
      index: z.number().int().nonnegative(),
      status: z.literal('created'),
      invitation: InvitationSchema,
      user: UserSchema,
    }),
    z.object({
      index: z.number().int().nonnegative(),
      /**
       * The address already signs in to another organization and this one adds such people at
       * once (`existingAccounts: 'add'`): the person is an active member, without an invitation,
       * and was sent a notice email. Counted in `created`.
       */
      status: z.literal('joined'),
      email: z.string(),
      user: UserSchema,
    }),
    z.object({
      index: z.number().int().nonnegative(),
      status: z.literal('failed'),
      email: z.string(),
      error: ItemErrorSchema,
    }),
    z.object({
      index: z.number().int().nonnegative(),
      /** Only in a dry run: the row would be created. */
      status: z.literal('valid'),
      email: z.string(),
      /**
       * True when the address already signs in to another organization: the person joins with
       * that account, without a new registration. Optional: a host's own backend may omit it.
       */
      existingAccount: z.boolean().optional(),
      /**
       * True when the row would join at once instead of being invited: an existing account, and the
       * organization adds such people directly (`existingAccounts: 'add'`).
       */
      joinsAtOnce: z.boolean().optional(),
    }),
  ])
  .meta({ id: 'InvitationRowResult' })
export type InvitationRowResult = z.infer<typeof InvitationRowResultSchema>

export const CreateInvitationsResultSchema = z
  .object({
    results: z.array(InvitationRowResultSchema),
    /** Rows that added a person: invited (`created`) or, for an existing account, joined at once. */
    created: z.number().int().nonnegative(),
    /** How many of `created` joined at once (status `joined`). Optional: a host's backend may omit it. */
    joined: z.number().int().nonnegative().optional(),
    failed: z.number().int().nonnegative(),
  })
  .meta({ id: 'CreateInvitationsResult' })
export type CreateInvitationsResult = z.infer<typeof CreateInvitationsResultSchema>

export const ListInvitationsQuerySchema = z
  .object({
    status: queryList(z.enum(['pending', 'expired'])),
    limit: limitSchema(200, 50),
    cursor: CursorSchema.optional(),
  })
  .strict()
export type ListInvitationsQuery = z.input<typeof ListInvitationsQuerySchema>
export const InvitationPageSchema = pageOf(InvitationSchema).meta({ id: 'InvitationPage' })

export const InvitationTokenSchema = SecretTokenSchema.meta({
  id: 'InvitationToken',
  description: '256 random bits, base64url (43 characters).',
})

export const InvitationLookupQuerySchema = z.object({ token: InvitationTokenSchema }).strict()

/** What an invitation link is for, for the accept page. Only pending and expired links answer 200. */
export const InvitationLookupSchema = z
  .object({
    status: z.enum(['pending', 'expired']),
    organization: z.object({ name: z.string() }),
    invitedBy: z.object({ name: z.string() }).nullable(),
    email: z.string(),
    salutation: SalutationSchema.nullable(),
    firstName: z.string(),
    lastName: z.string(),
    role: RoleKeySchema,
    locale: LocaleSchema,
    expiresAt: TimestampSchema,
    passwordPolicy: PasswordPolicySchema,
    /**
     * True when the address already signs in to another organization: the page asks for that
     * account's current password (the person never chooses a second one), not for a new one.
     */
    existingAccount: z.boolean(),
  })
  .meta({ id: 'InvitationLookup' })
export type InvitationLookup = z.infer<typeof InvitationLookupSchema>

const mustAccept = (message: string) =>
  z.boolean().refine((accepted) => accepted, { params: { code: 'not_accepted' }, message })

export const AcceptInvitationSchema = z
  .object({
    token: InvitationTokenSchema,
    salutation: SalutationSchema.nullable().optional(),
    firstName: PersonNameSchema,
    lastName: OptionalLastNameSchema,
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    acceptTerms: mustAccept('The terms of use must be accepted.'),
    acceptConsent: mustAccept('The consent statement must be accepted.'),
    locale: LocaleSchema.optional(),
  })
  .strict()
  .meta({ id: 'AcceptInvitation' })
export type AcceptInvitationInput = z.input<typeof AcceptInvitationSchema>

export const SessionSchema = z
  .object({ token: z.string(), expiresAt: TimestampSchema })
  .meta({ id: 'Session', description: 'A bearer token from the built-in sign-in.' })
export type Session = z.infer<typeof SessionSchema>

export const AcceptInvitationResultSchema = z
  .object({ user: UserSchema, session: SessionSchema.nullable() })
  .meta({ id: 'AcceptInvitationResult' })
export type AcceptInvitationResult = z.infer<typeof AcceptInvitationResultSchema>
