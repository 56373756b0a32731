import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { UpdateUserInput, User } from '@usher/contract'
import { isUsherApiError } from '@usher/sdk'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'
import { userQueryOptions } from '../query/options'
import { findCachedUser, updateCachedUser } from '../query/users-cache'

export interface UpdateUserVariables {
  id: string
  /** The version the change is based on (`user.version`), sent as `If-Match`. */
  version: number
  patch: UpdateUserInput
}

interface UpdateUserContext {
  /** The role the lists showed before the optimistic change, to put back on error. */
  previousRole: string | undefined
}

/**
 * Updates a user (`PATCH /users/:id` with `If-Match`). A role change shows at once in every cached
 * users list and goes back to the previous role if the server refuses it; the caller shows the
 * error (`mutation.error`, or `onError`). Other fields change in the cache when the server answers.
 * @example
 * const update = useUpdateUser()
 * update.mutate({ id: user.id, version: user.version, patch: { role: 'admin' } })
 */
export function useUpdateUser() {
  const client = useUsherClient()
  const queryClient = useQueryClient()
  return useMutation<User, Error, UpdateUserVariables, UpdateUserContext>({
    mutationFn: ({ id, version, patch }) => client.users.update(id, patch, { ifMatch: version }),
    onMutate: async ({ id, patch }) => {
      const role = patch.role
      if (role === undefined) return { previousRole: undefined }
      // A list page landing after the optimistic write would bring the old role back.
      await queryClient.cancelQueries({ queryKey: usherKeys.users.lists() })
      const previousRole = findCachedUser(queryClient, id)?.role
      updateCachedUser(queryClient, id, (user) => ({ ...user, role }))
      return { previousRole }
    },
    onError: (error, { id }, context) => {
      const previousRole = context?.previousRole
      if (previousRole !== undefined)
        updateCachedUser(queryClient, id, (user) => ({ ...user, role: previousRole }))
      // Someone else changed the person: show their version, so a retry starts from it.
      if (isUsherApiError(error) && error.code === 'version_mismatch') {
        void queryClient
          .fetchQuery({ ...userQueryOptions(client, id), staleTime: 0 })
          .then((fresh) => updateCachedUser(queryClient, id, () => fresh))
          .catch(() => undefined)
      }
    },
    onSuccess: (user) => {
      updateCachedUser(queryClient, user.id, () => user)
    },
    onSettled: (_user, _error, { patch }) => {
      // Role and enabled move the person between filtered lists and change the seat count. The
      // lists are marked stale without refetching now: the open one already shows the change,
      // and refetching every loaded page of a large list for one row would cost far more.
      if (patch.role !== undefined || patch.enabled !== undefined) {
        void queryClient.invalidateQueries({ queryKey: usherKeys.users.lists(), refetchType: 'none' })
        void queryClient.invalidateQueries({ queryKey: usherKeys.me() })
      }
    },
  })
}
