import type { RoleCatalog } from '@usher/contract'
import { type CellContext, cellValue, readGroupCell, roleWords } from './cell-values'
import { fieldForHeader, type ImportField, looseKey } from './header-synonyms'
import type { ImportMapping, ParsedImportFile } from './import-file-types'

/**
 * Fields a file may give in two columns, the first with a value winning on each row: Google
 * Workspace's download has both `New Status [UPLOAD ONLY]` (empty) and `Status [READ ONLY]`.
 */
const FALLBACK_FIELDS: ReadonlySet<ImportField> = new Set(['enabled'])

/** Each column's field from its header; a field claimed twice keeps its first column. */
export function autoMapping(
  headers: readonly string[],
  options: { repeats?: boolean } = {},
): (ImportField | null)[] {
  const used = new Set<ImportField>()
  return headers.map((header) => {
    const field = fieldForHeader(header)
    if (field === null || (used.has(field) && !options.repeats && !FALLBACK_FIELDS.has(field))) return null
    used.add(field)
    return field
  })
}

/** A record with its cells put on fields and converted to what the contract's row expects. */
export interface MappedImportRow {
  line: number
  /** The row as sent (an `ImportRowInput` when valid); values as read when they cannot be converted. */
  fields: Record<string, unknown>
  /** Groups the row names that the organization does not have, as written (to create, or to fix). */
  unknownGroups?: string[]
}

export interface ApplyMappingOptions {
  /** The organization's groups: a group column may name them instead of giving their ids. */
  groups?: ReadonlyArray<{ id: string; name: string }>
  /**
   * The organization's roles (`roleCatalogFromList(GET /roles)`): a role cell may give a host
   * role's English or French label. The built-in roles' names are known without it.
   */
  roles?: RoleCatalog
}

/** Puts each record's cells on the fields of `mapping` (by column index). */
export function applyMapping(
  parsed: Pick<ParsedImportFile, 'rows'>,
  mapping: ImportMapping,
  options: ApplyMappingOptions = {},
): MappedImportRow[] {
  const groups = options.groups
    ? {
        ids: new Set(options.groups.map((g) => g.id)),
        byName: new Map(options.groups.map((g) => [looseKey(g.name), g.id])),
      }
    : null
  const context: CellContext = { roles: roleWords(options.roles), keys: new Map() }
  const columns = mapping.flatMap((field, index) => (field === null ? [] : [[index, field] as const]))
  return parsed.rows.map(({ line, cells }) => {
    const fields: Record<string, unknown> = {}
    const row: MappedImportRow = { line, fields }
    let fullName: string | undefined
    let principalName: string | undefined
    for (const [index, field] of columns) {
      if (field === 'groupId') {
        if (fields.groupIds !== undefined || row.unknownGroups) continue
        const read = readGroupCell(cells[index], groups, context)
        if (!read) continue
        if (read.ids.length) fields.groupIds = read.ids
        if (read.unknown.length) row.unknownGroups = read.unknown
        continue
      }
      const value = cellValue(field, cells[index], context)
      if (value === undefined) continue
      // Two columns on one field: the first one with a value wins.
      if (field === 'fullName') fullName ??= String(value)
      else if (field === 'principalName') principalName ??= String(value)
      else if (fields[field] === undefined) fields[field] = value
    }
    if (fullName !== undefined) splitFullName(fullName, fields)
    // A directory account without a mailbox (Entra leaves `mail` empty) signs in with its
    // principal name, which has the shape of an address.
    if (fields.email === undefined && principalName !== undefined) fields.email = principalName
    return row
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
