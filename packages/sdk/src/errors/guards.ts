import type { UsherApiError } from './usher-api-error'
import { ERROR_BRAND, type UsherError, type UsherErrorName } from './usher-error'
import type { UsherNetworkError } from './usher-network-error'
import type { UsherSchemaError } from './usher-schema-error'
import type { UsherValidationError } from './usher-validation-error'

function is(value: unknown, name: UsherErrorName): boolean {
  if (typeof value !== 'object' || value === null) return false
  const names = (value as { [ERROR_BRAND]?: unknown })[ERROR_BRAND]
  if (Array.isArray(names)) return names.includes(name)
  // An error that lost its symbol (structured clone, JSON): fall back on the literal name.
  return (value as { name?: unknown }).name === name
}

/** Any error thrown by the SDK. Works across realms and duplicate copies of the package. */
export const isUsherError = (value: unknown): value is UsherError => is(value, 'UsherError')
/** An error answer of the API (UsherValidationError included). */
export const isUsherApiError = (value: unknown): value is UsherApiError => is(value, 'UsherApiError')
/** A request the SDK refused locally, before sending. */
export const isUsherValidationError = (value: unknown): value is UsherValidationError =>
  is(value, 'UsherValidationError')
export const isUsherNetworkError = (value: unknown): value is UsherNetworkError =>
  is(value, 'UsherNetworkError')
export const isUsherSchemaError = (value: unknown): value is UsherSchemaError => is(value, 'UsherSchemaError')
