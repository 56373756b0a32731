import { useQuery } from '@tanstack/react-query'
import { useUsherClient } from '../provider/usher-context'
import { rolesQueryOptions } from '../query/options'

/** The roles and their permissions. */
export function useRoles() {
  return useQuery(rolesQueryOptions(useUsherClient()))
}
