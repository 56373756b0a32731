import { type InfiniteData, type QueryKey, useMutation, useQueryClient } from '@tanstack/react-query'
import type { Me, Page, ReplaceSharesInput, User, UserShares } from '@usher/contract'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'

export interface ReplaceUserSharesVariables {
  userId: string
  /** The whole set the user should hold afterwards (groups left out are unshared). */
  shares: ReplaceSharesInput['shares']
  /** The `version` of the shares you read; a stale one fails with 412 `version_mismatch`. */
  version: number
}

type UsersPages = InfiniteData<Page<User>, unknown>

interface Snapshot {
  entries: [QueryKey, unknown][]
}

/**
 * Replaces one user's shared groups in one request (`PUT /users/:id/shares` with If-Match). The
 * user's `sharedGroupCount` in the users lists changes at once and is put back if the request
 * fails; then the user, the lists, the groups' share counts and the shares are refreshed.
 * @example
 * const replace = useReplaceUserShares()
 * replace.mutate({ userId, shares: [{ groupId, permission: 'view' }], version: shares.version })
 */
export function useReplaceUserShares() {
  const client = useUsherClient()
  const queryClient = useQueryClient()
  return useMutation<UserShares, Error, ReplaceUserSharesVariables, Snapshot>({
    mutationFn: ({ userId, shares, version }) =>
      client.shares.replace(userId, { shares }, { ifMatch: version }),
    onMutate: async ({ userId, shares, version }) => {
      // The count moves by what the replace adds or removes; only known when the cached shares are
      // the ones the caller read (same version).
      const read = queryClient.getQueryData<UserShares>(usherKeys.users.shares(userId))
      if (!read || read.version !== version) return { entries: [] }
      const delta = shares.length - read.items.length
      if (delta === 0) return { entries: [] }
      await queryClient.cancelQueries({ queryKey: usherKeys.users.lists() })
      await queryClient.cancelQueries({ queryKey: usherKeys.users.detail(userId) })
      const entries: [QueryKey, unknown][] = [
        ...queryClient.getQueriesData({ queryKey: usherKeys.users.lists() }),
        [usherKeys.users.detail(userId), queryClient.getQueryData(usherKeys.users.detail(userId))],
      ]
      setSharedGroupCount(queryClient, userId, (count) => Math.max(0, count + delta))
      return { entries }
    },
    onError: (_error, _variables, snapshot) => {
      for (const [key, data] of snapshot?.entries ?? []) queryClient.setQueryData(key, data)
    },
    onSuccess: (shares, { userId }) => {
      queryClient.setQueryData(usherKeys.users.shares(userId), shares)
    },
    onSettled: (_data, _error, { userId }) => {
      // The server's figures: sharedGroupCount on the user, shareCount on the groups; after an
      // error, the shares too (a 412 means someone else changed them).
      const own = queryClient.getQueryData<Me>(usherKeys.me())?.user.id === userId
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: usherKeys.users.lists() }),
        queryClient.invalidateQueries({ queryKey: usherKeys.users.detail(userId) }),
        queryClient.invalidateQueries({ queryKey: usherKeys.users.shares(userId) }),
        queryClient.invalidateQueries({ queryKey: usherKeys.groups.all }),
        own ? queryClient.invalidateQueries({ queryKey: usherKeys.me() }) : undefined,
      ])
    },
  })
}

/** Sets a user's sharedGroupCount wherever the users lists and the user's own query hold it. */
function setSharedGroupCount(
  queryClient: ReturnType<typeof useQueryClient>,
  userId: string,
  update: (count: number) => number,
) {
  const patch = (user: User) =>
    user.id === userId ? { ...user, sharedGroupCount: update(user.sharedGroupCount) } : user
  queryClient.setQueriesData<UsersPages>({ queryKey: usherKeys.users.lists() }, (data) =>
    data?.pages
      ? { ...data, pages: data.pages.map((page) => ({ ...page, items: page.items.map(patch) })) }
      : data,
  )
  queryClient.setQueryData<User>(usherKeys.users.detail(userId), (user) => (user ? patch(user) : user))
}
