import { useMutation, useQueryClient } from '@tanstack/react-query'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'
import { updateCachedUser } from '../query/users-cache'

export interface RevokeInvitationVariables {
  invitationId: string
  /** The invited person: someone who never signed in leaves the users list with the invitation. */
  userId: string
}

/**
 * Revokes an invitation (`DELETE /invitations/:id`): the link stops working at once, and the
 * person, who never signed in, leaves the cached users lists.
 * @example
 * const revoke = useRevokeInvitation()
 * revoke.mutate({ invitationId: user.invitationId, userId: user.id })
 */
export function useRevokeInvitation() {
  const client = useUsherClient()
  const queryClient = useQueryClient()
  return useMutation<void, Error, RevokeInvitationVariables>({
    mutationFn: ({ invitationId }) => client.invitations.revoke(invitationId),
    onSuccess: (_nothing, { userId }) => {
      updateCachedUser(queryClient, userId, () => null)
      void queryClient.invalidateQueries({ queryKey: usherKeys.invitations.all })
      void queryClient.invalidateQueries({ queryKey: usherKeys.me() })
      void queryClient.invalidateQueries({ queryKey: usherKeys.groups.all })
    },
  })
}
