import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BulkResult, BulkUsersRequest } from '@usher/contract'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'
import { updateCachedUser } from '../query/users-cache'

/**
 * One action on many users (`POST /users/bulk`): change role, enable, disable, resend the
 * invitation, force a password change, delete. Resolves with one result per user — a failing
 * user does not stop the others, so check `result.failed`. The SDK sends an idempotency key.
 * @example
 * const bulk = useBulkUsers()
 * const result = await bulk.mutateAsync({ action: 'disable', userIds })
 */
export function useBulkUsers() {
  const client = useUsherClient()
  const queryClient = useQueryClient()
  return useMutation<BulkResult, Error, BulkUsersRequest>({
    mutationFn: (request) => client.users.bulk(request),
    onSuccess: (result, request) => {
      if (result.succeeded === 0) return
      if (request.action === 'delete') {
        for (const item of result.results) if (item.ok) updateCachedUser(queryClient, item.id, () => null)
        void queryClient.invalidateQueries({ queryKey: usherKeys.groups.all })
      } else {
        // The answer carries no users: the lists are fetched again to show the new state.
        void queryClient.invalidateQueries({ queryKey: usherKeys.users.all })
      }
      void queryClient.invalidateQueries({ queryKey: usherKeys.me() })
      if (request.action === 'resendInvitation' || request.action === 'delete')
        void queryClient.invalidateQueries({ queryKey: usherKeys.invitations.all })
    },
  })
}
