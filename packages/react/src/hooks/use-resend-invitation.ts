import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { Invitation } from '@usher/contract'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'
import { updateCachedUser } from '../query/users-cache'

/**
 * Sends an invitation again (`POST /invitations/:id/resend`): a new link (the old one stops
 * working) and a new expiry, which the person's row shows at once.
 * @example
 * const resend = useResendInvitation()
 * resend.mutate(user.invitationId)
 */
export function useResendInvitation() {
  const client = useUsherClient()
  const queryClient = useQueryClient()
  return useMutation<Invitation, Error, string>({
    mutationFn: (invitationId) => client.invitations.resend(invitationId),
    onSuccess: (invitation) => {
      updateCachedUser(queryClient, invitation.userId, (user) => ({
        ...user,
        status: 'invited',
        invitationId: invitation.id,
        invitationExpiresAt: invitation.expiresAt,
      }))
      void queryClient.invalidateQueries({ queryKey: usherKeys.invitations.all })
      // An expired invitation made live again takes a technician seat back.
      void queryClient.invalidateQueries({ queryKey: usherKeys.me() })
    },
  })
}
