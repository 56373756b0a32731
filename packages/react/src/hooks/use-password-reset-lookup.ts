import { useQuery } from '@tanstack/react-query'
import { isUsherApiError } from '@usher/sdk'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'

/**
 * What a password-reset link is for (account, organization, password policy, activation), public.
 * An unusable link fails with `reset_token_invalid`, which no retry changes; a network failure is
 * retried once.
 */
export function usePasswordResetLookup(token: string) {
  const client = useUsherClient()
  return useQuery({
    queryKey: usherKeys.auth.resetLookup(token),
    queryFn: ({ signal }) => client.auth.lookupPasswordReset(token, { signal }),
    enabled: token.length > 0,
    retry: (failures, error) => failures < 1 && !isUsherApiError(error),
    staleTime: Number.POSITIVE_INFINITY,
  })
}
