export type ImportFileErrorCode = 'empty_file' | 'invalid_json' | 'not_a_list' | 'no_header'

/** A file that cannot be read as an import at all. */
export class ImportFileError extends Error {
  override readonly name = 'ImportFileError'
  constructor(
    readonly code: ImportFileErrorCode,
    message: string,
  ) {
    super(message)
  }
}
