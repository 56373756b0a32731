import { useInfiniteQuery } from '@tanstack/react-query'
import type { AuditAction, ListAuditQuery } from '@usher/contract'
import { usePermission } from '../../hooks/use-me'
import { useUsherClient } from '../../provider/usher-context'

/** What the activity is filtered by: who acted, on whom, which action, a time range. */
export interface AuditFilters {
  actorId?: string
  targetId?: string
  action?: AuditAction
  /** Events at or after this instant (ISO 8601). */
  from?: string
  /** Events before this instant (ISO 8601). */
  to?: string
}

/** The query key of the audit log, for hosts that invalidate it. */
export const auditKeys = {
  all: ['usher', 'audit'] as const,
  list: (query: Omit<ListAuditQuery, 'cursor'>) => [...auditKeys.all, 'list', query] as const,
}

/**
 * The organization's audit events, newest first, page after page (`fetchNextPage`), filtered on
 * the server; a group admin gets the events within their groups. Waits for `audit:read`.
 * @example const { data, fetchNextPage, hasNextPage } = useAuditLog({ targetId: user.id })
 */
export function useAuditLog(filters: AuditFilters = {}, { pageSize = 50 }: { pageSize?: number } = {}) {
  const client = useUsherClient()
  const canRead = usePermission('audit:read')
  const query: Omit<ListAuditQuery, 'cursor'> = { limit: pageSize }
  for (const [key, value] of Object.entries(filters)) {
    if (value) (query as Record<string, unknown>)[key] = value
  }
  return useInfiniteQuery({
    queryKey: auditKeys.list(query),
    queryFn: ({ pageParam, signal }) =>
      client.audit.list({ ...query, ...(pageParam ? { cursor: pageParam } : {}) }, { signal }),
    initialPageParam: null as string | null,
    getNextPageParam: (page) => page.nextCursor,
    enabled: canRead,
  })
}
