import {
  duplicateEmailIndexes,
  type FieldError,
  type ImportRowInput,
  importRowSchema,
  toFieldErrors,
} from '@usher/contract'
import { fieldForHeader, headerKey, type ImportField } from './header-synonyms'

export type ImportDelimiter = ',' | ';' | '\t'
export type ImportFormat = 'csv' | 'json'

/** One record of the file as read: its cells by column, and the line it starts on. */
export interface ImportRawRow {
  line: number
  /** Strings for CSV; for JSON the values as given (booleans, numbers, arrays). */
  cells: unknown[]
}

/** For each column of the file, the field it fills, or null to leave it out. */
export type ImportMapping = readonly (ImportField | null)[]

/** Something wrong in the file's structure at one line (an unclosed quote, a record that is no object). */
export interface ImportFileProblem {
  line: number
  code: 'malformed_row' | 'not_an_object'
  message: string
}

export interface ParsedImportFile {
  format: ImportFormat
  /** The CSV delimiter found or chosen; null for JSON. */
  delimiter: ImportDelimiter | null
  /** How the bytes were read: UTF-8 (with or without BOM), or Windows-1252 for old Excel exports. */
  encoding: 'utf-8' | 'windows-1252'
  headers: string[]
  rows: ImportRawRow[]
  /** The automatic mapping, by column; `applyMapping` takes a corrected one. */
  mapping: (ImportField | null)[]
  /** Indexes of the columns no field was recognised for (to map by hand, or to leave out). */
  unknownColumns: number[]
  problems: ImportFileProblem[]
}

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

export interface ParseImportFileOptions {
  /** Forces the CSV delimiter; detected among `,` `;` and tab otherwise. */
  delimiter?: ImportDelimiter
  /** Forces the format; taken from the file name, then from the content, otherwise. */
  format?: ImportFormat
}

const DELIMITERS: ImportDelimiter[] = [',', ';', '\t']

/** Reads a CSV or JSON import file: records with their line numbers and an automatic column mapping. */
export async function parseImportFile(
  input: File | Blob | string,
  options: ParseImportFileOptions = {},
): Promise<ParsedImportFile> {
  const { text, encoding } =
    typeof input === 'string' ? { text: input, encoding: 'utf-8' as const } : await decode(input)
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text
  if (body.trim() === '') throw new ImportFileError('empty_file', 'The file is empty.')
  const name = typeof input !== 'string' && 'name' in input ? String(input.name) : ''
  const format = options.format ?? formatOf(name, body)
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

async function decode(blob: Blob): Promise<{ text: string; encoding: 'utf-8' | 'windows-1252' }> {
  const bytes = typeof blob.arrayBuffer === 'function' ? await blob.arrayBuffer() : await readAsBuffer(blob)
  try {
    // fatal: a byte sequence that is not UTF-8 throws instead of becoming U+FFFD, so an export
    // saved as "CSV (séparateur: point-virgule)" by an older Excel (Windows-1252) still reads.
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(bytes), encoding: 'utf-8' }
  } catch {
    return { text: decodeWindows1252(new Uint8Array(bytes)), encoding: 'windows-1252' }
  }
}

/**
 * Windows-1252 by hand: Node's TextDecoder reads that label as Latin-1, which turns Excel's
 * typographic apostrophe (0x92) and euro sign into control characters. Latin-1 everywhere else.
 */
const CP1252_HIGH =
  '\u20ac\ufffd\u201a\u0192\u201e\u2026\u2020\u2021\u02c6\u2030\u0160\u2039\u0152\ufffd\u017d\ufffd' +
  '\ufffd\u2018\u2019\u201c\u201d\u2022\u2013\u2014\u02dc\u2122\u0161\u203a\u0153\ufffd\u017e\u0178'
function decodeWindows1252(bytes: Uint8Array): string {
  let out = ''
  for (let i = 0; i < bytes.length; i += 8192) {
    const part = Array.from(bytes.subarray(i, i + 8192), (b) =>
      b >= 0x80 && b < 0xa0 ? (CP1252_HIGH[b - 0x80] as string) : String.fromCharCode(b),
    )
    out += part.join('')
  }
  return out
}

