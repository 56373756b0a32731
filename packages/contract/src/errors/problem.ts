import * as z from 'zod'
import { ERROR_CODES, type ErrorCode, errorCodes, FIELD_ERROR_CODES, problemType } from './error-codes'

export const ErrorCodeSchema = z.enum(errorCodes).meta({ id: 'ErrorCode' })
export const FieldErrorCodeSchema = z.enum(FIELD_ERROR_CODES).meta({ id: 'FieldErrorCode' })

export const FieldErrorSchema = z
  .object({
    /** Dotted path of the field, from the request body's root: `invitations.2.email`. */
    path: z.string(),
    code: FieldErrorCodeSchema,
    message: z.string(),
  })
  .meta({ id: 'FieldError' })
export type FieldError = z.infer<typeof FieldErrorSchema>

/** RFC 9457 problem details, with Usher's stable `code`. Extension members are kept. */
export const ProblemSchema = z
  .looseObject({
    type: z.string(),
    title: z.string(),
    status: z.number().int().min(400).max(599),
    detail: z.string().optional(),
    instance: z.string().optional(),
    code: ErrorCodeSchema,
    requestId: z.string().optional(),
    errors: z.array(FieldErrorSchema).optional(),
    /** Seconds, on 429 and 503 (also sent as `Retry-After`). */
    retryAfter: z.number().int().nonnegative().optional(),
  })
  .meta({ id: 'Problem' })
export type Problem = z.infer<typeof ProblemSchema>

/** The per-item error of batch answers: a code and, for invalid fields, which ones. */
export const ItemErrorSchema = z
  .object({
    code: ErrorCodeSchema,
    message: z.string(),
    errors: z.array(FieldErrorSchema).optional(),
  })
  .meta({ id: 'ItemError' })
export type ItemError = z.infer<typeof ItemErrorSchema>

export interface ProblemExtras {
  title?: string
  status?: number
  detail?: string
  instance?: string
  requestId?: string
  errors?: FieldError[]
  retryAfter?: number
  /** RFC 9457 extension members. */
  [extension: string]: unknown
}

export function createProblem(code: ErrorCode, extra: ProblemExtras = {}): Problem {
  const { status, title, ...rest } = extra
  return {
    type: problemType(code),
    title: title ?? ERROR_CODES[code].title,
    status: status ?? ERROR_CODES[code].status,
    code,
    ...rest,
  }
}

export function itemError(code: ErrorCode, message?: string, errors?: FieldError[]): ItemError {
  return { code, message: message ?? ERROR_CODES[code].title, ...(errors ? { errors } : {}) }
}

/**
 * Whether the value an issue is about was absent. zod 4 keeps `input` on an issue only when the
 * parse ran with `reportInput: true`; otherwise we look the value up in the parsed input when the
 * caller hands it over, and last read zod's default wording ("expected string, received undefined").
 */
function isMissing(issue: z.core.$ZodIssue, source: { input: unknown } | undefined): boolean {
  if ('input' in issue) return issue.input === undefined
  if (source) return isAbsentAt(source.input, issue.path)
  return issue.code === 'invalid_type' && /received undefined$/.test(issue.message)
}

/** Whether nothing is at `path` in `root`; a path that runs into a primitive (a preprocessed value) is not absent. */
function isAbsentAt(root: unknown, path: readonly PropertyKey[]): boolean {
  let value = root
  for (const key of path) {
    if (value === undefined || value === null) return true
    if (typeof value !== 'object') return false
    value = (value as Record<PropertyKey, unknown>)[key]
  }
  return value === undefined
}

const issueCode = (issue: z.core.$ZodIssue, missing: boolean): FieldError['code'] => {
  const custom = (issue as { params?: { code?: string } }).params?.code
  if (custom && (FIELD_ERROR_CODES as readonly string[]).includes(custom)) return custom as FieldError['code']
  switch (issue.code) {
    case 'invalid_type':
      return missing ? 'required' : 'invalid_type'
    case 'too_small':
      if (issue.origin === 'string') return missing || issue.minimum === 1 ? 'required' : 'too_short'
      if (issue.origin === 'array' || issue.origin === 'set') return 'too_few'
      return 'too_small'
    case 'too_big':
      if (issue.origin === 'string') return 'too_long'
      if (issue.origin === 'array' || issue.origin === 'set') return 'too_many'
      return 'too_big'
    case 'invalid_format':
      return issue.format === 'email' ? 'invalid_email' : 'invalid_format'
    case 'unrecognized_keys':
      return 'unknown_field'
    case 'invalid_value':
    case 'invalid_union':
      // A missing enum value or union discriminator is a missing field, not a wrong one.
      return missing ? 'required' : 'invalid_value'
    default:
      return 'invalid_value'
  }
}

/**
 * Turns zod issues into the problem's field errors. The server and the SDK both call this, so a
 * request the SDK refuses locally carries exactly the errors the server would have sent.
 * `unrecognized_keys` becomes one error per unknown key, on that key's own path. Pass
 * `{ input }` (what was parsed) so a missing value is told from a wrong one everywhere.
 */
export function toFieldErrors(
  issues: readonly z.core.$ZodIssue[],
  prefix: PropertyKey[] = [],
  source?: { input: unknown },
): FieldError[] {
  const out: FieldError[] = []
  for (const issue of issues) {
    const base = [...prefix, ...issue.path]
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) {
        out.push({
          path: joinPath([...base, key]),
          code: 'unknown_field',
          message: `Unknown field "${key}".`,
        })
      }
      continue
    }
    const code = issueCode(issue, isMissing(issue, source))
    // zod's own wording for a missing value ("expected string, received undefined") is for developers.
    const message = code === 'required' && issue.code !== 'custom' ? 'Required.' : issue.message
    out.push({ path: joinPath(base), code, message })
  }
  return out
}

export function joinPath(path: readonly PropertyKey[]): string {
  return path.map((p) => String(p)).join('.')
}

/** The part of a request a validation error is about. */
export type RequestPart = 'body' | 'query' | 'params'

/**
 * The 422 for a request part that failed its schema, as server and SDK both answer it: body paths
 * start at the body's root (`invitations.2.email`); query and path errors carry their part
 * (`query.limit`, `params.id`), so a form never mistakes them for one of its fields.
 */
export function requestValidationProblem(
  part: RequestPart,
  error: z.ZodError,
  input: unknown,
  extra: ProblemExtras = {},
): Problem {
  return createProblem('validation_failed', {
    ...extra,
    errors: toFieldErrors(error.issues, part === 'body' ? [] : [part], { input }),
  })
}
