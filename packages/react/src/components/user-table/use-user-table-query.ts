import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query'
import { EXPIRING_SOON_DAYS } from '@usher/contract'
import { useMemo, useState } from 'react'
import { useDebouncedValue } from '../../lib/use-debounced-value'
import { useUsherClient } from '../../provider/usher-context'
import { usersInfiniteQueryOptions } from '../../query/options'
import type { UserSort } from './columns'
import { hasFilters, NO_FILTERS, type UserTableFilters } from './user-table-toolbar'

export interface UserTableQueryOptions {
  pageSize: number
  searchDelay: number
  defaultSort: UserSort
  /** Whether the viewer may list users at all (no request otherwise). */
  enabled: boolean
}

/**
 * What the table asks the server for: the search (debounced, trimmed), the filters and the sort,
 * and the pages of users that answer it, one after the other as the table scrolls.
 */
export function useUserTableQuery({ pageSize, searchDelay, defaultSort, enabled }: UserTableQueryOptions) {
  const client = useUsherClient()
  const [search, setSearch] = useState('')
  const q = useDebouncedValue(search.trim().slice(0, 100), searchDelay)
  const [filters, setFilters] = useState<UserTableFilters>(NO_FILTERS)
  const [sort, setSort] = useState<UserSort>(defaultSort)
  // "Sees no group yet" (the notice's one-click filter) narrows the list beside the menus.
  const [seesNothing, setSeesNothing] = useState(false)
  const query = useMemo(
    () => ({
      sort,
      limit: pageSize,
      ...(q ? { q } : {}),
      ...(filters.role.length ? { role: filters.role } : {}),
      ...(filters.status.length ? { status: filters.status } : {}),
      ...(filters.expiringSoon ? { expiresWithinDays: EXPIRING_SOON_DAYS } : {}),
      ...(filters.groupId ? { groupId: filters.groupId } : {}),
      ...(filters.fromEmail ? { source: ['email' as const] } : {}),
    }),
    [sort, pageSize, q, filters],
  )
  const list = useInfiniteQuery({
    ...usersInfiniteQueryOptions(client, seesNothing ? { ...query, seesNothing: 'true' } : query),
    enabled,
    // While a new search runs, the previous rows stay (marked busy) instead of a skeleton flash.
    placeholderData: keepPreviousData,
  })
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data])
  const clear = () => {
    setSearch('')
    setFilters(NO_FILTERS)
    setSeesNothing(false)
  }
  // The same list without its page size: what an export of it asks for.
  const searched = useMemo(() => {
    const { limit: _limit, ...rest } = query
    return seesNothing ? { ...rest, seesNothing: 'true' as const } : rest
  }, [query, seesNothing])
  return {
    search,
    searched,
    setSearch,
    filters,
    setFilters,
    sort,
    setSort,
    /** Changes whenever the list asked for changes (the selection is cleared then). */
    queryKey: JSON.stringify(seesNothing ? { ...query, seesNothing: 'true' } : query),
    filtered: q !== '' || hasFilters(filters) || seesNothing,
    seesNothing,
    setSeesNothing,
    clear,
    list,
    rows,
  }
}
