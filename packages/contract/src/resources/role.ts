import * as z from 'zod'
import { PERMISSIONS } from '../rules/permissions'
import { RoleKeySchema } from './primitives'

export const PermissionSchema = z.enum(PERMISSIONS).meta({ id: 'Permission' })

export const RoleSchema = z
  .object({
    key: RoleKeySchema,
    builtIn: z.boolean(),
    rank: z.number().int(),
    scope: z.enum(['organization', 'groups']),
    takesSeat: z.boolean(),
    permissions: z.array(PermissionSchema),
    /**
     * The host's names for a custom role, by language; null for a built-in role, whose names come
     * with the UI's own messages.
     */
    label: z
      .object({ en: z.string().min(1), fr: z.string().min(1) })
      .partial()
      .nullable(),
  })
  .meta({ id: 'Role' })
export type Role = z.infer<typeof RoleSchema>

export const RoleListSchema = z.object({ items: z.array(RoleSchema) }).meta({ id: 'RoleList' })
export type RoleList = z.infer<typeof RoleListSchema>
