import { type ErrorCode, type FieldError, type ItemError, itemError } from '@usher/contract'

/** A refusal of the mock API: the handlers answer it as the contract's problem for `code`. */
export class MockApiError extends Error {
  override readonly name = 'MockApiError'

  constructor(
    readonly code: ErrorCode,
    readonly status?: number,
    /** RFC 9457 extension members (`password_too_weak`'s policy and problems, `errors`). */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(code)
  }
}

/** A 422 whose field errors name what was wrong, as the server words a refused field. */
export function fieldRefusal(code: ErrorCode, errors: FieldError[]): MockApiError {
  return new MockApiError(code, undefined, { errors })
}

/** The per-item error of a batch answer, for whatever one item threw. */
export function toItemError(error: unknown): ItemError {
  if (!(error instanceof MockApiError)) return itemError('internal_error')
  const errors = error.extra.errors as FieldError[] | undefined
  return itemError(error.code, undefined, errors)
}
