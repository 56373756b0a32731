import type { ErrorCode, FieldError, Problem } from '@usher/contract'
import { brand, UsherError } from './usher-error'

/** The server answered with an error (or, for UsherValidationError, would have). */
export class UsherApiError extends UsherError {
  override name: 'UsherApiError' | 'UsherValidationError' = 'UsherApiError'
  /** HTTP status: 404, 409, 422... */
  readonly status: number
  /** Stable problem code, e.g. `seat_limit_reached`; switch on this, not on `message`. */
  readonly code: ErrorCode
  /** The RFC 9457 body as received (or built from the status when the body was not one). */
  readonly problem: Problem
  /** Per-field errors of a 422: `{ path: 'invitations.2.email', code: 'duplicate', message }`. */
  readonly fieldErrors: readonly FieldError[]
  /** The server's request id, to quote to support. */
  readonly requestId: string | undefined
  /** Seconds the server asked to wait, on 429 and 503. */
  readonly retryAfter: number | undefined

  constructor(
    problem: Problem,
    options: { endpoint?: string; requestId?: string; retryAfter?: number; cause?: unknown } = {},
  ) {
    super(problem.detail ?? problem.title, options)
    brand(this, 'UsherApiError')
    this.status = problem.status
    this.code = problem.code
    this.problem = problem
    this.fieldErrors = problem.errors ?? []
    this.requestId = problem.requestId ?? options.requestId
    this.retryAfter = problem.retryAfter ?? options.retryAfter
  }
}
