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
// Import files (issue 7): parse, map and check CSV/JSON before sending, then send in chunks.
export {
  fieldForHeader,
  headerKey,
  IMPORT_COLUMNS,
  IMPORT_FIELDS,
  type ImportColumn,
  type ImportField,
} from './import/header-synonyms'
export {
  type ApplyMappingOptions,
  applyMapping,
  autoMapping,
  type ImportDelimiter,
  type ImportFieldError,
  ImportFileError,
  type ImportFileErrorCode,
  type ImportFileProblem,
  type ImportFormat,
  type ImportMapping,
  type ImportRawRow,
  type ImportRowCheck,
  type ImportValidation,
  type MappedImportRow,
  type ParsedImportFile,
  type ParseImportFileOptions,
  parseImportFile,
  type ValidateImportRowsOptions,
  validateImportRows,
} from './import/parse-import-file'
export {
  type ImportProgress,
  type RunImportInput,
  type RunImportResult,
  runImport,
} from './import/run-import'
export { failedRowsCsv, SAMPLE_COLUMNS, type SampleLocale, sampleImportFile } from './import/sample-files'
export type { CreateOptions, RequestOptions, UpdateOptions } from './types/options'
export type { Paginated, UsherClient } from './types/usher-client'
