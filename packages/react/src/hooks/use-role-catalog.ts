import { BUILT_IN_ROLE_CATALOG, type RoleCatalog, roleCatalogFromList } from '@usher/contract/rules'
import { useMemo } from 'react'
import { useRoles } from './use-roles'

/**
 * The organization's roles (built-in and the host's) from `GET /roles`, as the contract's
 * catalog; the built-in roles until it answers or if it fails (the server checks every write).
 */
export function useRoleCatalog(): RoleCatalog {
  const roles = useRoles()
  return useMemo(
    () => (roles.data ? roleCatalogFromList(roles.data.items) : BUILT_IN_ROLE_CATALOG),
    [roles.data],
  )
}
