import * as z from 'zod'
import { PASSWORD_MAX_LENGTH } from '../rules/password'
import { USER_STATUSES } from '../rules/status'
import {
  blankAsNull,
  CursorSchema,
  EmailSchema,
  IdSchema,
  LocaleSchema,
  LongTextSchema,
  limitSchema,
  OptionalLastNameSchema,
  PersonNameSchema,
  PhoneSchema,
  pageOf,
  queryList,
  RoleKeySchema,
  SalutationSchema,
  ShortTextSchema,
  TimestampSchema,
  TopicKeySchema,
  textSchema,
  VersionSchema,
} from './primitives'

export const UserStatusSchema = z.enum(USER_STATUSES).meta({
  id: 'UserStatus',
  description: 'invited (pending, see invitationExpiresAt), expired (invitation lapsed), active, disabled.',
})

export const UserSourceSchema = z.enum(['owner', 'invitation', 'manual', 'import', 'email', 'scim']).meta({
  id: 'UserSource',
  description:
    'How the account came to be: the first owner, an invitation, created by hand, an import, an incoming email, or directory sync (SCIM).',
})

export const UserSchema = z
  .object({
    id: IdSchema,
    salutation: SalutationSchema.nullable(),
    firstName: z.string(),
    lastName: z.string(),
    /** The name customers see during a session. */
    nickname: z.string().nullable(),
    email: z.string(),
    phone: z.string().nullable(),
    mobile: z.string().nullable(),
    jobTitle: z.string().nullable(),
    department: z.string().nullable(),
    description: z.string().nullable(),
    /** The single sign-on (SSO) id. */
    externalId: z.string().nullable(),
    locale: LocaleSchema,
    role: RoleKeySchema,
    status: UserStatusSchema,
    /** Set while status is invited or expired. */
    invitationId: IdSchema.nullable(),
    invitationExpiresAt: TimestampSchema.nullable(),
    contactFor: z.array(TopicKeySchema),
    /** Groups the person belongs to (technician group, site). Admins act within these. */
    groupIds: z.array(IdSchema),
    /** How many groups are shared with the person (the count the users list shows). */
    sharedGroupCount: z.number().int().nonnegative(),
    /** The site's primary contact. */
    primaryContact: z.boolean(),
    /** The agent (a user of the organization) assigned to this person. */
    assignedAgentId: IdSchema.nullable(),
    mustChangePassword: z.boolean(),
    source: UserSourceSchema,
    createdAt: TimestampSchema,
    lastActiveAt: TimestampSchema.nullable(),
    version: VersionSchema,
  })
  .meta({ id: 'User' })
export type User = z.infer<typeof UserSchema>

export const UserSortSchema = z
  .enum(['name', '-name', 'email', '-email', 'createdAt', '-createdAt', 'lastActiveAt', '-lastActiveAt'])
  .meta({ id: 'UserSort' })

export const ListUsersQuerySchema = z
  .object({
    /** How the people came to be: `email` lists those created from incoming email. */
    source: queryList(UserSourceSchema),
    /**
     * Prefix of first name, last name, "first last" or email, case- and accent-insensitive; a
     * domain ("durand.example", or "@durand.example" for the domain only) finds the addresses at it.
     */
    q: textSchema({ max: 100 }).optional(),
    role: queryList(RoleKeySchema),
    status: queryList(UserStatusSchema),
    /**
     * Only the invitations still pending that lapse within this many days (the table's "expires
     * within 7 days").
     */
    expiresWithinDays: z.coerce.number().int().min(1).max(90).optional(),
    groupId: IdSchema.optional(),
    /**
     * `true`: only the people who see no group yet — a role scoped to groups with no shared group
     * (and, for a role that governs groups, no group either). They open an empty console until
     * someone shares groups with them.
     */
    seesNothing: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    sort: UserSortSchema.default('name'),
    limit: limitSchema(200, 50),
    cursor: CursorSchema.optional(),
  })
  .strict()
export type ListUsersQuery = z.input<typeof ListUsersQuerySchema>

export const UserPageSchema = pageOf(UserSchema).meta({ id: 'UserPage' })

/** GET /users/count: the list's search and filters, without sort or pages. */
export const CountUsersQuerySchema = ListUsersQuerySchema.omit({
  sort: true,
  limit: true,
  cursor: true,
}).strict()
export type CountUsersQuery = z.input<typeof CountUsersQuerySchema>

