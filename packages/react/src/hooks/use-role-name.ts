import { isBuiltInRole, type RoleCatalog } from '@usher/contract/rules'
import { useCallback } from 'react'
import type { Translate } from '../i18n/translate'
import type { Locale } from '../i18n/types'
import { useUsherContext } from '../provider/usher-context'
import { useRoleCatalog } from './use-role-catalog'

/**
 * A role's name in the current language: a built-in role's from the message catalog, a
 * host-defined role's from its label in `GET /roles`, else its key.
 */
export function roleNameOf(t: Translate, roles: RoleCatalog, locale: Locale, role: string): string {
  if (isBuiltInRole(role)) return t(`roles.${role}`)
  return roles.labelOf(role, locale) ?? t('roles.custom', { key: role })
}

/**
 * `(role) => name`: what every role picker, filter, badge and notice shows.
 * @example const roleName = useRoleName(); roleName('operator') // "Operator"
 */
export function useRoleName(): (role: string) => string {
  const { t, locale } = useUsherContext()
  const roles = useRoleCatalog()
  return useCallback((role: string) => roleNameOf(t, roles, locale, role), [t, roles, locale])
}
