import { ImportFileError } from './import-file-error'
import type { ImportFileContent } from './import-file-types'

/** A workbook's sheets as read: each sheet's name and rows of cells. */
type Sheets = Array<{ sheet: string; data: unknown[][] }>

/**
 * read-excel-file is loaded when a workbook is chosen, never before: an app that only imports
 * CSV files (or nothing) does not carry its ~40 kB, and a bundler splits it into its own chunk.
 */
async function loadReader(): Promise<(input: Blob | ArrayBuffer) => Promise<Sheets>> {
  const module = await import('read-excel-file/universal')
  return module.default as unknown as (input: Blob | ArrayBuffer) => Promise<Sheets>
}

/** A workbook cell as the CSV reader would have it: text, dates as ISO days, booleans as words. */
function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (value instanceof Date) return value.toISOString().slice(0, 10)
  return String(value)
}

/**
 * The header row and records of one sheet of an .xlsx workbook (the first, or `sheet` by name),
 * each record with its spreadsheet row number, and the names of every sheet for a choice.
 */
export async function readXlsx(
  input: Blob | ArrayBuffer,
  sheet: string | undefined,
): Promise<ImportFileContent & { sheets: string[]; sheet: string }> {
  const read = await loadReader()
  let sheets: Sheets
  try {
    sheets = await read(input)
  } catch (error) {
    throw new ImportFileError(
      'invalid_xlsx',
      error instanceof Error ? error.message : 'This file cannot be opened as a workbook.',
    )
  }
  const chosen = (sheet === undefined ? undefined : sheets.find((s) => s.sheet === sheet)) ?? sheets[0]
  if (!chosen) throw new ImportFileError('empty_file', 'The workbook has no sheet.')
  let headers: string[] | null = null
  const rows: ImportFileContent['rows'] = []
  chosen.data.forEach((raw, index) => {
    const cells = raw.map(cellText)
    // An empty row (Excel keeps those between blocks) is no record; the numbering goes on.
    if (cells.every((cell) => cell.trim() === '')) return
    if (headers === null) headers = cells.map((cell) => cell.trim())
    else rows.push({ line: index + 1, cells })
  })
  if (headers === null) throw new ImportFileError('empty_file', 'The sheet is empty.')
  return {
    delimiter: null,
    headers,
    rows,
    problems: [],
    sheets: sheets.map((s) => s.sheet),
    sheet: chosen.sheet,
  }
}
