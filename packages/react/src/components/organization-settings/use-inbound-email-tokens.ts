import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { CreateDirectoryTokenInput, DirectoryToken, DirectoryTokenCreated } from '@usher/contract'
import type { UsherClient } from '@usher/sdk'
import { isSupported } from '../../provider/partial-client'
import { useUsherClient } from '../../provider/usher-context'

/** Query keys of the mail pipeline's tokens, for hosts that prefetch or invalidate. */
export const inboundEmailKeys = {
  all: ['usher', 'inbound-email'] as const,
  tokens: () => [...inboundEmailKeys.all, 'tokens'] as const,
}

type InboundEmailApi = NonNullable<UsherClient['inboundEmail']>

/** The client's incoming email, or an error saying the backend has none. */
function api(client: UsherClient): InboundEmailApi {
  if (!client.inboundEmail) throw new Error('This backend does not offer incoming email.')
  return client.inboundEmail
}

/**
 * The tokens of the organization's mail pipeline, for the owner: the live ones, and the changes
 * (create one, its secret answered once; revoke one), each refreshing the list. `available` is
 * false when the host's backend offers no incoming email (nor, for a partial client, its tokens).
 * @example
 * const { tokens, createToken } = useInboundEmailTokens()
 * const { secret } = await createToken.mutateAsync({ name: 'Helpdesk mailbox' })
 */
export function useInboundEmailTokens({ enabled = true }: { enabled?: boolean } = {}) {
  const client = useUsherClient()
  const queryClient = useQueryClient()
  const available = client.inboundEmail !== undefined && isSupported(client, 'inboundEmail.listTokens')
  const refresh = () => queryClient.invalidateQueries({ queryKey: inboundEmailKeys.tokens() })
  const tokens = useQuery<DirectoryToken[]>({
    queryKey: inboundEmailKeys.tokens(),
    queryFn: ({ signal }) => api(client).listTokens({ signal }),
    enabled: enabled && available,
  })
  const createToken = useMutation<DirectoryTokenCreated, Error, CreateDirectoryTokenInput>({
    mutationFn: (input) => api(client).createToken(input),
    onSuccess: refresh,
  })
  const revokeToken = useMutation<void, Error, string>({
    mutationFn: (id) => api(client).revokeToken(id),
    onSuccess: refresh,
  })
  return { available, tokens, createToken, revokeToken }
}
