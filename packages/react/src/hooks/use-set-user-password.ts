import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { SetUserPasswordInput } from '@usher/contract'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'

export interface SetUserPasswordVariables {
  id: string
  input: SetUserPasswordInput
}

/**
 * An administrator sets someone's password (`POST /users/:id/password`). The person's record is
 * read again afterwards: "must change at next sign-in" and, for a pending invitation, the status
 * change with it.
 * @example
 * const setPassword = useSetUserPassword()
 * setPassword.mutate({ id: user.id, input: { password, mustChangePassword: true } })
 */
export function useSetUserPassword() {
  const client = useUsherClient()
  const queryClient = useQueryClient()
  return useMutation<void, Error, SetUserPasswordVariables>({
    mutationFn: ({ id, input }) => client.users.setPassword(id, input),
    onSuccess: (_nothing, { id }) => {
      void queryClient.invalidateQueries({ queryKey: usherKeys.users.detail(id) })
      // An invitation the password activates moves between filtered lists and may take a seat.
      void queryClient.invalidateQueries({ queryKey: usherKeys.users.lists(), refetchType: 'none' })
      void queryClient.invalidateQueries({ queryKey: usherKeys.me() })
    },
  })
}
