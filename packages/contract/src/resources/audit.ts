import * as z from 'zod'
import { CursorSchema, IdSchema, limitSchema, pageOf, TimestampSchema } from './primitives'

export const AUDIT_ACTIONS = [
  'organization.activated',
  'organization.updated',
  'user.created',
  'user.updated',
  'user.role_changed',
  'user.enabled',
  'user.disabled',
  'user.password_change_forced',
  'user.deleted',
  'user.signed_in',
  'user.password_reset',
  'invitation.created',
  'invitation.resent',
  'invitation.revoked',
  'invitation.accepted',
  'shares.replaced',
  'shares.bulk_shared',
  'shares.bulk_unshared',
  'group.created',
  'group.updated',
  'group.deleted',
  'import.started',
  'import.completed',
  'import.cancelled',
  'access_review.started',
  'access_review.closed',
] as const

export const AuditActionSchema = z.enum(AUDIT_ACTIONS).meta({ id: 'AuditAction' })
export type AuditAction = z.infer<typeof AuditActionSchema>

export const AuditEventSchema = z
  .object({
    id: IdSchema,
    at: TimestampSchema,
    action: AuditActionSchema,
    /** Who did it; null for the system (expiry, SCIM sync...). */
    actor: z
      .object({
        id: IdSchema,
        name: z.string(),
        email: z.string(),
        /**
         * What acted for the actor, when it was not the person by hand. `directory`: the directory
         * (SCIM sync) with one of the organization's tokens, `name` the token's; the actor is then
         * the token. `mail`: the inbound mail pipeline with its token, likewise. `import`: an import
         * of a file, `name` the file's; the actor stays the person who ran it, so filtering by
         * `actorId` finds their imports too.
         */
        via: z.object({ kind: z.enum(['directory', 'mail', 'import']), name: z.string() }).optional(),
      })
      .nullable(),
    target: z.object({
      type: z.enum(['user', 'invitation', 'group', 'import', 'organization']),
      id: IdSchema,
      label: z.string(),
    }),
    /** Changed fields, `{ field: [before, after] }`; secrets never appear. */
    changes: z.record(z.string(), z.tuple([z.unknown(), z.unknown()])).nullable(),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEvent' })
export type AuditEvent = z.infer<typeof AuditEventSchema>

export const ListAuditQuerySchema = z
  .object({
    action: AuditActionSchema.optional(),
    actorId: IdSchema.optional(),
    targetId: IdSchema.optional(),
    /** Events at or after this instant. */
    from: TimestampSchema.optional(),
    /** Events before this instant (a day's end: the next day's midnight). */
    to: TimestampSchema.optional(),
    limit: limitSchema(200, 50),
    cursor: CursorSchema.optional(),
  })
  .strict()
export type ListAuditQuery = z.input<typeof ListAuditQuerySchema>

export const AuditPageSchema = pageOf(AuditEventSchema).meta({ id: 'AuditPage' })
