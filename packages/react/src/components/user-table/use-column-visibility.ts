import { useMemo, useState } from 'react'
import type { Translate } from '../../i18n/translate'
import { buildColumns, type UserTableColumnVisibility, type UserTableExtraColumn } from './columns'

export interface ColumnVisibilityOptions {
  t: Translate
  extraColumns: UserTableExtraColumn[] | undefined
  /** Controlled visibility; undefined: the table keeps its own. */
  columnVisibility: UserTableColumnVisibility | undefined
  defaultColumnVisibility: UserTableColumnVisibility | undefined
  onColumnVisibilityChange: ((visibility: UserTableColumnVisibility) => void) | undefined
}

/** Every column (for the columns menu) and the shown ones, with visibility controlled or not. */
export function useColumnVisibility({
  t,
  extraColumns,
  columnVisibility,
  defaultColumnVisibility,
  onColumnVisibilityChange,
}: ColumnVisibilityOptions) {
  const [own, setOwn] = useState<UserTableColumnVisibility>(defaultColumnVisibility ?? {})
  const visibility = columnVisibility ?? own
  const setVisibility = (next: UserTableColumnVisibility) => {
    if (columnVisibility === undefined) setOwn(next)
    onColumnVisibilityChange?.(next)
  }
  const allColumns = useMemo(() => buildColumns(t, extraColumns), [t, extraColumns])
  const columns = useMemo(
    () => allColumns.filter((column) => !column.hideable || visibility[column.id] !== false),
    [allColumns, visibility],
  )
  return { allColumns, columns, visibility, setVisibility }
}
