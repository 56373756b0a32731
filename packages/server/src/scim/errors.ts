import type { ErrorCode } from '@usher/contract'
import { ProblemError } from '../http/problem-error'

/** RFC 7644 §3.12: the error response's schema and its `scimType` keywords. */
export const ERROR_SCHEMA = 'urn:ietf:params:scim:api:messages:2.0:Error'
export type ScimType =
  | 'invalidFilter'
  | 'tooMany'
  | 'uniqueness'
  | 'mutability'
  | 'invalidSyntax'
  | 'invalidPath'
  | 'noTarget'
  | 'invalidValue'
  | 'invalidVers'
  | 'sensitive'

/** Thrown anywhere in a SCIM handler: answered as a SCIM error body with its status. */
export class ScimError extends Error {
  override readonly name = 'ScimError'
  constructor(
    readonly status: number,
    readonly detail: string,
    readonly scimType: ScimType | null = null,
    readonly headers: Record<string, string> = {},
  ) {
    super(detail)
  }
}

export const invalidValue = (detail: string) => new ScimError(400, detail, 'invalidValue')
export const notFound = (what: string, id: string) => new ScimError(404, `${what} ${id} not found.`)

/**
 * The domain's refusals, in SCIM's words: the rules (address, seats, owners, versions) answer in
 * Usher's problem codes, and a directory needs the status and `scimType` RFC 7644 gives them.
 */
const PROBLEM_STATUS: Partial<Record<ErrorCode, [number, ScimType | null]>> = {
  validation_failed: [400, 'invalidValue'],
  shared_mailbox_refused: [400, 'invalidValue'],
  email_taken: [409, 'uniqueness'],
  invitation_pending: [409, 'uniqueness'],
  conflict: [409, 'uniqueness'],
  version_mismatch: [412, null],
  not_found: [404, null],
  seat_limit_reached: [403, null],
  role_above_own: [403, null],
  forbidden: [403, null],
  last_owner: [409, 'mutability'],
  status_not_allowed: [409, 'mutability'],
  group_not_empty: [409, 'mutability'],
  rate_limited: [429, null],
  invalid_json: [400, 'invalidSyntax'],
  payload_too_large: [413, null],
  unsupported_media_type: [415, null],
  service_unavailable: [503, null],
}

/** A ProblemError (or anything else) as the SCIM error to answer. */
export function toScimError(error: unknown): ScimError {
  if (error instanceof ScimError) return error
  if (error instanceof ProblemError) {
    const problem = error.problem
    const [status, scimType] = PROBLEM_STATUS[problem.code] ?? [problem.status, null]
    const fieldErrors = problem.errors?.map((e) => `${e.path}: ${e.message}`).join('; ')
    const detail = [problem.detail ?? problem.title, fieldErrors].filter(Boolean).join(' — ')
    return new ScimError(status, detail, scimType, error.headers)
  }
  throw error
}

/** The error body of RFC 7644 §3.12 (`status` is a string there). */
export function errorBody(error: ScimError) {
  return {
    schemas: [ERROR_SCHEMA],
    status: String(error.status),
    ...(error.scimType ? { scimType: error.scimType } : {}),
    detail: error.detail,
  }
}
