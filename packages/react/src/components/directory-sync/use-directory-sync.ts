import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type {
  CreateDirectoryTokenInput,
  DirectorySync,
  DirectorySyncSettings,
  DirectoryTokenCreated,
  UpdateDirectorySyncSettingsInput,
} from '@usher/contract'
import type { UsherClient } from '@usher/sdk'
import { useUsherClient } from '../../provider/usher-context'

/** Query keys of directory sync, for hosts that prefetch or invalidate. */
export const directorySyncKeys = {
  all: ['usher', 'directory-sync'] as const,
  overview: () => [...directorySyncKeys.all, 'overview'] as const,
  requests: (failed: boolean) => [...directorySyncKeys.all, 'requests', { failed }] as const,
}

type DirectorySyncApi = NonNullable<UsherClient['directorySync']>

/** The client's directory sync, or an error saying the backend has none. */
function api(client: UsherClient): DirectorySyncApi {
  if (!client.directorySync) throw new Error('This backend does not offer directory sync.')
  return client.directorySync
}

/**
 * Directory sync as the owner sees it: the SCIM path, the settings, the live tokens, and the
 * changes (create a token, revoke one, save the settings), each refreshing the overview.
 * `available` is false when the host's backend offers no directory sync.
 * @example
 * const { overview, createToken } = useDirectorySync()
 * const { secret } = await createToken.mutateAsync({ name: 'Entra ID' })
 */
export function useDirectorySync({ enabled = true }: { enabled?: boolean } = {}) {
  const client = useUsherClient()
  const queryClient = useQueryClient()
  const available = client.directorySync !== undefined
  const refresh = () => queryClient.invalidateQueries({ queryKey: directorySyncKeys.overview() })
  const overview = useQuery<DirectorySync>({
    queryKey: directorySyncKeys.overview(),
    queryFn: ({ signal }) => api(client).get({ signal }),
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
  const updateSettings = useMutation<DirectorySyncSettings, Error, UpdateDirectorySyncSettingsInput>({
    mutationFn: (patch) => api(client).updateSettings(patch),
    onSuccess: refresh,
  })
  return { available, overview, createToken, revokeToken, updateSettings }
}

/** The directories' last requests, newest first, page by page (`failed`: only the refused ones). */
export function useDirectoryRequests(failed: boolean, { enabled = true }: { enabled?: boolean } = {}) {
  const client = useUsherClient()
  return useInfiniteQuery({
    queryKey: directorySyncKeys.requests(failed),
    queryFn: ({ pageParam, signal }) =>
      api(client).requests.list(
        { limit: 20, ...(failed ? { failed: 'true' } : {}), cursor: pageParam },
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextCursor ?? undefined,
    enabled: enabled && client.directorySync !== undefined,
  })
}
