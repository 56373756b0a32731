import {
  createProblem,
  type ErrorCode,
  type FieldError,
  type Problem,
  type ProblemExtras,
} from '@usher/contract'

/**
 * Thrown anywhere in a handler to answer with a problem (RFC 9457). The error handler turns it
 * into `application/problem+json` with the contract's status for the code.
 */
export class ProblemError extends Error {
  override readonly name = 'ProblemError'
  readonly problem: Problem
  readonly headers: Record<string, string>

  constructor(code: ErrorCode, extra: ProblemExtras = {}, headers: Record<string, string> = {}) {
    const problem = createProblem(code, extra)
    super(problem.detail ?? problem.title)
    this.problem = problem
    this.headers = headers
  }

  get code(): ErrorCode {
    return this.problem.code
  }
}

export const problem = (code: ErrorCode, detail?: string, extra: ProblemExtras = {}) =>
  new ProblemError(code, detail ? { ...extra, detail } : extra)

/** A 422 about one or more fields of the body. */
export const fieldProblem = (errors: FieldError[], detail?: string) =>
  new ProblemError('validation_failed', detail ? { errors, detail } : { errors })

/** 429 with Retry-After (seconds) in both the header and the body. */
export const rateLimited = (retryAfterSeconds: number, detail?: string) => {
  const seconds = Math.max(1, Math.ceil(retryAfterSeconds))
  return new ProblemError(
    'rate_limited',
    detail ? { retryAfter: seconds, detail } : { retryAfter: seconds },
    { 'Retry-After': String(seconds) },
  )
}
