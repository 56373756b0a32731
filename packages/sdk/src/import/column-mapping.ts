import { cellValue } from './cell-values'
import { fieldForHeader, headerKey, type ImportField } from './header-synonyms'
import type { ImportMapping, ParsedImportFile } from './import-file-types'

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
      const value = cellValue(field, cells[index], groups)
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
