import { USER_EXPORT_COLUMNS, type UserExportColumn } from '@usher/contract'

/**
 * The export's columns for the table's shown ones, in the table's order: its name column shows the
 * email too, so both go; a host column goes when the host's server exports it under the same key.
 */
export function exportColumnsFor(
  visibleColumns: readonly string[],
  hostColumns: readonly string[] = [],
): string[] {
  const builtIn = new Set<string>(USER_EXPORT_COLUMNS)
  return visibleColumns.flatMap((id): string[] => {
    if (id === 'name') return ['name', 'email'] satisfies UserExportColumn[]
    if (builtIn.has(id) || hostColumns.includes(id)) return [id]
    return []
  })
}
