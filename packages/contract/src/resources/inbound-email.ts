import * as z from 'zod'
import { EMAIL_MAX_LENGTH } from '../rules/email'
import { INBOUND_REFUSAL_REASONS, normalizeEmailDomain } from '../rules/inbound-email'
import { DirectoryTokenSchema } from './directory-sync'
import { IdSchema, RoleKeySchema } from './primitives'
import { UserSchema } from './user'

/**
 * Incoming email: the host's mail pipeline tells Usher who wrote a message, and Usher answers the
 * person — found by address, or created when the organization asks for it.
 */

/** The media type of a whole message (headers and body), as the pipeline may send it. */
export const RFC822_CONTENT_TYPE = 'message/rfc822'

/** The largest message (headers and body) the endpoint reads. */
export const INBOUND_MESSAGE_MAX_BYTES = 1_000_000

// A mail domain: labels of letters, digits and inner hyphens, a top-level label of letters.
const DOMAIN =
  /^(?=.{3,253}$)(?:(?!-)[\p{L}\p{M}\p{Nd}-]{1,63}(?<!-)\.)+(?:[\p{L}\p{M}]{2,63}|xn--[a-z0-9-]{1,59})$/u

/** A customer's email domain, such as `client-nord.fr`. */
export const EmailDomainSchema = z
  .string()
  .max(260)
  .transform(normalizeEmailDomain)
  .pipe(z.string().regex(DOMAIN, { message: 'Not a mail domain, such as "client-nord.fr".' }))
  .meta({
    id: 'EmailDomain',
    description: 'A mail domain, such as `client-nord.fr`.',
    example: 'client-nord.fr',
  })

/** A domain and the group its senders are placed in (a customer's domain picks its site). */
export const GroupEmailDomainSchema = z
  .object({ domain: EmailDomainSchema, groupId: IdSchema })
  .strict()
  .meta({ id: 'GroupEmailDomain' })
export type GroupEmailDomain = z.infer<typeof GroupEmailDomainSchema>

export const INBOUND_DOMAINS_MAX = 500

export const InboundEmailSettingsSchema = z
  .object({
    /** Create a person when a message comes from an unknown address (off: unknown senders are only reported). */
    createPeople: z.boolean(),
    /**
     * The role of people created this way: one without console access (see `isInboundEmailRole`).
     * Required to turn creation on.
     */
    role: RoleKeySchema.nullable(),
    /** Send each person created this way an invitation to set a password (off: no email at all). */
    invite: z.boolean(),
    /** Email domains of groups: a sender at `client-nord.fr` is placed in that domain's group. */
    domains: z.array(GroupEmailDomainSchema).max(INBOUND_DOMAINS_MAX),
  })
  .strict()
  .superRefine((settings, ctx) => {
    if (settings.createPeople && settings.role === null) {
      ctx.addIssue({
        code: 'custom',
        path: ['role'],
        params: { code: 'required' },
        message: 'Choose the role of people created from email.',
      })
    }
    const seen = new Map<string, number>()
    settings.domains.forEach((entry, index) => {
      const first = seen.get(entry.domain)
      if (first === undefined) seen.set(entry.domain, index)
      else {
        ctx.addIssue({
          code: 'custom',
          path: ['domains', index, 'domain'],
          params: { code: 'duplicate' },
          message: `Same domain as domains.${first}.domain.`,
        })
      }
    })
  })
  .meta({ id: 'InboundEmailSettings' })
export type InboundEmailSettings = z.infer<typeof InboundEmailSettingsSchema>

/** An organization that never changed them: nobody is created from email. */
export const DEFAULT_INBOUND_EMAIL_SETTINGS: InboundEmailSettings = {
  createPeople: false,
  role: null,
  invite: false,
  domains: [],
}

const HeaderValueSchema = z.string().max(998)

/**
 * A message as the pipeline describes it: the whole message in `raw` (the same as a
 * `message/rfc822` body), or its sender fields.
 */
export const ReceiveInboundEmailSchema = z
  .object({
    /** The whole message, headers and body (RFC 5322). */
    raw: z.string().max(INBOUND_MESSAGE_MAX_BYTES).optional(),
    /** The sender: the address and the display name of the `From` field. */
    from: z
      .object({
        address: z.string().trim().max(EMAIL_MAX_LENGTH),
        name: z.string().max(300).nullable().optional(),
      })
      .strict()
      .optional(),
    /** The `Message-ID` field: a message seen before gets the same answer, and creates nobody twice. */
    messageId: HeaderValueSchema.nullable().optional(),
    /**
     * Other header fields by name (`Auto-Submitted`, `Precedence`, `List-Id`, `Return-Path`,
     * `Content-Type`): what tells a robot from a person.
     */
    headers: z.record(z.string().max(100), HeaderValueSchema).optional(),
  })
  .strict()
  .superRefine((body, ctx) => {
    if ((body.raw === undefined) === (body.from === undefined)) {
      ctx.addIssue({
        code: 'custom',
        path: [body.raw === undefined ? 'from' : 'raw'],
        params: { code: body.raw === undefined ? 'required' : 'invalid_value' },
        message: 'Send either the whole message (raw) or its sender fields (from), not both.',
      })
    }
  })
  .meta({ id: 'ReceiveInboundEmail' })
export type ReceiveInboundEmailInput = z.input<typeof ReceiveInboundEmailSchema>

export const InboundRefusalReasonSchema = z.enum(INBOUND_REFUSAL_REASONS).meta({
  id: 'InboundRefusalReason',
  description:
    'Why nobody was found or created: `creation_off`, `no_sender`, `auto_reply`, `bulk_mail`, `bounce`, `robot_sender`, `refused_mailbox`, `invalid_address`, `seat_limit_reached`, `already_processed`.',
})

export const InboundEmailResultSchema = z
  .object({
    /** `matched`: a person of the organization has this address; `created`: a new one; `refused`: see `refusal`. */
    outcome: z.enum(['matched', 'created', 'refused']),
    /** The person who wrote; null when refused. */
    person: UserSchema.nullable(),
    /** Whether this message created the person (also on a replay of that message). */
    created: z.boolean(),
    /** The message was received before: this is its first answer, and nothing was written. */
    replayed: z.boolean(),
    /** The sender's address, normalised; null when the message names none. */
    address: z.string().nullable(),
    messageId: z.string().nullable(),
    refusal: z.object({ reason: InboundRefusalReasonSchema, message: z.string() }).nullable(),
  })
  .meta({ id: 'InboundEmailResult' })
export type InboundEmailResult = z.infer<typeof InboundEmailResultSchema>

/** The live tokens of the organization's mail pipeline (the secrets are never listed). */
export const InboundEmailTokensSchema = z
  .object({ tokens: z.array(DirectoryTokenSchema) })
  .meta({ id: 'InboundEmailTokens' })
export type InboundEmailTokens = z.infer<typeof InboundEmailTokensSchema>
