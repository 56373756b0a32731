import type { User, UserAction } from '@usher/contract'
import { DropdownMenu } from 'radix-ui'
import { Fragment, useRef } from 'react'
import { roleNameOf } from '../../hooks/use-role-name'
import type { Viewer } from '../../hooks/use-viewer'
import { cn } from '../../lib/cn'
import { useUsherContext } from '../../provider/usher-context'
import { displayName } from './columns'

export interface RowActionOptions {
  /** Whether the host handles "Edit" (`onEditUser`). */
  canEdit: boolean
  /** Whether "Shared groups" can open (a shares dialog or the host's `onShareGroups`). */
  canShare: boolean
}

/**
 * The actions a row offers on `user`: the contract's decision for this viewer
 * (`viewer.actionsFor`, in `USER_ACTIONS` order), less "Shared groups" when no dialog can open.
 */
export function rowActionsFor(viewer: Viewer, user: User, { canEdit, canShare }: RowActionOptions) {
  return viewer.actionsFor(user, { canEdit }).filter((action) => action !== 'shareGroups' || canShare)
}

export interface UserTableRowActionsProps extends RowActionOptions {
  user: User
  viewer: Viewer
  /** Any action but a role change; the table confirms the destructive ones. */
  onAction: (action: UserAction, user: User, trigger: HTMLElement | null) => void
  onChangeRole: (user: User, role: string) => void
  className?: string
}

/**
 * The row's "..." menu (a WAI-ARIA menu button): only the actions `rowActionsFor` allows; "Change
 * role" offers the roles the viewer may give (`viewer.assignableRoles`, host roles included).
 */
export function UserTableRowActions({
  user,
  viewer,
  canEdit,
  canShare,
  onAction,
  onChangeRole,
  className,
}: UserTableRowActionsProps) {
  const { t, locale, portalContainer } = useUsherContext()
  // The viewer's catalog, not a query per row: the table renders many of these menus.
  const roleName = (role: string) => roleNameOf(t, viewer.roles, locale, role)
  const trigger = useRef<HTMLButtonElement>(null)
  const actions = rowActionsFor(viewer, user, { canEdit, canShare })
  if (actions.length === 0) return null
  const name = displayName(user)
  const assignable = viewer.assignableRoles
  // The person's role stays shown (ticked) even when the viewer may not give it.
  const roles = assignable.includes(user.role) ? assignable : [user.role, ...assignable]

  return (
    <DropdownMenu.Root>
      <DropdownMenu.Trigger asChild>
        <button
          type="button"
          ref={trigger}
          data-slot="user-table-row-actions-trigger"
          className={cn('usher-button usher-user-table-icon-button', className)}
          aria-label={t('userTable.rowActions', { name })}
        >
          <svg aria-hidden="true" focusable="false" width="16" height="16" viewBox="0 0 16 16">
            <circle cx="3" cy="8" r="1.5" fill="currentColor" />
            <circle cx="8" cy="8" r="1.5" fill="currentColor" />
            <circle cx="13" cy="8" r="1.5" fill="currentColor" />
          </svg>
        </button>
      </DropdownMenu.Trigger>
      <DropdownMenu.Portal container={portalContainer}>
        <DropdownMenu.Content
          data-slot="user-table-row-actions"
          className="usher-user-table-menu"
          align="end"
          sideOffset={4}
        >
          {actions.map((action) => {
            if (action === 'changeRole') {
              return (
                <DropdownMenu.Sub key={action}>
                  <DropdownMenu.SubTrigger
                    data-slot="user-table-row-action"
                    data-action={action}
                    className="usher-user-table-menu-item"
                  >
                    {t('userTable.actions.changeRole')}
                    <span aria-hidden="true" className="usher-user-table-menu-chevron">
                      ›
                    </span>
                  </DropdownMenu.SubTrigger>
                  <DropdownMenu.Portal container={portalContainer}>
                    <DropdownMenu.SubContent
                      data-slot="user-table-role-menu"
                      className="usher-user-table-menu"
                      sideOffset={2}
                    >
                      <DropdownMenu.RadioGroup
                        value={user.role}
                        onValueChange={(role) => {
                          if (role !== user.role) onChangeRole(user, role)
                        }}
                      >
                        {roles.map((role) => (
                          <DropdownMenu.RadioItem
                            key={role}
                            value={role}
                            data-slot="user-table-role-option"
                            className="usher-user-table-menu-item"
                          >
                            <DropdownMenu.ItemIndicator
                              aria-hidden="true"
                              className="usher-user-table-menu-indicator"
                            >
                              ✓
                            </DropdownMenu.ItemIndicator>
                            {roleName(role)}
                          </DropdownMenu.RadioItem>
                        ))}
                      </DropdownMenu.RadioGroup>
                    </DropdownMenu.SubContent>
                  </DropdownMenu.Portal>
                </DropdownMenu.Sub>
              )
            }
            return (
              <Fragment key={action}>
                {action === 'delete' && actions.length > 1 ? (
                  <DropdownMenu.Separator className="usher-user-table-menu-separator" />
                ) : null}
                <DropdownMenu.Item
                  data-slot="user-table-row-action"
                  data-action={action}
                  data-variant={action === 'delete' ? 'danger' : undefined}
                  className="usher-user-table-menu-item"
                  onSelect={() => onAction(action, user, trigger.current)}
                >
                  {t(`userTable.actions.${action}`)}
                </DropdownMenu.Item>
              </Fragment>
            )
          })}
        </DropdownMenu.Content>
      </DropdownMenu.Portal>
    </DropdownMenu.Root>
  )
}
