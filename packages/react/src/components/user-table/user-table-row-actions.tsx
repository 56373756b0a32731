import { allowedActions, isBuiltInRole, type Permission, type User, type UserAction } from '@usher/contract'
import { DropdownMenu } from 'radix-ui'
import { Fragment, useRef } from 'react'
import { cn } from '../../lib/cn'
import { useUsherContext } from '../../provider/usher-context'
import { displayName } from './columns'

/** Who is looking at the table: what the row menus and the bulk bar may offer. */
export interface UserTableViewer {
  id: string
  permissions: readonly Permission[]
  /** The rank of the viewer's role: nobody acts on someone ranked above them. */
  rank: number
  rankOf: (role: string) => number
  /**
   * Whether the viewer may write on the account of someone with this role (the contract's
   * `canManageAccountOf`): a group-scoped admin not on a peer admin, only share groups with them.
   */
  canManage: (role: string) => boolean
  /** The roles the viewer may give, in the order to offer them. */
  assignableRoles: readonly string[]
  /** Whether the host handles "Edit" (`onEditUser`). */
  canEdit: boolean
}

/** The permission each row action needs: the same as the endpoint it calls. */
export const ACTION_PERMISSIONS: Readonly<Record<UserAction, Permission>> = {
  edit: 'users:update',
  changeRole: 'users:update',
  shareGroups: 'shares:manage',
  resendInvitation: 'users:invite',
  revokeInvitation: 'users:invite',
  enable: 'users:update',
  disable: 'users:update',
  forcePasswordChange: 'users:update',
  delete: 'users:delete',
}

/** What nobody does to their own account (the contract's SELF_LOCKED_FIELDS, and deleting it). */
const SELF_LOCKED: readonly UserAction[] = ['changeRole', 'enable', 'disable', 'delete']

/**
 * The actions a row offers: those the viewer holds the permission for, that the person's status
 * allows (`allowedActions`), never the self-locked ones on the viewer's own row, nothing at all on
 * someone whose role ranks above the viewer's, and only shared groups on a group-scoped viewer's
 * peer. The server checks all of it again.
 */
export function userActionsFor(user: User, viewer: UserTableViewer): UserAction[] {
  const self = user.id === viewer.id
  if (!self && viewer.rankOf(user.role) > viewer.rank) return []
  const manages = self || viewer.canManage(user.role)
  return allowedActions(user.status).filter((action) => {
    if (!viewer.permissions.includes(ACTION_PERMISSIONS[action])) return false
    // On a peer's account only their shared groups (the server refuses the rest).
    if (!manages && action !== 'shareGroups') return false
    if (self && SELF_LOCKED.includes(action)) return false
    switch (action) {
      case 'edit':
        return viewer.canEdit
      case 'changeRole':
        return viewer.assignableRoles.some((role) => role !== user.role)
      case 'forcePasswordChange':
        return !user.mustChangePassword
      case 'resendInvitation':
      case 'revokeInvitation':
        return user.invitationId !== null
      default:
        return true
    }
  })
}

/** A role's name from the catalog (built-in) or its key (custom). */
export function useRoleName() {
  const { t } = useUsherContext()
  return (role: string) => (isBuiltInRole(role) ? t(`roles.${role}`) : t('roles.custom', { key: role }))
}

export interface UserTableRowActionsProps {
  user: User
  actions: readonly UserAction[]
  assignableRoles: readonly string[]
  /** Any action but a role change; the table confirms the destructive ones. */
  onAction: (action: UserAction, user: User, trigger: HTMLElement | null) => void
  onChangeRole: (user: User, role: string) => void
  className?: string
}

const ORDER: readonly UserAction[] = [
  'edit',
  'changeRole',
  'shareGroups',
  'resendInvitation',
  'revokeInvitation',
  'enable',
  'disable',
  'forcePasswordChange',
  'delete',
]

/** The row's "..." menu (a WAI-ARIA menu button): only the actions `userActionsFor` allows. */
export function UserTableRowActions({
  user,
  actions,
  assignableRoles,
  onAction,
  onChangeRole,
  className,
}: UserTableRowActionsProps) {
  const { t, portalContainer } = useUsherContext()
  const roleName = useRoleName()
  const trigger = useRef<HTMLButtonElement>(null)
  if (actions.length === 0) return null
  const name = displayName(user)
  const ordered = ORDER.filter((action) => actions.includes(action))
  const roles = assignableRoles.includes(user.role) ? assignableRoles : [user.role, ...assignableRoles]

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
          {ordered.map((action) => {
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
                {action === 'delete' && ordered.length > 1 ? (
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
