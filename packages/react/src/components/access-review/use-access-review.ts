import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query'
import type { AccessReviewDecision, DecideAccessReviewInput } from '@usher/contract'
import { usePermission } from '../../hooks/use-me'
import { useUsherClient } from '../../provider/usher-context'

/** The query keys of access reviews, for hosts that invalidate them. */
export const accessReviewKeys = {
  all: ['usher', 'access-reviews'] as const,
  current: () => [...accessReviewKeys.all, 'current'] as const,
  items: (reviewId: string, decision: AccessReviewDecision | undefined) =>
    [...accessReviewKeys.all, 'items', reviewId, decision ?? 'all'] as const,
}

/**
 * The organization's access review and what the caller may do with it: the current review (open,
 * else the last closed one) with the caller's progress, its lines within their scope page after
 * page, and the owner's and reviewers' actions. `available` is false when the backend has no
 * access reviews (a host client without them).
 * @example const { review, lines, decide } = useAccessReview({ decision: 'pending' })
 */
export function useAccessReview({
  decision,
  pageSize = 50,
}: {
  decision?: AccessReviewDecision
  pageSize?: number
} = {}) {
  const client = useUsherClient()
  const api = client.accessReviews
  const queryClient = useQueryClient()
  const canRead = usePermission('users:read')
  const isOwner = usePermission('organization:manage')
  const canExport = usePermission('audit:read')

  const current = useQuery({
    queryKey: accessReviewKeys.current(),
    queryFn: ({ signal }) => (api as NonNullable<typeof api>).current({ signal }),
    enabled: !!api && canRead,
  })
  const review = current.data?.review ?? null
  const lines = useInfiniteQuery({
    queryKey: accessReviewKeys.items(review?.id ?? '', decision),
    queryFn: ({ pageParam, signal }) =>
      (api as NonNullable<typeof api>).items.list(
        review?.id ?? '',
        { limit: pageSize, ...(decision ? { decision } : {}), ...(pageParam ? { cursor: pageParam } : {}) },
        { signal },
      ),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: !!api && !!review,
  })

  const refresh = () => queryClient.invalidateQueries({ queryKey: accessReviewKeys.all })
  const need = () => {
    if (!api) throw new Error('This backend has no access reviews.')
    return api
  }
  const start = useMutation({ mutationFn: () => need().start(), onSuccess: refresh })
  const decide = useMutation({
    mutationFn: (input: DecideAccessReviewInput) => need().decide(review?.id ?? '', input),
    onSuccess: refresh,
  })
  const remind = useMutation({ mutationFn: () => need().remind(review?.id ?? ''), onSuccess: refresh })
  const close = useMutation({ mutationFn: () => need().close(review?.id ?? ''), onSuccess: refresh })
  const download = useMutation({
    mutationFn: (locale: 'en' | 'fr') => need().export(review?.id ?? '', { locale }),
  })

  return {
    available: !!api,
    current,
    review,
    lines,
    isOwner,
    canExport,
    start,
    decide,
    remind,
    close,
    download,
  }
}
