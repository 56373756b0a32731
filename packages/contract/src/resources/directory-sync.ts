import * as z from 'zod'
import { CursorSchema, IdSchema, limitSchema, pageOf, RoleKeySchema, TimestampSchema } from './primitives'

/**
 * Directory sync: a SCIM 2.0 service provider (under `/scim/v2` of the server's mount) that
 * Microsoft Entra ID and Okta provision people and groups into, with per-organization bearer
 * tokens. These are the owner's management resources: settings, tokens, the last requests.
 */

/** Where the SCIM service provider sits, relative to the API's base URL. */
export const SCIM_BASE_PATH = '/scim/v2'

/** What a DELETE from the directory does: disable the person and detach them, or delete them. */
export const DeprovisioningSchema = z.enum(['disable', 'delete']).meta({
  id: 'DirectoryDeprovisioning',
  description:
    '`disable`: the person is disabled and detached from the directory (kept, with their history); `delete`: the account is deleted.',
})
export type Deprovisioning = z.infer<typeof DeprovisioningSchema>

/** Whether people the directory creates get an invitation email (to set a password) or none. */
export const DirectoryInvitationsSchema = z.enum(['email', 'none']).meta({
  id: 'DirectoryInvitations',
  description:
    '`email`: each new person gets an invitation email to set a password; `none`: no email, the person is active at once and signs in through the host’s single sign-on.',
})
export type DirectoryInvitations = z.infer<typeof DirectoryInvitationsSchema>

export const DirectorySyncSettingsSchema = z
  .object({
    /** The role of people the directory creates (a host-defined role is allowed). */
    defaultRole: RoleKeySchema,
    deprovisioning: DeprovisioningSchema,
    invitations: DirectoryInvitationsSchema,
  })
  .meta({ id: 'DirectorySyncSettings' })
export type DirectorySyncSettings = z.infer<typeof DirectorySyncSettingsSchema>

/** The settings of an organization that never changed them. */
export const DEFAULT_DIRECTORY_SYNC_SETTINGS: DirectorySyncSettings = {
  defaultRole: 'technician',
  deprovisioning: 'disable',
  invitations: 'email',
}

/**
 * Whether `role` may be the role of people a directory creates: any role of the organization but
 * the owner's (an identity provider's assignment must never hand out the whole organization).
 * The server refuses the others; the panel offers only these.
 */
export const isDirectoryDefaultRole = (roles: { has(role: string): boolean }, role: string): boolean =>
  role !== 'owner' && roles.has(role)

export const UpdateDirectorySyncSettingsSchema = DirectorySyncSettingsSchema.partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Nothing to update.' })
  .meta({ id: 'UpdateDirectorySyncSettings' })
export type UpdateDirectorySyncSettingsInput = z.input<typeof UpdateDirectorySyncSettingsSchema>

export const DIRECTORY_TOKEN_NAME_MAX = 80

/** A bearer token a directory uses; the secret itself is shown once, when it is created. */
export const DirectoryTokenSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    /** The first characters of the secret, to tell tokens apart (not enough to use one). */
    prefix: z.string(),
    createdAt: TimestampSchema,
    /** The last request made with it; null if never used. */
    lastUsedAt: TimestampSchema.nullable(),
  })
  .meta({ id: 'DirectoryToken' })
export type DirectoryToken = z.infer<typeof DirectoryTokenSchema>

export const CreateDirectoryTokenSchema = z
  .object({
    name: z
      .string()
      .trim()
      .min(1, { message: 'Name the token (for example the directory it is for).' })
      .max(DIRECTORY_TOKEN_NAME_MAX),
  })
  .strict()
  .meta({ id: 'CreateDirectoryToken' })
export type CreateDirectoryTokenInput = z.input<typeof CreateDirectoryTokenSchema>

export const DirectoryTokenCreatedSchema = DirectoryTokenSchema.extend({
  /** The bearer token (256 random bits). Only its hash is kept: this is the one time it is shown. */
  secret: z.string(),
}).meta({ id: 'DirectoryTokenCreated' })
export type DirectoryTokenCreated = z.infer<typeof DirectoryTokenCreatedSchema>

/** What the owner's panel reads: the endpoint, the settings, the live tokens. */
export const DirectorySyncSchema = z
  .object({
    /** The SCIM base path, relative to the API's base URL (`/scim/v2`). */
    scimPath: z.string(),
    settings: DirectorySyncSettingsSchema,
    tokens: z.array(DirectoryTokenSchema),
    /** People the directory keeps up to date. */
    provisionedPeople: z.number().int().nonnegative(),
  })
  .meta({ id: 'DirectorySync' })
export type DirectorySync = z.infer<typeof DirectorySyncSchema>

export const DIRECTORY_OPERATIONS = [
  'discovery',
  'user.list',
  'user.read',
  'user.create',
  'user.update',
  'user.delete',
  'group.list',
  'group.read',
  'group.create',
  'group.update',
  'group.delete',
] as const
export const DirectoryOperationSchema = z.enum(DIRECTORY_OPERATIONS).meta({ id: 'DirectoryOperation' })
export type DirectoryOperation = z.infer<typeof DirectoryOperationSchema>

/** One request a directory made, as the owner's panel lists it (why Entra reports an error). */
export const DirectoryRequestSchema = z
  .object({
    id: IdSchema,
    at: TimestampSchema,
    method: z.string(),
    path: z.string(),
    operation: DirectoryOperationSchema,
    /** Who or what it was about: a userName, an address, a group's name; null for a list. */
    subject: z.string().nullable(),
    status: z.number().int(),
    /** The SCIM error type of a refusal (`uniqueness`, `invalidFilter`…); null on success. */
    scimType: z.string().nullable(),
    /** Why it was refused, in words; null on success. */
    reason: z.string().nullable(),
    tokenName: z.string().nullable(),
  })
  .meta({ id: 'DirectoryRequest' })
export type DirectoryRequest = z.infer<typeof DirectoryRequestSchema>

export const ListDirectoryRequestsQuerySchema = z
  .object({
    /** Only the refused ones (status 400 and above). */
    failed: z
      .enum(['true', 'false'])
      .transform((v) => v === 'true')
      .optional(),
    limit: limitSchema(200, 50),
    cursor: CursorSchema.optional(),
  })
  .strict()
export type ListDirectoryRequestsQuery = z.input<typeof ListDirectoryRequestsQuerySchema>

export const DirectoryRequestPageSchema = pageOf(DirectoryRequestSchema).meta({ id: 'DirectoryRequestPage' })
