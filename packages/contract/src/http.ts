import * as z from 'zod'

/** Header names both sides use. */
export const HEADERS = {
  idempotencyKey: 'Idempotency-Key',
  ifMatch: 'If-Match',
  etag: 'ETag',
  requestId: 'X-Request-Id',
  retryAfter: 'Retry-After',
} as const

export const PROBLEM_CONTENT_TYPE = 'application/problem+json'

export const IdempotencyKeySchema = z
  .string()
  .min(8)
  .max(255)
  .regex(/^[\x21-\x7e]+$/, { message: 'Printable ASCII without spaces.' })

/** How long the server remembers an idempotency key. */
export const IDEMPOTENCY_TTL_HOURS = 24

/** A strong ETag for a resource version: `"7"`. */
export function formatEtag(version: number): string {
  return `"${version}"`
}

/**
 * The version an `If-Match` header names, or null when it names none. If-Match compares strongly
 * (RFC 9110 §13.1.1): a weak `W/"7"` and `*` name none.
 */
export function parseIfMatch(header: string | null | undefined): number | null {
  const match = header?.trim().match(/^"(\d{1,15})"$|^(\d{1,15})$/)
  if (!match) return null
  return Number(match[1] ?? match[2])
}
