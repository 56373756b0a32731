import * as z from 'zod'
import { ItemErrorSchema } from '../errors/problem'
import { CursorSchema, IdSchema, limitSchema, pageOf, VersionSchema } from './primitives'

export const SharePermissionSchema = z
  .enum(['view', 'manage'])
  .meta({ id: 'SharePermission', description: 'view: see the group; manage: act on it.' })
export type SharePermission = z.infer<typeof SharePermissionSchema>

export const ShareSchema = z
  .object({ groupId: IdSchema, groupName: z.string(), permission: SharePermissionSchema })
  .meta({ id: 'Share' })
export type Share = z.infer<typeof ShareSchema>

/** GET /users/:id/shares. `version` goes back in `If-Match` when replacing the set. */
export const UserSharesSchema = z
  .object({ userId: IdSchema, items: z.array(ShareSchema), version: VersionSchema })
  .meta({ id: 'UserShares' })
export type UserShares = z.infer<typeof UserSharesSchema>

/** One person a group is shared with (sharing from the group: pick a group, then its users). */
export const GroupShareSchema = z
  .object({ userId: IdSchema, name: z.string(), email: z.string(), permission: SharePermissionSchema })
  .meta({ id: 'GroupShare' })
export type GroupShare = z.infer<typeof GroupShareSchema>

export const ListGroupSharesQuerySchema = z
  .object({ limit: limitSchema(500, 100), cursor: CursorSchema.optional() })
  .strict()
export type ListGroupSharesQuery = z.input<typeof ListGroupSharesQuerySchema>

export const GroupSharePageSchema = pageOf(GroupShareSchema).meta({ id: 'GroupSharePage' })

export const SHARES_MAX = 1000

export const ReplaceSharesSchema = z
  .object({
    shares: z
      .array(z.object({ groupId: IdSchema, permission: SharePermissionSchema }).strict())
      .max(SHARES_MAX)
      .superRefine((shares, ctx) => {
        const seen = new Set<string>()
        shares.forEach((share, index) => {
          if (seen.has(share.groupId)) {
            ctx.addIssue({
              code: 'custom',
              path: [index, 'groupId'],
              params: { code: 'duplicate' },
              message: 'This group is listed twice.',
            })
          }
          seen.add(share.groupId)
        })
      }),
  })
  .strict()
  .meta({ id: 'ReplaceShares' })
export type ReplaceSharesInput = z.input<typeof ReplaceSharesSchema>

export const BULK_SHARE_USERS_MAX = 500

/** "Share all groups": share or remove many (or all) groups with many users at once. */
export const BulkSharesRequestSchema = z
  .discriminatedUnion('action', [
    z
      .object({
        action: z.literal('share'),
        userIds: z.array(IdSchema).min(1).max(BULK_SHARE_USERS_MAX),
        groupIds: z.union([z.array(IdSchema).min(1).max(SHARES_MAX), z.literal('all')]),
        permission: SharePermissionSchema,
      })
      .strict(),
    z
      .object({
        action: z.literal('unshare'),
        userIds: z.array(IdSchema).min(1).max(BULK_SHARE_USERS_MAX),
        groupIds: z.union([z.array(IdSchema).min(1).max(SHARES_MAX), z.literal('all')]),
        /** Removing takes a permission type too: only shares of that type go. */
        permission: SharePermissionSchema.optional(),
      })
      .strict(),
  ])
  .meta({ id: 'BulkSharesRequest' })
export type BulkSharesRequest = z.input<typeof BulkSharesRequestSchema>

export const BulkSharesResultSchema = z
  .object({
    results: z.array(
      z.discriminatedUnion('ok', [
        z.object({
          userId: IdSchema,
          ok: z.literal(true),
          added: z.number().int().nonnegative(),
          changed: z.number().int().nonnegative(),
          removed: z.number().int().nonnegative(),
        }),
        z.object({ userId: IdSchema, ok: z.literal(false), error: ItemErrorSchema }),
      ]),
    ),
    succeeded: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
  })
  .meta({ id: 'BulkSharesResult' })
export type BulkSharesResult = z.infer<typeof BulkSharesResultSchema>
