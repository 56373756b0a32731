import * as z from 'zod'
import { DEFAULT_REFUSED_MAILBOXES } from '../rules/email'
import { DEFAULT_EXISTING_ACCOUNT_MODE, EXISTING_ACCOUNT_MODES } from '../rules/existing-accounts'
import { DEFAULT_INVITATION_REMINDER_DAYS } from '../rules/invitation-reminders'
import { DEFAULT_PASSWORD_POLICY, PASSWORD_MAX_LENGTH } from '../rules/password'
import { DEFAULT_TIME_ZONE, isValidTimeZone } from '../rules/time-zone'
import { DEFAULT_INBOUND_EMAIL_SETTINGS, InboundEmailSettingsSchema } from './inbound-email'
import { IdSchema, ShortTextSchema, TimestampSchema, TopicKeySchema, textSchema } from './primitives'

// No `.default()` here: a default inside `.partial()` would fill what a PATCH did not send and
// overwrite the owner's settings. New organizations start from DEFAULT_ORGANIZATION_SETTINGS.
export const PasswordPolicySchema = z
  .object({
    minLength: z.number().int().min(8).max(PASSWORD_MAX_LENGTH),
    requireLowercase: z.boolean(),
    requireUppercase: z.boolean(),
    requireDigit: z.boolean(),
    requireSymbol: z.boolean(),
    minStrength: z.union([z.literal(0), z.literal(1), z.literal(2), z.literal(3), z.literal(4)]),
    forceChangeAfterAdminSet: z.boolean(),
  })
  .strict()
  .meta({ id: 'PasswordPolicy' })

export const ContactTopicSchema = z
  .object({ key: TopicKeySchema, label: ShortTextSchema.min(1) })
  .strict()
  .meta({ id: 'ContactTopic', description: 'A "contact for" topic users can be tagged with.' })
export type ContactTopic = z.infer<typeof ContactTopicSchema>

/** An IANA time zone name ("Europe/Paris", "America/Montreal", "UTC"). */
export const TimeZoneSchema = z
  .string()
  .trim()
  .max(64)
  .refine(isValidTimeZone, {
    params: { code: 'invalid_value' },
    message: 'Not a known IANA time zone name, such as "Europe/Paris".',
  })
  .meta({
    id: 'TimeZone',
    description: 'An IANA time zone name, such as "Europe/Paris".',
    example: 'Europe/Paris',
  })

export const DEFAULT_INVITATION_LIFETIME_DAYS = 30

/** One reminder to people who have not accepted yet, some days before their invitation lapses. */
export const InvitationReminderSettingsSchema = z
  .object({
    /** Send the reminder (in the invitee's language). It renews nothing: the link and expiry stay. */
    enabled: z.boolean(),
    /** How many days before the invitation lapses. */
    daysBefore: z.number().int().min(1).max(30),
  })
  .strict()
  .meta({ id: 'InvitationReminderSettings' })
export type InvitationReminderSettings = z.infer<typeof InvitationReminderSettingsSchema>

export const DEFAULT_INVITATION_REMINDER_SETTINGS: InvitationReminderSettings = {
  enabled: true,
  daysBefore: DEFAULT_INVITATION_REMINDER_DAYS,
}
/** How an invitation treats an address that already signs in to another organization. */
export const ExistingAccountModeSchema = z.enum(EXISTING_ACCOUNT_MODES).meta({
  id: 'ExistingAccountMode',
  description:
    'How an invited address that already has an account (with a password) joins: "invite" sends an invitation, accepted with the existing password; "add" makes the person a member at once and emails them a notice saying who added them, with which role.',
})

export const DEFAULT_IMPORT_ROW_LIMIT = 10_000
export const IMPORT_ROW_LIMIT_MAX = 1_000_000

export const OrganizationSettingsSchema = z
  .object({
    /**
     * How many seats the plan allows; null for unlimited. A person whose role takes a seat
     * (technicians, a host's operators) holds one while active or invited.
     */
    seats: z.number().int().nonnegative().nullable(),
    invitationLifetimeDays: z.number().int().min(1).max(90),
    /** Local parts refused as shared mailboxes; replaces the default list. */
    refusedMailboxes: z.array(textSchema({ min: 1, max: 64 })).max(500),
    contactTopics: z.array(ContactTopicSchema).max(100),
    passwordPolicy: PasswordPolicySchema,
    /** Rows one import may hold (10,000 by default; some consoles stop at 500). */
    importRowLimit: z.number().int().min(1).max(IMPORT_ROW_LIMIT_MAX),
    /** The zone the organization's times are written in: expiry dates and times in its mails. */
    timeZone: TimeZoneSchema,
    /** The reminder sent before an invitation lapses. */
    invitationReminders: InvitationReminderSettingsSchema,
    /** People found or created from incoming email: whether to create them, their role, group domains. */
    inboundEmail: InboundEmailSettingsSchema,
    /**
     * An invited address that already signs in to another organization: invited as anyone else
     * (`invite`, accepted with the existing password) or a member at once with a notice email (`add`).
     */
    existingAccounts: ExistingAccountModeSchema,
  })
  .strict()
  .meta({ id: 'OrganizationSettings' })
export type OrganizationSettings = z.infer<typeof OrganizationSettingsSchema>

export const DEFAULT_ORGANIZATION_SETTINGS: OrganizationSettings = {
  seats: null,
  invitationLifetimeDays: DEFAULT_INVITATION_LIFETIME_DAYS,
  refusedMailboxes: [...DEFAULT_REFUSED_MAILBOXES],
  contactTopics: [],
  passwordPolicy: { ...DEFAULT_PASSWORD_POLICY },
  importRowLimit: DEFAULT_IMPORT_ROW_LIMIT,
  timeZone: DEFAULT_TIME_ZONE,
  invitationReminders: DEFAULT_INVITATION_REMINDER_SETTINGS,
  inboundEmail: DEFAULT_INBOUND_EMAIL_SETTINGS,
  existingAccounts: DEFAULT_EXISTING_ACCOUNT_MODE,
}

export const OrganizationSchema = z
  .object({
    id: IdSchema,
    /** The team name; required to activate the team. */
    name: z.string(),
    slug: z.string(),
    /** When the team was activated: users can be managed only once it is. */
    activatedAt: TimestampSchema.nullable(),
    settings: OrganizationSettingsSchema,
    createdAt: TimestampSchema,
    version: z.number().int().nonnegative(),
  })
  .meta({ id: 'Organization' })
export type Organization = z.infer<typeof OrganizationSchema>

/** The team is activated by giving it a name. */
export const ActivateOrganizationSchema = z
  .object({ name: textSchema({ min: 2, max: 100 }) })
  .strict()
  .meta({ id: 'ActivateOrganization' })
export type ActivateOrganizationInput = z.input<typeof ActivateOrganizationSchema>

/** The settings an owner may change. Seats belong to the plan: the host sets them, not this API. */
export const UpdateOrganizationSchema = z
  .object({
    name: textSchema({ min: 2, max: 100 }),
    // Seats belong to the plan (the host sets them); everything else the owner may change, one
    // field at a time: what is not sent is left as it is, at every depth.
    settings: OrganizationSettingsSchema.omit({ seats: true, passwordPolicy: true })
      .extend({ passwordPolicy: PasswordPolicySchema.partial() })
      .partial(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Nothing to update.' })
  .meta({ id: 'UpdateOrganization' })
export type UpdateOrganizationInput = z.input<typeof UpdateOrganizationSchema>
