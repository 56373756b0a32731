export {
  ERROR_CODES,
  type ErrorCode,
  errorCodes,
  FIELD_ERROR_CODES,
  type FieldErrorCode,
  problemType,
} from './error-codes'
export {
  createProblem,
  ErrorCodeSchema,
  type FieldError,
  FieldErrorCodeSchema,
  FieldErrorSchema,
  type ItemError,
  ItemErrorSchema,
  itemError,
  joinPath,
  type Problem,
  type ProblemExtras,
  ProblemSchema,
  toFieldErrors,
  validationProblem,
} from './problem'
