import { isBuiltInRole, type Permission, type RoleCatalog } from '@usher/contract/rules'
import type { ComponentProps } from 'react'
import { useRoleCatalog } from '../hooks/use-role-catalog'
import { roleNameOf } from '../hooks/use-role-name'
import { cn } from '../lib/cn'
import { useUsherContext } from '../provider/usher-context'
import { useTooltip } from './tooltip'

export interface RoleBadgeProps extends Omit<ComponentProps<'span'>, 'children' | 'role'> {
  /**
   * The role's key: `owner`, `admin`, `technician` or a custom role's key (not `role`, which is
   * the ARIA attribute).
   */
  roleKey: string
  /**
   * What the role may do, shown in the tooltip.
   * @default the role's permissions in the organization's roles (`GET /roles`)
   */
  permissions?: readonly Permission[]
  /**
   * A tooltip listing what the role may do (keyboard: the badge takes focus).
   * @default true
   */
  tooltip?: boolean
}

/**
 * The role's name, coloured per role, with what it may do in a tooltip: a built-in role's name
 * from the message catalog, a host-defined role's label in the current language and its
 * permissions from the organization's roles (`GET /roles`).
 * @example <RoleBadge roleKey="admin" />
 */
export function RoleBadge(props: RoleBadgeProps) {
  return <RoleBadgeOf roles={useRoleCatalog()} {...props} />
}

/**
 * `RoleBadge` over a catalog the caller already holds: what a table renders in every row, so
 * each row does not subscribe to the roles query of its own.
 */
export function RoleBadgeOf({
  roles,
  roleKey: role,
  permissions,
  tooltip = true,
  className,
  ...props
}: RoleBadgeProps & { roles: RoleCatalog }) {
  const { t, locale } = useUsherContext()
  const tip = useTooltip({ delay: 300 })
  const builtIn = isBuiltInRole(role)
  const label = roleNameOf(t, roles, locale, role)
  const badge = (
    <span
      data-slot="role-badge"
      data-role={builtIn ? role : 'custom'}
      className={cn('usher-badge', className)}
      {...props}
      {...(tooltip ? { tabIndex: 0, ...tip.triggerProps } : {})}
    >
      {label}
    </span>
  )
  if (!tooltip) return badge
  const granted = permissions ?? roles.permissionsOf(role)
  // Spans, not a <div> and a <ul>: the badge may sit inside a paragraph (the invitation page).
  return (
    <>
      {badge}
      <span data-slot="role-badge-tooltip" className="usher-tooltip" {...tip.contentProps}>
        {granted.length === 0 ? (
          t('roles.nothing')
        ) : (
          <>
            {t('roles.mayDo')}
            {/* biome-ignore lint/a11y/useSemanticElements: a <ul> may not sit inside the paragraph that may hold the badge */}
            <span role="list" className="usher-tooltip-list">
              {granted.map((permission) => (
                // biome-ignore lint/a11y/useSemanticElements: inside the list above, a span for the same reason
                <span role="listitem" key={permission}>
                  {t(`permissions.${permission}`)}
                </span>
              ))}
            </span>
          </>
        )}
      </span>
    </>
  )
}