/** How many people the list's search and filters match. */
export const UserCountSchema = z
  .object({
    count: z.number().int().nonnegative(),
    /**
     * false when `count` is the database's estimate: a search that matches very many people (more
     * than 20,000 expected) is not counted row by row. Show it as an approximation ("about 48,000").
     */
    exact: z.boolean(),
  })
  .meta({ id: 'UserCount' })
export type UserCount = z.infer<typeof UserCountSchema>

const nullableText = (schema: z.ZodString) => schema.nullable().transform((v) => (v === '' ? null : v))

// Profile fields shared by create and update. '' from an emptied form field clears the value.
const profileFields = {
  salutation: blankAsNull(SalutationSchema),
  firstName: PersonNameSchema,
  lastName: OptionalLastNameSchema,
  nickname: nullableText(ShortTextSchema),
  phone: blankAsNull(PhoneSchema),
  mobile: blankAsNull(PhoneSchema),
  jobTitle: nullableText(ShortTextSchema),
  department: nullableText(ShortTextSchema),
  description: nullableText(LongTextSchema),
  /** The single sign-on (SSO) id. */
  externalId: nullableText(textSchema({ max: 255 })),
  locale: LocaleSchema,
  role: RoleKeySchema,
  contactFor: z.array(TopicKeySchema).max(50),
  /** The groups the person belongs to (moving a technician to another group changes them). */
  groupIds: z.array(IdSchema).max(100),
  primaryContact: z.boolean(),
  assignedAgentId: IdSchema.nullable(),
}

/**
 * PATCH /users/:id. Email is not editable: it is the login and the invitation's address. Nobody
 * changes their own role, enabled flag or groups (`SELF_LOCKED_FIELDS`): for an admin, the groups
 * are their scope.
 */
export const UpdateUserSchema = z
  .object({
    ...profileFields,
    /** false disables the account (kept, cannot sign in); true re-enables it. */
    enabled: z.boolean(),
    mustChangePassword: z.boolean(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Nothing to update.' })
  .meta({ id: 'UpdateUser' })
export type UpdateUserInput = z.input<typeof UpdateUserSchema>

/**
 * POST /users: create a person directly (a technician, or a customer's contact created by hand).
 * With a `password` the account is active at once (checked against the policy;
 * `mustChangePassword` defaults to the policy's forceChangeAfterAdminSet); without one the person
 * is invited, like a one-row POST /invitations with the full profile.
 */
export const CreateUserSchema = z
  .object(profileFields)
  .partial()
  .extend({
    firstName: PersonNameSchema,
    lastName: OptionalLastNameSchema.default(''),
    // The wire shape of an email: the organization's shared-mailbox list is the server's to apply.
    email: EmailSchema,
    role: RoleKeySchema,
    contactFor: profileFields.contactFor.default([]),
    groupIds: profileFields.groupIds.default([]),
    primaryContact: z.boolean().default(false),
    /** A disabled account is created but cannot sign in. */
    enabled: z.boolean().default(true),
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH).optional(),
    mustChangePassword: z.boolean().optional(),
    /** Without a password: email the invitation now (default) or leave it for the host. */
    sendInvitation: z.boolean().default(true),
  })
  .strict()
  .meta({ id: 'CreateUser' })
export type CreateUserInput = z.input<typeof CreateUserSchema>

/** POST /users/:id/password: an administrator sets a password ("New password" on a person's record). */
export const SetUserPasswordSchema = z
  .object({
    password: z.string().min(1).max(PASSWORD_MAX_LENGTH),
    /** Default: the organization's policy (forceChangeAfterAdminSet). */
    mustChangePassword: z.boolean().optional(),
  })
  .strict()
  .meta({ id: 'SetUserPassword' })
export type SetUserPasswordInput = z.input<typeof SetUserPasswordSchema>

export const BULK_USERS_MAX = 500

const userIds = z.array(IdSchema).min(1).max(BULK_USERS_MAX)
export const BulkUsersRequestSchema = z
  .discriminatedUnion('action', [
    z.object({ action: z.literal('changeRole'), role: RoleKeySchema, userIds }).strict(),
    z.object({ action: z.literal('enable'), userIds }).strict(),
    z.object({ action: z.literal('disable'), userIds }).strict(),
    z.object({ action: z.literal('resendInvitation'), userIds }).strict(),
    z.object({ action: z.literal('forcePasswordChange'), userIds }).strict(),
    z.object({ action: z.literal('delete'), userIds }).strict(),
  ])
  .meta({ id: 'BulkUsersRequest' })
export type BulkUsersRequest = z.input<typeof BulkUsersRequestSchema>
