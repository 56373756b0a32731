import { useQueryClient } from '@tanstack/react-query'
import type { CountUsersQuery } from '@usher/contract'
import { useEffect, useMemo } from 'react'
import { useUsersCount } from '../../hooks/use-users'
import { usherKeys } from '../../query/keys'

/**
 * How many people the table's search and filters match, from `GET /users/count`, counted again
 * whenever the list itself is fetched again (an invitation, a deletion, a status change moves it).
 * `listKey` is the list's query (the table's `queryKey`): the count drops its sort and page size.
 */
export function useMatchCount(listKey: string, listUpdatedAt: number, enabled: boolean) {
  const queryClient = useQueryClient()
  const query = useMemo<CountUsersQuery>(() => {
    const {
      sort: _sort,
      limit: _limit,
      ...match
    } = JSON.parse(listKey) as CountUsersQuery & {
      sort?: unknown
      limit?: unknown
    }
    return match
  }, [listKey])
  const count = useUsersCount(query, { enabled })
  const countedAt = count.dataUpdatedAt
  useEffect(() => {
    // Only a count older than the list's last answer is asked again (not the one just fetched).
    if (countedAt > 0 && listUpdatedAt > countedAt)
      void queryClient.invalidateQueries({ queryKey: usherKeys.users.count(query) })
  }, [listUpdatedAt, countedAt, query, queryClient])
  return count.data
}
