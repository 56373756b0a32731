import type { User } from '@usher/contract'
import { useCallback, useEffect, useMemo, useState } from 'react'

/**
 * The users ticked for a bulk action, among the loaded `rows`; cleared whenever `resetKey`
 * changes (another search or filter: the ticked rows may no longer be in the list).
 */
export function useSelection(rows: readonly User[], resetKey: string) {
  const [selection, setSelection] = useState<ReadonlySet<string>>(() => new Set())
  // biome-ignore lint/correctness/useExhaustiveDependencies: the key is the trigger
  useEffect(() => setSelection(new Set()), [resetKey])
  const selectedUsers = useMemo(() => rows.filter((user) => selection.has(user.id)), [rows, selection])
  const toggle = useCallback((user: User, selected: boolean) => {
    setSelection((current) => {
      const next = new Set(current)
      if (selected) next.add(user.id)
      else next.delete(user.id)
      return next
    })
  }, [])
  const selectAll = (all: boolean) => setSelection(all ? new Set(rows.map((user) => user.id)) : new Set())
  return {
    selection,
    selectedUsers,
    allSelected: rows.length > 0 && selectedUsers.length === rows.length,
    toggle,
    selectAll,
    /** Keeps exactly these ids ticked (after a bulk action: the ones that failed). */
    setSelection,
    clear: () => setSelection(new Set()),
  }
}
