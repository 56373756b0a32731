export { createUsherClient } from './core/create-usher-client'
export { codeForStatus } from './core/map-error'
export type {
  AfterResponseState,
  BeforeErrorState,
  BeforeRequestState,
  RetryOptions,
  TokenSource,
  UsherClientOptions,
  UsherHooks,
} from './core/options'
export {
  isUsherApiError,
  isUsherError,
  isUsherNetworkError,
  isUsherSchemaError,
  isUsherValidationError,
  UsherApiError,
  UsherError,
  type UsherErrorName,
  UsherNetworkError,
  UsherSchemaError,
  UsherValidationError,
} from './errors'
export type { CreateOptions, RequestOptions, UpdateOptions } from './types/options'
export type { Paginated, UsherClient } from './types/usher-client'
