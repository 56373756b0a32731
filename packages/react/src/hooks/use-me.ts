import { useQuery } from '@tanstack/react-query'
import type { Permission } from '@usher/contract'
import { useUsherClient } from '../provider/usher-context'
import { meQueryOptions } from '../query/options'

/** The caller: user, organization, permissions, seats. */
export function useMe() {
  return useQuery(meQueryOptions(useUsherClient()))
}

/**
 * Whether the caller holds a permission (false while loading). The UI gates actions on
 * permissions, never on role names; the server checks them again.
 */
export function usePermission(permission: Permission): boolean {
  const me = useMe()
  return me.data?.permissions.includes(permission) ?? false
}
