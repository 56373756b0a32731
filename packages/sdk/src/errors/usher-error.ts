/**
 * A brand on every Usher error, in the global symbol registry: `Symbol.for` is shared across
 * realms (iframes, workers' structured clones aside) and across duplicate copies of this package,
 * where `instanceof` is not.
 */
export const ERROR_BRAND: unique symbol = Symbol.for('usher.error') as never

export type UsherErrorName =
  | 'UsherError'
  | 'UsherApiError'
  | 'UsherValidationError'
  | 'UsherNetworkError'
  | 'UsherSchemaError'

/** Base of every error the SDK throws (aborts excepted: those rethrow the signal's reason). */
export class UsherError extends Error {
  override name: UsherErrorName = 'UsherError'
  /** The names of this error's classes, most specific first; what the guards read. */
  readonly [ERROR_BRAND]: readonly UsherErrorName[] = ['UsherError']
  /** The endpoint called (`listUsers`), when the error comes from one. */
  readonly endpoint: string | undefined

  constructor(message: string, options: { endpoint?: string; cause?: unknown } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.endpoint = options.endpoint
  }
}

export function brand(error: UsherError, ...names: UsherErrorName[]): void {
  ;(error as { [ERROR_BRAND]: readonly UsherErrorName[] })[ERROR_BRAND] = [...names, 'UsherError']
}
