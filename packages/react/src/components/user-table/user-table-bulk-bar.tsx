import { DropdownMenu } from 'radix-ui'
import type { ComponentProps, ReactNode } from 'react'
import { cn } from '../../lib/cn'
import { useUsherContext } from '../../provider/usher-context'
import { MenuButton } from '../../ui/menu-button'

import type { UserTableBulkAction } from './bulk-actions'

export type { UserTableBulkAction }

export interface UserTableBulkBarProps extends Omit<ComponentProps<'fieldset'>, 'children'> {
  /** How many users are selected. */
  count: number
  /** The actions the viewer may take (`tableBulkActions`); the others are not shown. */
  actions: readonly UserTableBulkAction[]
  /** The roles offered by "Change role": the ones the viewer may give. */
  roles: readonly string[]
  roleName: (role: string) => string
  /** While a bulk request runs: every action waits. */
  pending?: boolean
  onAction: (action: Exclude<UserTableBulkAction, 'changeRole'>) => void
  onChangeRole: (role: string) => void
  onClearSelection: () => void
  /** More controls before "Clear selection" (the export button). */
  extra?: ReactNode
}

/**
 * What to do with the selected users: share groups, change role, resend, enable, disable, delete
 * (the table confirms a role change, a disabling and a deletion before it sends them).
 */
export function UserTableBulkBar({
  count,
  actions,
  roles,
  roleName,
  pending = false,
  onAction,
  onChangeRole,
  onClearSelection,
  extra,
  className,
  ...props
}: UserTableBulkBarProps) {
  const { t } = useUsherContext()
  const button = (action: Exclude<UserTableBulkAction, 'changeRole'>) =>
    actions.includes(action) ? (
      <button
        type="button"
        data-slot="user-table-bulk-action"
        data-action={action}
        className="usher-button"
        data-variant={action === 'delete' ? 'danger' : undefined}
        disabled={pending}
        onClick={() => onAction(action)}
      >
        {t(`userTable.bulk.${action}`)}
      </button>
    ) : null

  return (
    <fieldset
      data-slot="user-table-bulk-bar"
      data-pending={pending || undefined}
      aria-busy={pending || undefined}
      className={cn('usher-user-table-bulk-bar', className)}
      {...props}
    >
      <legend className="usher-visually-hidden">{t('userTable.bulk.label')}</legend>
      <span data-slot="user-table-bulk-count" className="usher-user-table-bulk-count">
        {t('userTable.bulk.selected', { count })}
      </span>
      {button('shareGroups')}
      {actions.includes('changeRole') && roles.length > 0 ? (
        <MenuButton
          data-slot="user-table-bulk-action"
          data-action="changeRole"
          disabled={pending}
          menuSlot="user-table-bulk-role-menu"
          label={t('userTable.bulk.changeRole')}
        >
          {roles.map((role) => (
            <DropdownMenu.Item
              key={role}
              className="usher-user-table-menu-item"
              onSelect={() => onChangeRole(role)}
            >
              {roleName(role)}
            </DropdownMenu.Item>
          ))}
        </MenuButton>
      ) : null}
      {button('resendInvitation')}
      {button('enable')}
      {button('disable')}
      {button('delete')}
      {extra}
      <button
        type="button"
        data-slot="user-table-bulk-clear"
        className="usher-button"
        disabled={pending}
        onClick={onClearSelection}
      >
        {t('userTable.bulk.clear')}
      </button>
    </fieldset>
  )
}
