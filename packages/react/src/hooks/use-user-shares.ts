import { useQuery } from '@tanstack/react-query'
import { useUsherClient } from '../provider/usher-context'
import { userSharesQueryOptions } from '../query/options'

/**
 * One user's shared groups and the `version` to send back when replacing them (everyone may read
 * their own; other people's need `shares:manage` or `users:read`).
 */
export function useUserShares(userId: string | undefined) {
  const client = useUsherClient()
  return useQuery({ ...userSharesQueryOptions(client, userId ?? ''), enabled: Boolean(userId) })
}
