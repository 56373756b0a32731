import * as z from 'zod'
import { USER_STATUSES } from '../rules/status'
import {
  CursorSchema,
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
  VersionSchema,
} from './primitives'

export const UserStatusSchema = z.enum(USER_STATUSES).meta({
  id: 'UserStatus',
  description: 'invited (pending, see invitationExpiresAt), expired (invitation lapsed), active, disabled.',
})

export const UserSourceSchema = z
  .enum(['owner', 'invitation', 'manual', 'import', 'email', 'scim'])
  .meta({ id: 'UserSource', description: 'How the account came to be (seed 004).' })

export const UserSchema = z
  .object({
    id: IdSchema,
    salutation: SalutationSchema.nullable(),
    firstName: z.string(),
    lastName: z.string(),
    /** Seed 003: the name customers see during a session. */
    nickname: z.string().nullable(),
    email: z.string(),
    phone: z.string().nullable(),
    mobile: z.string().nullable(),
    jobTitle: z.string().nullable(),
    department: z.string().nullable(),
    description: z.string().nullable(),
    /** Seed 003: SSO id. */
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
    /** How many groups are shared with the person (the count the users list shows, seed 002). */
    sharedGroupCount: z.number().int().nonnegative(),
    /** Seed 004: the site's primary contact. */
    primaryContact: z.boolean(),
    /** Seed 004: the agent (a user of the organization) assigned to this person. */
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
    /** Prefix of first name, last name, "first last" or email; case- and accent-insensitive. */
    q: z.string().trim().max(100).optional(),
    role: queryList(RoleKeySchema),
    status: queryList(UserStatusSchema),
    groupId: IdSchema.optional(),
    sort: UserSortSchema.default('name'),
    limit: limitSchema(200, 50),
    cursor: CursorSchema.optional(),
  })
  .strict()
export type ListUsersQuery = z.input<typeof ListUsersQuerySchema>

export const UserPageSchema = pageOf(UserSchema).meta({ id: 'UserPage' })

const nullableText = (schema: z.ZodString) => schema.nullable().transform((v) => (v === '' ? null : v))

// An emptied phone field clears the number, as the other text fields do.
const clearablePhone = z.union([z.literal('').transform(() => null), PhoneSchema.nullable()])

/** PATCH /users/:id. Email is not editable: it is the login and the invitation's address. */
export const UpdateUserSchema = z
  .object({
    salutation: SalutationSchema.nullable(),
    firstName: PersonNameSchema,
    lastName: OptionalLastNameSchema,
    nickname: nullableText(ShortTextSchema),
    phone: clearablePhone,
    mobile: clearablePhone,
    jobTitle: nullableText(ShortTextSchema),
    department: nullableText(ShortTextSchema),
    description: nullableText(LongTextSchema),
    externalId: nullableText(z.string().trim().max(255)),
    locale: LocaleSchema,
    role: RoleKeySchema,
    /** false disables the account (kept, cannot sign in); true re-enables it. */
    enabled: z.boolean(),
    contactFor: z.array(TopicKeySchema).max(50),
    /** Moves the person to these groups (seed 003: "move to another technician group"). */
    groupIds: z.array(IdSchema).max(100),
    primaryContact: z.boolean(),
    assignedAgentId: IdSchema.nullable(),
    mustChangePassword: z.boolean(),
  })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Nothing to update.' })
  .meta({ id: 'UpdateUser' })
export type UpdateUserInput = z.input<typeof UpdateUserSchema>

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
