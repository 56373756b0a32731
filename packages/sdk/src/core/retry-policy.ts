import type { EndpointDefinition } from '@usher/contract'
import { HTTPError } from 'ky'
import { isUsherError } from '../errors/guards'
import { retryAfterSeconds } from './map-error'

/** ky may retry any method: `decideRetry` alone says which call and which failure. */
export const RETRY_METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'trace']
/** Statuses ky's own logic may retry, once `decideRetry` lets it look (409: see `decideRetry`). */
export const RETRY_STATUS_CODES = [408, 409, 429, 500, 502, 503, 504]
/** Where a `Retry-After` sets the wait. */
export const RETRY_AFTER_STATUS_CODES = [409, 429, 503]
/** Failures where a replay may only repeat a call that might have done its work. */
const REPLAY_STATUS_CODES = [408, 500, 502, 503, 504]

/**
 * How far a call may be sent again after a failure that may have reached the server.
 * - `safe`: a replay cannot do the work twice: GET, DELETE, a POST with an `Idempotency-Key` or
 *   marked `replayable` in the contract, a PUT or PATCH without `If-Match`.
 * - `guarded`: a write under `If-Match`. Replaying it after a lost answer would meet 412 for the
 *   caller's own change, so only the answers that say nothing was done (429, 503) are retried.
 * - `unsafe`: any other POST. Only 429 and a refused connection are retried.
 */
export type Replay = 'safe' | 'guarded' | 'unsafe'

export function replayOf(
  endpoint: Pick<EndpointDefinition, 'method' | 'ifMatch' | 'replayable'>,
  keyed: boolean,
): Replay {
  switch (endpoint.method) {
    case 'GET':
    case 'DELETE':
      return 'safe'
    case 'PUT':
    case 'PATCH':
      return endpoint.ifMatch ? 'guarded' : 'safe'
    default:
      return keyed || endpoint.replayable ? 'safe' : 'unsafe'
  }
}

export interface RetryContext {
  replay: Replay
  method: EndpointDefinition['method']
  /** The request carries an `Idempotency-Key`. */
  keyed: boolean
  /** Longest `Retry-After` worth waiting for, in ms. */
  maxRetryAfter: number
}

/**
 * The connection was refused before anything was sent (Node's fetch: `cause.code` ECONNREFUSED,
 * or every address of an AggregateError refused). Browsers do not say; they never match.
 */
export function isConnectionRefused(error: unknown): boolean {
  const cause = error instanceof Error ? error.cause : undefined
  if (typeof cause !== 'object' || cause === null) return false
  if ((cause as { code?: unknown }).code === 'ECONNREFUSED') return true
  return (
    cause instanceof AggregateError &&
    cause.errors.length > 0 &&
    cause.errors.every((e: unknown) => (e as { code?: unknown } | null)?.code === 'ECONNREFUSED')
  )
}

/** The failure proves the server did nothing: a 429, or a connection refused. */
export function nothingDone(error: unknown): boolean {
  return error instanceof HTTPError ? error.response.status === 429 : isConnectionRefused(error)
}

/**
 * ky's `shouldRetry`, the one place that decides: `false` never, `true` retry after the backoff
 * delay, `undefined` let ky's own logic go on (status list, `Retry-After`, timeouts, network errors).
 */
export function decideRetry(context: RetryContext, error: unknown): boolean | undefined {
  // The host's own failures (token function, hooks, configuration): a retry cannot help.
  if (isUsherError(error)) return false
  // The caller's signal: ky would only wait for it to end the call anyway.
  if (error instanceof Error && error.name === 'AbortError') return false
  if (error instanceof HTTPError) {
    const { response } = error
    const { status } = response
    const allowed =
      status === 429 ||
      // idempotency_in_progress: the first request with this key is still running.
      (status === 409 && context.keyed && context.method === 'POST' && response.headers.has('retry-after')) ||
      (status === 503 && context.replay !== 'unsafe') ||
      (context.replay === 'safe' && REPLAY_STATUS_CODES.includes(status))
    if (!allowed) return false
    // ky waits maxRetryAfter when the server asks for longer; give up at once instead, so the
    // host can show "retry in N s" rather than hang.
    const seconds = RETRY_AFTER_STATUS_CODES.includes(status) ? retryAfterSeconds(response) : undefined
    return seconds !== undefined && seconds * 1000 > context.maxRetryAfter ? false : undefined
  }
  // Nothing was sent: safe to send for every method.
  if (isConnectionRefused(error)) return true
  // Timeouts and network errors: the request may have been processed.
  return context.replay === 'safe' ? undefined : false
}
