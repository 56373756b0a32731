import type { ImportField } from './header-synonyms'

export type ImportDelimiter = ',' | ';' | '\t'
export type ImportFormat = 'csv' | 'json' | 'xlsx'

/** One record of the file as read: its cells by column, and the line it starts on. */
export interface ImportRawRow {
  line: number
  /** Strings for CSV; for JSON the values as given (booleans, numbers, arrays). */
  cells: unknown[]
}

/** For each column of the file, the field it fills, or null to leave it out. */
export type ImportMapping = readonly (ImportField | null)[]

/**
 * Something wrong in the file's structure at one line: an unclosed quote (`"Dupont;…` never
 * closed), a quote inside an unquoted cell, a record with more or fewer fields than the header,
 * an entry of a JSON list that is no object. The record is left out; `message` is in English,
 * clients word it from `code`.
 */
export interface ImportFileProblem {
  line: number
  code: 'unclosed_quote' | 'stray_quote' | 'too_many_fields' | 'too_few_fields' | 'not_an_object'
  message: string
  /** For a wrong number of fields: the header's count and the record's. */
  expected?: number
  found?: number
}

export interface ParsedImportFile {
  format: ImportFormat
  /** The CSV delimiter found or chosen; null for JSON and .xlsx. */
  delimiter: ImportDelimiter | null
  /** How the bytes were read: UTF-8 (with or without BOM), or Windows-1252 for old Excel exports (.xlsx: UTF-8). */
  encoding: 'utf-8' | 'windows-1252'
  /** A workbook's sheets, in order (empty for CSV and JSON). */
  sheets: string[]
  /** The sheet read (null for CSV and JSON). */
  sheet: string | null
  headers: string[]
  rows: ImportRawRow[]
  /** The automatic mapping, by column; `applyMapping` takes a corrected one. */
  mapping: (ImportField | null)[]
  /** Indexes of the columns no field was recognised for (to map by hand, or to leave out). */
  unknownColumns: number[]
  problems: ImportFileProblem[]
}

export interface ParseImportFileOptions {
  /** Forces the CSV delimiter; detected among `,` `;` and tab otherwise. */
  delimiter?: ImportDelimiter
  /** Forces the format; taken from the file name, then from the content, otherwise. */
  format?: ImportFormat
  /** The sheet of a workbook to read, by name; the first one otherwise. */
  sheet?: string
}

/** What a reader (CSV or JSON) takes from the text; the mapping is made from its headers afterwards. */
export type ImportFileContent = Pick<ParsedImportFile, 'delimiter' | 'headers' | 'rows' | 'problems'>
