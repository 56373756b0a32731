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
export {
  type ApplyMappingOptions,
  applyMapping,
  autoMapping,
  type MappedImportRow,
} from './import/column-mapping'
// Import files: parse, map and check CSV/JSON before sending, then send in chunks.
export {
  fieldForHeader,
  headerKey,
  IMPORT_COLUMNS,
  IMPORT_FIELDS,
  type ImportColumn,
  type ImportField,
} from './import/header-synonyms'
export { ImportFileError, type ImportFileErrorCode } from './import/import-file-error'
export type {
  ImportDelimiter,
  ImportFileProblem,
  ImportFormat,
  ImportMapping,
  ImportRawRow,
  ParsedImportFile,
  ParseImportFileOptions,
} from './import/import-file-types'
export { parseImportFile } from './import/parse-import-file'
export {
  type ImportProgress,
  type RunImportInput,
  type RunImportResult,
  runImport,
} from './import/run-import'
export { failedRowsCsv, SAMPLE_COLUMNS, type SampleLocale, sampleImportFile } from './import/sample-files'
export {
  type ImportFieldError,
  type ImportRowCheck,
  type ImportValidation,
  type ValidateImportRowsOptions,
  validateImportRows,
} from './import/validate-import-rows'
export type { CreateOptions, RequestOptions, UpdateOptions } from './types/options'
export type { Paginated, UsherClient, UsherFile } from './types/usher-client'
export { newIdempotencyKey } from './utils/idempotency-key'
