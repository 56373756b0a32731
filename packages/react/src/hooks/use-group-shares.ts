import { useQuery } from '@tanstack/react-query'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'

/**
 * Who a group is shared with and how (from the groups side), up to 500 people; needs
 * `shares:manage`. Refreshed by `useShareGroups` after a share or unshare.
 */
export function useGroupShares(groupId: string | undefined) {
  const client = useUsherClient()
  return useQuery({
    queryKey: usherKeys.groups.shares(groupId ?? ''),
    queryFn: ({ signal }) => client.groups.shares.list(groupId ?? '', { limit: 500 }, { signal }),
    enabled: Boolean(groupId),
  })
}
