import type { InfiniteData, QueryClient } from '@tanstack/react-query'
import type { Page, User } from '@usher/contract'
import { usherKeys } from './keys'

/** What a users list query holds: the pages fetched so far. */
export type UsersListData = InfiniteData<Page<User>, string | null>

/**
 * Rewrites one user wherever users lists hold them (every search, filter and sort), and their
 * detail query. `update` returns the new user, or null to drop them from the lists. Pages and
 * items that do not change keep their identity, so a 10,000-row table re-renders only what moved.
 */
export function updateCachedUser(
  queryClient: QueryClient,
  id: string,
  update: (user: User) => User | null,
): void {
  queryClient.setQueriesData<UsersListData>({ queryKey: usherKeys.users.lists() }, (data) => {
    if (!data) return data
    let changed = false
    const pages = data.pages.map((page) => {
      const index = page.items.findIndex((user) => user.id === id)
      const current = page.items[index]
      if (!current) return page
      changed = true
      const next = update(current)
      const items = [...page.items]
      if (next) items[index] = next
      else items.splice(index, 1)
      return { ...page, items }
    })
    return changed ? { ...data, pages } : data
  })
  const detail = queryClient.getQueryData<User>(usherKeys.users.detail(id))
  if (detail) {
    const next = update(detail)
    if (next) queryClient.setQueryData(usherKeys.users.detail(id), next)
    else queryClient.removeQueries({ queryKey: usherKeys.users.detail(id), exact: true })
  }
}

/** The user as a cached list (or the detail query) holds them, if any does. */
export function findCachedUser(queryClient: QueryClient, id: string): User | undefined {
  const detail = queryClient.getQueryData<User>(usherKeys.users.detail(id))
  if (detail) return detail
  for (const [, data] of queryClient.getQueriesData<UsersListData>({ queryKey: usherKeys.users.lists() })) {
    for (const page of data?.pages ?? []) {
      const found = page.items.find((user) => user.id === id)
      if (found) return found
    }
  }
  return undefined
}
