import { ImportFileError } from './import-file-error'
import type { ImportDelimiter, ImportFileContent, ImportFileProblem, ImportRawRow } from './import-file-types'

const DELIMITERS: ImportDelimiter[] = [',', ';', '\t']

/** The header line and the records of a CSV text, each record with the line it starts on. */
export function readCsv(
  Papa: typeof import('papaparse'),
  body: string,
  chosen: ImportDelimiter | undefined,
): ImportFileContent {
  const rows: ImportRawRow[] = []
  const problems: ImportFileProblem[] = []
  let headers: string[] | null = null
  const delimiter = chosen ?? detectDelimiter(body)
  // Line numbers: Papa reports where each record ends (`meta.cursor`); the next one starts there.
  // Newlines are counted as we go, so a quoted field spanning lines keeps the count right.
  let start = 0
  let line = 1
  let newline = '\n'
  Papa.parse<string[]>(body, {
    delimiter,
    skipEmptyLines: false,
    step(result) {
      const rowLine = line
      const end = result.meta.cursor
      if (start === 0) newline = result.meta.linebreak || '\n'
      line += countOf(body, newline, start, end)
      start = end
      const cells = result.data
      // Blank lines (and lines of empty cells, as Excel leaves below a table) are no records.
      if (cells.every((cell) => cell.trim() === '')) return
      const quote = result.errors.find((e) => e.type === 'Quotes')
      if (quote) {
        // An unclosed quote runs to the end of the file: the rest is one cell, nothing to import.
        const code = quote.code === 'MissingQuotes' ? 'unclosed_quote' : 'stray_quote'
        problems.push({ line: rowLine, code, message: quote.message })
        return
      }
      if (headers === null) {
        headers = cells.map((cell) => cell.trim())
        return
      }
      // Trailing empty cells (a spreadsheet's extra delimiters) are no extra fields.
      let found = cells.length
      while (found > headers.length && (cells[found - 1] ?? '').trim() === '') found--
      if (found !== headers.length) {
        problems.push({
          line: rowLine,
          code: found > headers.length ? 'too_many_fields' : 'too_few_fields',
          message: `Expected ${headers.length} fields, found ${found}.`,
          expected: headers.length,
          found,
        })
        return
      }
      rows.push({ line: rowLine, cells })
    },
  })
  if (headers === null) throw new ImportFileError('no_header', 'The file has no header line.')
  return { delimiter, headers, rows, problems }
}

/**
 * The delimiter the header line uses most, outside quotes. The header decides, not the data:
 * French cells are full of commas ("Support, niveau 2", decimal commas) that would mislead a
 * guess over the rows. A single column reads as comma-separated.
 */
function detectDelimiter(body: string): ImportDelimiter {
  const counts = new Map<string, number>(DELIMITERS.map((d) => [d, 0]))
  let inQuotes = false
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string
    if (c === '"') inQuotes = !inQuotes
    else if (!inQuotes && (c === '\n' || c === '\r')) {
      if ([...counts.values()].some((n) => n > 0)) break
    } else if (!inQuotes && counts.has(c)) counts.set(c, (counts.get(c) ?? 0) + 1)
  }
  let best: ImportDelimiter = ','
  for (const d of DELIMITERS) if ((counts.get(d) ?? 0) > (counts.get(best) ?? 0)) best = d
  return best
}

function countOf(text: string, needle: string, from: number, to: number): number {
  let n = 0
  let at = text.indexOf(needle, from)
  while (at !== -1 && at < to) {
    n++
    at = text.indexOf(needle, at + needle.length)
  }
  return n
}
