import { infiniteQueryOptions, queryOptions } from '@tanstack/react-query'
import type { CountUsersQuery, Group, ListGroupsQuery, ListUsersQuery } from '@usher/contract'
import type { UsherClient } from '@usher/sdk'
import { usherKeys } from './keys'

/** The caller, their organization, permissions and seats. */
export const meQueryOptions = (client: UsherClient) =>
  queryOptions({ queryKey: usherKeys.me(), queryFn: ({ signal }) => client.me.get({ signal }) })

export const rolesQueryOptions = (client: UsherClient) =>
  queryOptions({
    queryKey: usherKeys.roles(),
    queryFn: ({ signal }) => client.roles.list({ signal }),
    staleTime: 300_000,
  })

/** Pages of users (keyset): `fetchNextPage()` follows `nextCursor`. */
export const usersInfiniteQueryOptions = (client: UsherClient, query: Omit<ListUsersQuery, 'cursor'> = {}) =>
  infiniteQueryOptions({
    queryKey: usherKeys.users.list(query),
    queryFn: ({ pageParam, signal }) =>
      client.users.list({ ...query, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
  })

export const usersCountQueryOptions = (client: UsherClient, query: CountUsersQuery = {}) =>
  queryOptions({
    queryKey: usherKeys.users.count(query),
    queryFn: ({ signal }) => client.users.count(query, { signal }),
  })

export const userQueryOptions = (client: UsherClient, id: string) =>
  queryOptions({
    queryKey: usherKeys.users.detail(id),
    queryFn: ({ signal }) => client.users.get(id, { signal }),
  })

export const userSharesQueryOptions = (client: UsherClient, userId: string) =>
  queryOptions({
    queryKey: usherKeys.users.shares(userId),
    queryFn: ({ signal }) => client.shares.get(userId, { signal }),
  })

/** Every group the caller may see, all pages gathered (trees need the whole list). */
export const groupsQueryOptions = (client: UsherClient, query: Omit<ListGroupsQuery, 'cursor'> = {}) =>
  queryOptions({
    queryKey: usherKeys.groups.list(query),
    queryFn: async ({ signal }) => {
      const groups: Group[] = []
      for await (const group of client.groups.listAll({ limit: 1000, ...query }, { signal }))
        groups.push(group)
      return groups
    },
  })
