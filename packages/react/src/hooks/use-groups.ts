import { useQuery } from '@tanstack/react-query'
import type { ListGroupsQuery } from '@usher/contract'
import { useUsherClient } from '../provider/usher-context'
import { groupsQueryOptions } from '../query/options'

/** Every group the caller may see (flat, with parentId; see `buildGroupTree`). */
export function useGroups(query: Omit<ListGroupsQuery, 'cursor'> = {}) {
  return useQuery(groupsQueryOptions(useUsherClient(), query))
}