function readAsBuffer(blob: Blob): Promise<ArrayBuffer> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader()
    reader.onload = () => resolve(reader.result as ArrayBuffer)
    reader.onerror = () => reject(reader.error)
    reader.readAsArrayBuffer(blob)
  })
}

function formatOf(name: string, body: string): ImportFormat {
  const lower = name.toLowerCase()
  if (lower.endsWith('.json')) return 'json'
  if (/\.(csv|tsv|txt)$/.test(lower)) return 'csv'
  const first = body.trimStart()[0]
  return first === '[' || first === '{' ? 'json' : 'csv'
}

type Read = Pick<ParsedImportFile, 'delimiter' | 'headers' | 'rows' | 'problems'>

/**
 * PapaParse is loaded on first use: it is CommonJS, which no bundler can tree-shake, so a static
 * import would put its 20 kB in every app that imports anything from the SDK (even an error
 * guard). An app with code splitting gets it as its own chunk, fetched when a file is read.
 */
export async function loadPapa(): Promise<typeof import('papaparse')> {
  const module = await import('papaparse')
  // CommonJS through ESM: the API is the default export, or the namespace itself.
  return ((module as { default?: typeof import('papaparse') }).default ??
    module) as typeof import('papaparse')
}

function readCsv(Papa: typeof import('papaparse'), body: string, chosen: ImportDelimiter | undefined): Read {
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
      for (const error of result.errors) {
        if (error.type === 'Quotes')
          problems.push({ line: rowLine, code: 'malformed_row', message: error.message })
      }
      if (headers === null) headers = cells.map((cell) => cell.trim())
      else rows.push({ line: rowLine, cells })
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

/** Keys of a JSON export's object that may hold the list of people. */
const LIST_KEYS = ['users', 'utilisateurs', 'people', 'rows', 'data', 'items', 'records']

function readJson(body: string): Read {
  let data: unknown
  try {
    data = JSON.parse(body)
  } catch (error) {
    throw new ImportFileError('invalid_json', error instanceof Error ? error.message : 'Invalid JSON.')
  }
  let list: unknown[] | undefined
  if (Array.isArray(data)) list = data
  else if (data && typeof data === 'object') {
    const record = data as Record<string, unknown>
    const key = LIST_KEYS.find((k) => Array.isArray(record[k]))
    list = key ? (record[key] as unknown[]) : undefined
  }
  if (!list) {
    throw new ImportFileError('not_a_list', 'Expected a list of people: [ {...} ] or { "users": [ {...} ] }.')
  }
  const lines = objectLines(body, list.length)
  const headers: string[] = []
  const seen = new Set<string>()
  const objects: Array<{ line: number; value: Record<string, unknown> }> = []
  const problems: ImportFileProblem[] = []
  list.forEach((item, index) => {
    const line = lines?.[index] ?? index + 1
    if (!item || typeof item !== 'object' || Array.isArray(item)) {
      problems.push({ line, code: 'not_an_object', message: 'Each entry must be an object.' })
      return
    }
    const value = item as Record<string, unknown>
    for (const key of Object.keys(value)) {
      if (!seen.has(key)) {
        seen.add(key)
        headers.push(key)
      }
    }
    objects.push({ line, value })
  })
  const rows = objects.map(({ line, value }) => ({ line, cells: headers.map((h) => value[h]) }))
  return { delimiter: null, headers, rows, problems }
}

/**
 * The line each entry of the list opens on (the `{`s directly inside the first array), so errors
 * in a JSON file point at a line too. Null when the shape is not the simple one.
 */
function objectLines(text: string, count: number): number[] | null {
  const lines: number[] = []
  let line = 1
  let depth = 0
  let listDepth = -1
  let inString = false
  for (let i = 0; i < text.length; i++) {
    const c = text[i]
    if (c === '\n') line++
    if (inString) {
      if (c === '\\') i++
      else if (c === '"') inString = false
      continue
    }
    if (c === '"') inString = true
    else if (c === '[' || c === '{') {
      if (c === '{' && depth === listDepth) lines.push(line)
      depth++
      if (c === '[' && listDepth === -1) listDepth = depth
    } else if (c === ']' || c === '}') {
      depth--
      if (listDepth !== -1 && depth < listDepth) break
    }
  }
  return lines.length === count ? lines : null
}

/** Each column's field from its header; a field claimed twice keeps its first column. */
export function autoMapping(
  headers: readonly string[],
  options: { repeats?: boolean } = {},
): (ImportField | null)[] {
  const used = new Set<ImportField>()
  return headers.map((header) => {
    const field = fieldForHeader(header)
    if (field === null || (used.has(field) && !options.repeats)) return null
    used.add(field)
    return field
  })
}

/** A record with its cells put on fields and converted to what the contract's row expects. */
export interface MappedImportRow {
  line: number
  /** The row as sent (an `ImportRowInput` when valid); values as read when they cannot be converted. */
  fields: Record<string, unknown>
}

export interface ApplyMappingOptions {
  /** Groups by name: a "Group" column holding names instead of ids is resolved through them. */
  groups?: ReadonlyArray<{ id: string; name: string }>
}

/** Puts each record's cells on the fields of `mapping` (by column index). */
export function applyMapping(
  parsed: Pick<ParsedImportFile, 'rows'>,
  mapping: ImportMapping,
  options: ApplyMappingOptions = {},
): MappedImportRow[] {
  const groups = new Map((options.groups ?? []).map((g) => [headerKey(g.name), g.id]))
  const columns = mapping.flatMap((field, index) => (field === null ? [] : [[index, field] as const]))
  return parsed.rows.map(({ line, cells }) => {
    const fields: Record<string, unknown> = {}
    let fullName: string | undefined
    for (const [index, field] of columns) {
      const value = convert(field, cells[index], groups)
      // Two columns on one field: the first one with a value wins.
      if (value === undefined || (field === 'fullName' ? fullName : fields[field]) !== undefined) continue
      if (field === 'fullName') fullName = String(value)
      else fields[field] = value
    }
    if (fullName !== undefined) splitFullName(fullName, fields)
    return { line, fields }
  })
}

function splitFullName(name: string, fields: Record<string, unknown>) {
  const comma = name.indexOf(',')
  // "Dupont, Jean" (directory exports) or "Jean Dupont".
  const [first, last] =
    comma > 0
      ? [name.slice(comma + 1).trim(), name.slice(0, comma).trim()]
      : [name.split(/\s+/)[0] ?? '', name.split(/\s+/).slice(1).join(' ')]
  if (fields.firstName === undefined && first) fields.firstName = first
  if (fields.lastName === undefined && last) fields.lastName = last
}

const TRUE_WORDS = /* @__PURE__ */ new Set([
  'true',
  'yes',
  'y',
  '1',
  'oui',
  'o',
  'vrai',
  'x',
  'active',
  'actif',
  'activé',
  'enabled',
])
const FALSE_WORDS = /* @__PURE__ */ new Set([
  'false',
  'no',
  'n',
  '0',
  'non',
  'faux',
  'inactive',
  'inactif',
  'désactivé',
  'disabled',
])
const SALUTATIONS: Record<string, 'mr' | 'ms' | 'mx'> = {
  mr: 'mr',
  m: 'mr',
  monsieur: 'mr',
  mister: 'mr',
  ms: 'ms',
  mrs: 'ms',
  miss: 'ms',
  mme: 'ms',
  madame: 'ms',
  mlle: 'ms',
  mademoiselle: 'ms',
  mx: 'mx',
}
const ROLES: Record<string, string> = {
  proprietaire: 'owner',
  administrator: 'admin',
  administrateur: 'admin',
  administratrice: 'admin',
  technicien: 'technician',
  technicienne: 'technician',
  tech: 'technician',
}
const LOCALES: Record<string, 'en' | 'fr'> = {
  english: 'en',
  anglais: 'en',
  enus: 'en',
  engb: 'en',
  french: 'fr',
  francais: 'fr',
  frfr: 'fr',
  frca: 'fr',
  frbe: 'fr',
  frch: 'fr',
}

/** A cell as the field expects it; undefined for an empty cell (the field is "not given"). */
function convert(field: ImportField, cell: unknown, groups: Map<string, string>): unknown {
  if (cell === null || cell === undefined) return undefined
  if (typeof cell !== 'string') {
    // JSON: numbers (a phone as a number) become text; booleans and lists stay as they are.
    if (typeof cell === 'number' && field !== 'enabled') return String(cell)
    return cell
  }
  // A password is kept as typed: leading or trailing spaces may be part of it.
  if (field === 'password') return cell === '' ? undefined : cell
  const text = cell.trim()
  if (text === '') return undefined
  // Only the fields with a vocabulary need the loose key (a Unicode normalisation per cell).
  const key =
    field === 'salutation' || field === 'role' || field === 'locale' || field === 'groupId'
      ? headerKey(text)
      : ''
  switch (field) {
    case 'enabled': {
      const word = text.toLowerCase()
      if (TRUE_WORDS.has(word)) return true
      if (FALSE_WORDS.has(word)) return false
      return text
    }
    case 'contactFor':
      return text
        .split(/[,;|]/)
        .map((t) => t.trim())
        .filter(Boolean)
    case 'salutation':
      return SALUTATIONS[key] ?? text
    case 'role':
      return ROLES[key] ?? text.toLowerCase()
    case 'locale':
      return LOCALES[key] ?? text.toLowerCase()
    case 'groupId':
      return groups.get(key) ?? text
    default:
      return text
  }
}

/** A field error of one row, with the file's line number. */
export interface ImportFieldError extends FieldError {
  line: number
  /** For `duplicate`: the line the address first appears on. */
  firstLine?: number
}

export interface ImportRowCheck {
  line: number
  fields: Record<string, unknown>
  /** The row to send; null when it has errors. */
  row: ImportRowInput | null
  errors: ImportFieldError[]
}

export interface ImportValidation {
  rows: ImportRowCheck[]
  /** The rows to send, in file order. */
  valid: ImportRowInput[]
  validCount: number
  invalidCount: number
}

export interface ValidateImportRowsOptions {
  /**
   * The organization's shared mailboxes (`settings.refusedMailboxes`); the contract's default
   * list when omitted, none with null.
   */
  refusedMailboxes?: readonly string[] | null
}

/**
 * Checks every row with the contract's `importRowSchema` (the server runs the same), plus the
 * addresses repeated inside the file, before anything is sent.
 */
export function validateImportRows(
  rows: readonly MappedImportRow[],
  options: ValidateImportRowsOptions = {},
): ImportValidation {
  const schema = importRowSchema(options.refusedMailboxes)
  const checks: ImportRowCheck[] = rows.map(({ line, fields }) => {
    const input = { line, ...fields }
    const result = schema.safeParse(input)
    if (result.success) return { line, fields, row: input as ImportRowInput, errors: [] }
    const errors = toFieldErrors(result.error.issues, [], { input }).map((e) => ({ ...e, line }))
    return { line, fields, row: null, errors }
  })
  for (const [index, first] of duplicateEmailIndexes(rows.map((r) => r.fields.email))) {
    const check = checks[index]
    const firstLine = checks[first]?.line
    if (!check || firstLine === undefined || check.errors.some((e) => e.path === 'email')) continue
    check.errors.push({
      path: 'email',
      code: 'duplicate',
      message: `This address is already on line ${firstLine}.`,
      line: check.line,
      firstLine,
    })
    check.row = null
  }
  const valid = checks.flatMap((c) => (c.row ? [c.row] : []))
  return { rows: checks, valid, validCount: valid.length, invalidCount: checks.length - valid.length }
}
