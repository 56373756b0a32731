import type { Problem } from '@usher/contract'
import { UsherApiError } from './usher-api-error'
import { brand } from './usher-error'

/**
 * The SDK refused the request before sending it: the same 422 `validation_failed` problem, with the
 * same field errors, that the server would have answered. Nothing was sent.
 */
export class UsherValidationError extends UsherApiError {
  override name = 'UsherValidationError' as const

  constructor(problem: Problem, options: { endpoint?: string } = {}) {
    super(problem, options)
    brand(this, 'UsherValidationError', 'UsherApiError')
  }
}
