import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'
import { updateCachedUser } from '../query/users-cache'

/**
 * Deletes a user (`DELETE /users/:id`): they leave every cached list at once; the seat counter
 * and the groups' member and share counts are refetched.
 * @example
 * const remove = useDeleteUser()
 * remove.mutate(user.id)
 */
export function useDeleteUser() {
  const client = useUsherClient()
  const queryClient = useQueryClient()
  return useMutation<void, Error, string>({
    mutationFn: (id) => client.users.delete(id),
    onSuccess: (_nothing, id) => {
      updateCachedUser(queryClient, id, () => null)
      queryClient.removeQueries({ queryKey: usherKeys.users.shares(id) })
      void queryClient.invalidateQueries({ queryKey: usherKeys.me() })
      void queryClient.invalidateQueries({ queryKey: usherKeys.groups.all })
      void queryClient.invalidateQueries({ queryKey: usherKeys.invitations.all })
    },
  })
}
