import {
  createProblem,
  type ErrorCode,
  errorCodes,
  FIELD_ERROR_CODES,
  type FieldErrorCode,
  HEADERS,
  type Problem,
  ProblemSchema,
} from '@usher/contract'
import { HTTPError, TimeoutError } from 'ky'
import * as z from 'zod'
import { UsherApiError } from '../errors/usher-api-error'
import { UsherError } from '../errors/usher-error'
import { UsherNetworkError } from '../errors/usher-network-error'
import { detachError } from '../utils/detach-error'

/** The code to report when an error body is not a problem (a proxy's HTML page, say). */
export function codeForStatus(status: number): ErrorCode {
  switch (status) {
    case 400:
      return 'invalid_json'
    case 401:
      return 'unauthenticated'
    case 403:
      return 'forbidden'
    case 404:
      return 'not_found'
    case 405:
      return 'method_not_allowed'
    case 409:
      return 'conflict'
    case 410:
      return 'not_found'
    case 412:
      return 'version_mismatch'
    case 413:
      return 'payload_too_large'
    case 415:
      return 'unsupported_media_type'
    case 422:
      return 'validation_failed'
    case 428:
      return 'precondition_required'
    case 429:
      return 'rate_limited'
    case 502:
    case 503:
    case 504:
      return 'service_unavailable'
    default:
      return 'internal_error'
  }
}

/** The wait a 429 or 503 asks for, from `Retry-After` (seconds or an HTTP date). */
export function retryAfterSeconds(response: Response): number | undefined {
  const header = response.headers.get(HEADERS.retryAfter)
  if (!header) return undefined
  const seconds = Number(header)
  if (Number.isFinite(seconds)) return Math.max(0, Math.ceil(seconds))
  const date = Date.parse(header)
  return Number.isNaN(date) ? undefined : Math.max(0, Math.ceil((date - Date.now()) / 1000))
}

const createLenientProblemSchema = () =>
  ProblemSchema.extend({
    code: z.string(),
    errors: z.array(z.looseObject({ path: z.string(), code: z.string(), message: z.string() })).optional(),
  })
let lenientProblemSchema: ReturnType<typeof createLenientProblemSchema> | undefined

/**
 * Built on first use, not at module level: a top-level `ProblemSchema.extend()` call is a side
 * effect no bundler may drop, and would pull zod and the contract into an app that imports only
 * the error classes and guards.
 */
function lenientProblem(): ReturnType<typeof createLenientProblemSchema> {
  lenientProblemSchema ??= createLenientProblemSchema()
  return lenientProblemSchema
}

/**
 * A problem from a newer server may carry a code this SDK does not know yet (adding codes is a
 * minor change). Keep the body — detail, request id, field errors — and report the status's code,
 * with the server's own in `serverCode`.
 */
function fromNewerServer(json: unknown, status: number): Problem | null {
  const parsed = lenientProblem().safeParse(json)
  if (!parsed.success || parsed.data.status !== status) return null
  const knownField = (code: string): FieldErrorCode =>
    (FIELD_ERROR_CODES as readonly string[]).includes(code) ? (code as FieldErrorCode) : 'invalid_value'
  const { code, errors, ...rest } = parsed.data
  const known = (errorCodes as readonly string[]).includes(code)
  return {
    ...rest,
    code: known ? (code as ErrorCode) : codeForStatus(status),
    ...(known ? {} : { serverCode: code }),
    ...(errors
      ? { errors: errors.map((e) => ({ path: e.path, code: knownField(e.code), message: e.message })) }
      : {}),
  }
}

async function readProblem(response: Response): Promise<Problem> {
  let text = ''
  try {
    text = await response.text()
  } catch {
    // The body could not be read (connection cut mid-body): the status still says enough.
  }
  if (text) {
    try {
      const json: unknown = JSON.parse(text)
      const parsed = ProblemSchema.safeParse(json)
      if (parsed.success && parsed.data.status === response.status) return parsed.data
      const newer = fromNewerServer(json, response.status)
      if (newer) return newer
    } catch {
      // Not JSON: fall through to a problem built from the status.
    }
  }
  return createProblem(codeForStatus(response.status), {
    status: response.status,
    detail: `The server answered ${response.status}${response.statusText ? ` ${response.statusText}` : ''} without a problem document.`,
  })
}

/** Turns whatever ky or fetch threw into an Usher error; an abort is rethrown as the signal's reason. */
export async function toUsherError(
  error: unknown,
  endpoint: string,
  signal: AbortSignal | undefined,
): Promise<unknown> {
  if (signal?.aborted) return signal.reason
  if (error instanceof UsherError) return error
  if (error instanceof HTTPError) {
    const { response } = error
    const problem = await readProblem(response)
    return new UsherApiError(problem, {
      endpoint,
      requestId: response.headers.get(HEADERS.requestId) ?? undefined,
      retryAfter: retryAfterSeconds(response),
    })
  }
  // ky's TimeoutError (and a host fetch's error, possibly) holds the Request, whose headers carry
  // the bearer token: the cause is a detached copy. The URL's query (an invitation token, a
  // search) stays out of the message too.
  if (error instanceof TimeoutError) {
    const { method, url } = error.request
    const message = `Request timed out: ${method} ${url.split('?')[0]}`
    return new UsherNetworkError('timeout', { endpoint, cause: detachError(error, { message }) })
  }
  if (error instanceof Error && error.name === 'AbortError') return error
  return new UsherNetworkError('network', { endpoint, cause: detachError(error) })
}
