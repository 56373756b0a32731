import * as z from 'zod'
import {
  CursorSchema,
  IdSchema,
  LongTextSchema,
  limitSchema,
  pageOf,
  TimestampSchema,
  textSchema,
  VersionSchema,
} from './primitives'

export const GroupSchema = z
  .object({
    id: IdSchema,
    name: z.string(),
    description: z.string().nullable(),
    parentId: IdSchema.nullable(),
    /** Direct members (users whose groupIds hold this group). */
    memberCount: z.number().int().nonnegative(),
    /** Users this group is shared with. */
    shareCount: z.number().int().nonnegative(),
    createdAt: TimestampSchema,
    version: VersionSchema,
  })
  .meta({ id: 'Group' })
export type Group = z.infer<typeof GroupSchema>

export const GROUP_NAME_MAX = 120

const GroupNameSchema = textSchema({ min: 1, max: GROUP_NAME_MAX })

export const CreateGroupSchema = z
  .object({
    name: GroupNameSchema,
    description: LongTextSchema.nullable().optional(),
    parentId: IdSchema.nullable().optional(),
  })
  .strict()
  .meta({ id: 'CreateGroup' })
export type CreateGroupInput = z.input<typeof CreateGroupSchema>

export const UpdateGroupSchema = z
  .object({ name: GroupNameSchema, description: LongTextSchema.nullable(), parentId: IdSchema.nullable() })
  .partial()
  .strict()
  .refine((patch) => Object.keys(patch).length > 0, { message: 'Nothing to update.' })
  .meta({ id: 'UpdateGroup' })
export type UpdateGroupInput = z.input<typeof UpdateGroupSchema>

export const ListGroupsQuerySchema = z
  .object({
    q: textSchema({ max: 100 }).optional(),
    parentId: IdSchema.optional(),
    /** Groups are listed whole for tree views, hence the higher cap. */
    limit: limitSchema(1000, 200),
    cursor: CursorSchema.optional(),
  })
  .strict()
export type ListGroupsQuery = z.input<typeof ListGroupsQuerySchema>

export const GroupPageSchema = pageOf(GroupSchema).meta({ id: 'GroupPage' })
