import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { CreateInvitationsInput, CreateInvitationsResult } from '@usher/contract'
import { isUsherApiError, isUsherNetworkError, newIdempotencyKey } from '@usher/sdk'
import { useRef } from 'react'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'

/**
 * Whether a failed request may have been carried out all the same: no answer came (network,
 * timeout), the server failed midway, or the same key is still running. Retrying such a request
 * must reuse its key, so the server does it at most once.
 */
function outcomeUnknown(error: unknown): boolean {
  if (isUsherNetworkError(error)) return true
  if (!isUsherApiError(error)) return false
  return error.status >= 500 || error.code === 'idempotency_in_progress'
}

/**
 * Invites 1..1000 people in one request (`client.invitations.create`); the answer has one result
 * per row. Each submission carries an `Idempotency-Key`: the same one when the very same request
 * is sent again after its outcome was unknown (network error, timeout, 5xx), so a retried submit
 * never invites twice; a new one as soon as the request differs or the previous one was answered.
 *
 * On success it refreshes the user lists, the invitations, the groups (member counts) and `me`
 * (seat counts).
 *
 * @example
 * const invite = useInviteUsers()
 * const { results } = await invite.mutateAsync({ invitations: [{ firstName: 'Léa', email, role: 'technician' }] })
 */
export function useInviteUsers() {
  const client = useUsherClient()
  const queryClient = useQueryClient()
  // The last request sent, its key, and whether a retry of it must reuse that key.
  const last = useRef<{ request: string; key: string; reusable: boolean } | null>(null)

  const refresh = (request: CreateInvitationsInput) =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: usherKeys.users.lists() }),
      queryClient.invalidateQueries({ queryKey: usherKeys.invitations.all }),
      queryClient.invalidateQueries({ queryKey: usherKeys.me() }),
      request.invitations.some((row) => (row.groupIds?.length ?? 0) > 0)
        ? queryClient.invalidateQueries({ queryKey: usherKeys.groups.all })
        : undefined,
    ])

  return useMutation<CreateInvitationsResult, unknown, CreateInvitationsInput>({
    mutationFn: async (request) => {
      const fingerprint = JSON.stringify(request)
      const previous = last.current
      const key = previous?.reusable && previous.request === fingerprint ? previous.key : newIdempotencyKey()
      const attempt = { request: fingerprint, key, reusable: false }
      last.current = attempt
      try {
        return await client.invitations.create(request, { idempotencyKey: key })
      } catch (error) {
        attempt.reusable = outcomeUnknown(error)
        throw error
      }
    },
    // Not awaited: the caller gets its answer without waiting for every list to reload.
    onSuccess: (result, request) => {
      if (result.created > 0) void refresh(request)
    },
    // A request whose outcome is unknown may have invited people: show what the server now holds.
    onError: (error, request) => {
      if (outcomeUnknown(error)) void refresh(request)
    },
  })
}
