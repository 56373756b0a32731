import { useInfiniteQuery, useQuery } from '@tanstack/react-query'
import type { ListUsersQuery } from '@usher/contract'
import { useUsherClient } from '../provider/usher-context'
import { userQueryOptions, usersInfiniteQueryOptions } from '../query/options'

/** Users, page after page (`fetchNextPage`), filtered and sorted on the server. */
export function useUsers(query: Omit<ListUsersQuery, 'cursor'> = {}) {
  return useInfiniteQuery(usersInfiniteQueryOptions(useUsherClient(), query))
}

export function useUser(id: string | undefined) {
  const client = useUsherClient()
  return useQuery({ ...userQueryOptions(client, id ?? ''), enabled: Boolean(id) })
}
