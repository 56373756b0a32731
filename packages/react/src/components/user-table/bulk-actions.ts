import type { User } from '@usher/contract'
import { type BulkUserAction, isActionAllowed, type UserAction } from '@usher/contract/rules'
import type { Viewer } from '../../hooks/use-viewer'

/** The bulk actions the table's bar offers: five of `POST /users/bulk`'s, and sharing groups. */
export type UserTableBulkAction = 'shareGroups' | Extract<BulkUserAction, TableBulkUserAction>

/** The bulk endpoint's actions the bar offers (the others are a row's). */
const TABLE_BULK_USER_ACTIONS = ['changeRole', 'resendInvitation', 'enable', 'disable', 'delete'] as const
type TableBulkUserAction = (typeof TABLE_BULK_USER_ACTIONS)[number]

/** The row action whose status rule a bulk action follows (`allowedActions`). */
const STATUS_RULE: Readonly<Partial<Record<UserTableBulkAction, UserAction>>> = {
  resendInvitation: 'resendInvitation',
  enable: 'enable',
  disable: 'disable',
}

/**
 * What the viewer may do to a selection: the bulk endpoint's actions the contract lets them take
 * (`viewer.bulkActions`), and sharing groups (`POST /shares/bulk`, `shares:manage`) when the table
 * can open a shares dialog.
 */
export function tableBulkActions(viewer: Viewer | null, canShare: boolean): UserTableBulkAction[] {
  if (!viewer) return []
  return [
    ...(canShare && viewer.can('shares:manage') ? (['shareGroups'] as const) : []),
    ...TABLE_BULK_USER_ACTIONS.filter((action) => viewer.bulkActions.includes(action)),
  ]
}

/**
 * Only what the status of at least one selected person allows (resend needs an invitation,
 * enable a disabled account, disable an active one); the server answers for each person anyway.
 */
export function applicableBulkActions(
  actions: readonly UserTableBulkAction[],
  selected: readonly Pick<User, 'status'>[],
): UserTableBulkAction[] {
  return actions.filter((action) => {
    const rule = STATUS_RULE[action]
    return rule === undefined || selected.some((user) => isActionAllowed(user.status, rule))
  })
}
