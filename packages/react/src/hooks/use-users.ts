import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import type { CountUsersQuery, ListUsersQuery } from '@usher/contract'
import { useUsherClient } from '../provider/usher-context'
import { userQueryOptions, usersCountQueryOptions, usersInfiniteQueryOptions } from '../query/options'

/** Users, page after page (`fetchNextPage`), filtered and sorted on the server. */
export function useUsers(query: Omit<ListUsersQuery, 'cursor'> = {}) {
  return useInfiniteQuery(usersInfiniteQueryOptions(useUsherClient(), query))
}

export function useUser(id: string | undefined) {
  const client = useUsherClient()
  return useQuery({ ...userQueryOptions(client, id ?? ''), enabled: Boolean(id) })
}

/**
 * How many people a search and filters match (`{ count, exact }`): exact, or the server's estimate
 * (`exact: false`) when very many match — show that one as an approximation.
 */
export function useUsersCount(query: CountUsersQuery = {}, options: { enabled?: boolean } = {}) {
  return useQuery({ ...usersCountQueryOptions(useUsherClient(), query), enabled: options.enabled ?? true })
}
