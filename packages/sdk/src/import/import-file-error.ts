export type ImportFileErrorCode =
  | 'empty_file'
  | 'invalid_json'
  | 'not_a_list'
  | 'no_header'
  /** Bytes that are no text (a PDF, an image, an old binary .xls). */
  | 'not_a_csv'
  /** An .xlsx file that cannot be opened as a workbook. */
  | 'invalid_xlsx'

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
