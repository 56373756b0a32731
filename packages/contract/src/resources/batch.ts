import * as z from 'zod'
import { ItemErrorSchema } from '../errors/problem'
import { IdSchema } from './primitives'

/** The answer of a batch action on ids: one result per id, in the request's order. */
export const BulkResultSchema = z
  .object({
    results: z.array(
      z.discriminatedUnion('ok', [
        z.object({ id: IdSchema, ok: z.literal(true) }),
        z.object({ id: IdSchema, ok: z.literal(false), error: ItemErrorSchema }),
      ]),
    ),
    succeeded: z.number().int().nonnegative(),
    failed: z.number().int().nonnegative(),
  })
  .meta({ id: 'BulkResult' })
export type BulkResult = z.infer<typeof BulkResultSchema>
