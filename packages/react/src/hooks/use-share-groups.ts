import { useMutation, useQueryClient } from '@tanstack/react-query'
import type { BulkSharesRequest, BulkSharesResult, Me } from '@usher/contract'
import type { UsherClient } from '@usher/sdk'
import { useUsherClient } from '../provider/usher-context'
import { usherKeys } from '../query/keys'

/** One bulk request's fate: the server's per-user answer, or the error that refused it whole. */
export type ShareGroupsOutcome =
  | { request: BulkSharesRequest; ok: true; result: BulkSharesResult }
  | { request: BulkSharesRequest; ok: false; error: unknown }

/**
 * Shares or unshares groups with many users (`POST /shares/bulk`, "share all groups" included),
 * one request per action, in order. Each answer lists every user's result, failures included.
 * A request refused whole (403, network...) does not stop the next ones: its error is in its
 * outcome; the mutation itself fails only when every request failed. Afterwards the users, their
 * shares, the users lists (sharedGroupCount) and the groups (shareCount) are refreshed.
 * @example
 * const share = useShareGroups()
 * share.mutate({ action: 'share', userIds, groupIds: 'all', permission: 'view' })
 */
export function useShareGroups() {
  const client = useUsherClient()
  const queryClient = useQueryClient()
  return useMutation<ShareGroupsOutcome[], unknown, BulkSharesRequest | readonly BulkSharesRequest[]>({
    mutationFn: (requests) => runBulkShares(client, Array.isArray(requests) ? requests : [requests]),
    onSettled: (_data, _error, requests) => {
      const list: readonly BulkSharesRequest[] = Array.isArray(requests) ? requests : [requests]
      const userIds = new Set(list.flatMap((request) => request.userIds))
      const own = queryClient.getQueryData<Me>(usherKeys.me())?.user.id
      return Promise.all([
        queryClient.invalidateQueries({ queryKey: usherKeys.users.lists() }),
        queryClient.invalidateQueries({ queryKey: usherKeys.groups.all }),
        ...[...userIds].flatMap((userId) => [
          queryClient.invalidateQueries({ queryKey: usherKeys.users.detail(userId) }),
          queryClient.invalidateQueries({ queryKey: usherKeys.users.shares(userId) }),
        ]),
        own && userIds.has(own) ? queryClient.invalidateQueries({ queryKey: usherKeys.me() }) : undefined,
      ])
    },
  })
}

async function runBulkShares(
  client: UsherClient,
  requests: readonly BulkSharesRequest[],
): Promise<ShareGroupsOutcome[]> {
  const outcomes: ShareGroupsOutcome[] = []
  // One after the other: the server locks the users' rows per request, and the order (share, then
  // unshare) is the one the person reviewed.
  for (const request of requests) {
    try {
      outcomes.push({ request, ok: true, result: await client.shares.bulk(request) })
    } catch (error) {
      outcomes.push({ request, ok: false, error })
    }
  }
  const failure = outcomes.find((outcome) => !outcome.ok)
  if (failure && outcomes.every((outcome) => !outcome.ok)) throw failure.error
  return outcomes
}
