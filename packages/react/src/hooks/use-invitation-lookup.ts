import { useQuery } from '@tanstack/react-query'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'

/**
 * What an invitation link is for (organization, inviter, name, policy), public. An unknown,
 * revoked or used link fails with its contract code; no retry: the answer will not change.
 */
export function useInvitationLookup(token: string) {
  const client = useUsherClient()
  return useQuery({
    queryKey: usherKeys.invitations.lookup(token),
    queryFn: ({ signal }) => client.invitations.lookup(token, { signal }),
    enabled: token.length > 0,
    retry: false,
    staleTime: Number.POSITIVE_INFINITY,
  })
}
