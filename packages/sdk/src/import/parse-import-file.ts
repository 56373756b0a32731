import { autoMapping } from './column-mapping'
import { decodeFile } from './decode-file'
import { detectFormat } from './detect-format'
import { ImportFileError } from './import-file-error'
import type { ParsedImportFile, ParseImportFileOptions } from './import-file-types'
import { loadPapa } from './load-papa'
import { readCsv } from './read-csv'
import { readJson } from './read-json'

/**
 * Reads a CSV or JSON import file: records with their line numbers and an automatic column mapping.
 * Then `applyMapping` (with the user's corrections) and `validateImportRows` before `runImport`.
 *
 * @example
 * const parsed = await parseImportFile(file)
 * const checked = validateImportRows(applyMapping(parsed, parsed.mapping))
 */
export async function parseImportFile(
  input: File | Blob | string,
  options: ParseImportFileOptions = {},
): Promise<ParsedImportFile> {
  const { text, encoding } =
    typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : await decodeFile(input)
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') throw new ImportFileError('empty_file', 'The file is empty.')
  const name = typeof input !== 'string' && 'name' in input ? String(input.name) : ''
  const format = options.format ?? detectFormat(name, body)
  const read = format === 'json' ? readJson(body) : readCsv(await loadPapa(), body, options.delimiter)
  // JSON entries each bring their own keys ("email" in one, "E-mail" in the next): several
  // columns may then fill one field. In a CSV a second column for a field is left to the user.
  const mapping = autoMapping(read.headers, { repeats: format === 'json' })
  return {
    format,
    encoding,
    ...read,
    mapping,
    unknownColumns: mapping.flatMap((field, index) => (field === null ? [index] : [])),
  }
}
