export {
  isUsherApiError,
  isUsherError,
  isUsherNetworkError,
  isUsherSchemaError,
  isUsherValidationError,
} from './guards'
export { UsherApiError } from './usher-api-error'
export { UsherError, type UsherErrorName } from './usher-error'
export { UsherNetworkError } from './usher-network-error'
export { UsherSchemaError } from './usher-schema-error'
export { UsherValidationError } from './usher-validation-error'
