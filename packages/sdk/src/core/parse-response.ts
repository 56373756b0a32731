import { toFieldErrors } from '@usher/contract'
import type { z } from 'zod'
import { UsherSchemaError } from '../errors/usher-schema-error'

/**
 * A success body parsed with the endpoint's schema: one that is not JSON, or breaks the contract,
 * throws `UsherSchemaError`. An abort while the body is read rejects with the signal's reason.
 */
export async function parseResponse(
  name: string,
  schema: z.ZodType,
  response: Response,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  let data: unknown
  try {
    data = await response.json()
  } catch {
    if (signal?.aborted) throw signal.reason
    throw new UsherSchemaError([{ path: '', code: 'invalid_type', message: 'The body is not JSON.' }], {
      endpoint: name,
      status: response.status,
    })
  }
  const parsed = schema.safeParse(data)
  if (!parsed.success) {
    throw new UsherSchemaError(toFieldErrors(parsed.error.issues), {
      endpoint: name,
      status: response.status,
    })
  }
  return parsed.data
}
