import { autoMapping } from './column-mapping'
import { decodeFile } from './decode-file'
import { detectFormat, isWorkbook } from './detect-format'
import { ImportFileError } from './import-file-error'
import type { ImportFileContent, ParsedImportFile, ParseImportFileOptions } from './import-file-types'
import { loadPapa } from './load-papa'
import { readCsv } from './read-csv'
import { readJson } from './read-json'
import { readXlsx } from './read-xlsx'

/**
 * Reads a CSV, JSON or .xlsx import file: records with their line numbers and an automatic column
 * mapping. Then `applyMapping` (with the user's corrections) and `validateImportRows` before
 * `runImport`. A workbook is read from its first sheet unless `options.sheet` names another;
 * `sheets` lists them all.
 *
 * @example
 * const parsed = await parseImportFile(file)
 * const checked = validateImportRows(applyMapping(parsed, parsed.mapping))
 */
export async function parseImportFile(
  input: File | Blob | string,
  options: ParseImportFileOptions = {},
): Promise<ParsedImportFile> {
  const name = typeof input !== 'string' && 'name' in input ? String(input.name) : ''
  if (typeof input !== 'string' && input.size === 0)
    throw new ImportFileError('empty_file', 'The file is empty.')
  if (
    typeof input !== 'string' &&
    (options.format === 'xlsx' || (options.format === undefined && (await isWorkbook(input, name))))
  ) {
    const read = await readXlsx(input, options.sheet)
    return withMapping({ ...read, format: 'xlsx', encoding: 'utf-8' }, false)
  }
  const { text, encoding } =
    typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : await decodeFile(input)
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') throw new ImportFileError('empty_file', 'The file is empty.')
  // Text files hold no NUL: a PDF, an image or an old binary .xls does.
  if (body.includes('\u0000'))
    throw new ImportFileError('not_a_csv', 'This file is not a CSV, JSON or .xlsx file.')
  const format = options.format ?? detectFormat(name, body)
  const read = format === 'json' ? readJson(body) : readCsv(await loadPapa(), body, options.delimiter)
  // JSON entries each bring their own keys ("email" in one, "E-mail" in the next): several
  // columns may then fill one field. In a CSV a second column for a field is left to the user.
  return withMapping(
    { ...read, format: format === 'json' ? 'json' : 'csv', encoding, sheets: [], sheet: null },
    format === 'json',
  )
}

function withMapping(
  read: ImportFileContent & Pick<ParsedImportFile, 'format' | 'encoding' | 'sheets' | 'sheet'>,
  repeats: boolean,
): ParsedImportFile {
  const mapping = autoMapping(read.headers, { repeats })
  return {
    ...read,
    mapping,
    unknownColumns: mapping.flatMap((field, index) => (field === null ? [index] : [])),
  }
}
