import * as z from 'zod'
import { OrganizationSchema } from './organization'
import { IdSchema } from './primitives'
import { PermissionSchema } from './role'
import { UserSchema } from './user'

export const SeatUsageSchema = z
  .object({
    /**
     * Seats held: the active or invited people whose role takes a seat (technicians, and any role
     * a host declares with `takesSeat`, such as an operator).
     */
    used: z.number().int().nonnegative(),
    /** The plan's seats; null for unlimited. */
    allowed: z.number().int().nonnegative().nullable(),
  })
  .meta({ id: 'SeatUsage' })
export type SeatUsage = z.infer<typeof SeatUsageSchema>

export const MeSchema = z
  .object({
    user: UserSchema,
    /**
     * The caller's account: one address and password for every organization they belong to. A
     * host token's `sub` names it (or, as before, `user.id`). Null for a directory's caller;
     * absent from backends without accounts.
     */
    accountId: IdSchema.nullable().optional(),
    organization: OrganizationSchema,
    permissions: z.array(PermissionSchema),
    seats: SeatUsageSchema,
    /** The users / operators counter: every account, and those that are operators (who take a seat). */
    counts: z.object({ users: z.number().int().nonnegative(), operators: z.number().int().nonnegative() }),
  })
  .meta({ id: 'Me' })
export type Me = z.infer<typeof MeSchema>
