import type { UsherApiError } from './usher-api-error'
import { ERROR_BRAND, type UsherError, type UsherErrorName } from './usher-error'
import type { UsherNetworkError } from './usher-network-error'
import type { UsherSchemaError } from './usher-schema-error'
import type { UsherValidationError } from './usher-validation-error'

/** Each class's names, most specific first: what the brand holds, for errors that lost it. */
const LINEAGE: Record<UsherErrorName, readonly UsherErrorName[]> = {
  UsherError: ['UsherError'],
  UsherApiError: ['UsherApiError', 'UsherError'],
  UsherValidationError: ['UsherValidationError', 'UsherApiError', 'UsherError'],
  UsherNetworkError: ['UsherNetworkError', 'UsherError'],
  UsherSchemaError: ['UsherSchemaError', 'UsherError'],
}

function is(value: unknown, name: UsherErrorName): boolean {
  if (typeof value !== 'object' || value === null) return false
  const names = (value as { [ERROR_BRAND]?: unknown })[ERROR_BRAND]
  if (Array.isArray(names)) return names.includes(name)
  // An error that lost its symbol (structured clone, JSON): fall back on the literal name, which
  // stands for its whole lineage (a lost UsherValidationError is still an UsherApiError).
  const own = (value as { name?: unknown }).name
  return (
    typeof own === 'string' && Object.hasOwn(LINEAGE, own) && LINEAGE[own as UsherErrorName].includes(name)
  )
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
