import { useMemo, useState } from 'react'
import type { Translate } from '../../i18n/translate'
import { buildColumns, type UserTableColumnVisibility, type UserTableExtraColumn } from './columns'

/** Where the table keeps its column choices between visits (the host's settings, a server…). */
export interface UserTableColumnStore {
  get(key: string): UserTableColumnVisibility | null
  set(key: string, visibility: UserTableColumnVisibility): void
}

/** The default key of the column choices in the store. */
export const USER_TABLE_COLUMNS_KEY = 'usher.user-table.columns'

/**
 * The browser's localStorage, read and written defensively: blocked storage (a private window,
 * a sandboxed frame), a server render or a value someone edited by hand only mean no memory.
 */
export const localColumnStore: UserTableColumnStore = {
  get(key) {
    try {
      if (typeof window === 'undefined') return null
      const raw = window.localStorage.getItem(key)
      const value: unknown = raw ? JSON.parse(raw) : null
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return null
      return Object.fromEntries(
        Object.entries(value).filter((entry): entry is [string, boolean] => typeof entry[1] === 'boolean'),
      )
    } catch {
      return null
    }
  },
  set(key, visibility) {
    try {
      window.localStorage.setItem(key, JSON.stringify(visibility))
    } catch {
      // storage blocked: the choice lasts for this page
    }
  },
}

export interface ColumnVisibilityOptions {
  t: Translate
  extraColumns: UserTableExtraColumn[] | undefined
  /** Controlled visibility; undefined: the table keeps its own. */
  columnVisibility: UserTableColumnVisibility | undefined
  defaultColumnVisibility: UserTableColumnVisibility | undefined
  onColumnVisibilityChange: ((visibility: UserTableColumnVisibility) => void) | undefined
  /** Where the table's own choices are kept; false: nowhere. */
  store: UserTableColumnStore | false
  storageKey: string
}

/**
 * Every column (for the columns menu) and the shown ones, with visibility controlled or not; the
 * table's own choices are remembered in `store` (the defaults first, the remembered choices over
 * them).
 */
export function useColumnVisibility({
  t,
  extraColumns,
  columnVisibility,
  defaultColumnVisibility,
  onColumnVisibilityChange,
  store,
  storageKey,
}: ColumnVisibilityOptions) {
  const [own, setOwn] = useState<UserTableColumnVisibility>(() => ({
    ...defaultColumnVisibility,
    ...(store && columnVisibility === undefined ? store.get(storageKey) : null),
  }))
  const visibility = columnVisibility ?? own
  const setVisibility = (next: UserTableColumnVisibility) => {
    if (columnVisibility === undefined) {
      setOwn(next)
      if (store) store.set(storageKey, next)
    }
    onColumnVisibilityChange?.(next)
  }
  const allColumns = useMemo(() => buildColumns(t, extraColumns), [t, extraColumns])
  const columns = useMemo(
    () => allColumns.filter((column) => !column.hideable || visibility[column.id] !== false),
    [allColumns, visibility],
  )
  return { allColumns, columns, visibility, setVisibility }
}
