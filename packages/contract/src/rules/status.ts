/** Account statuses and which actions each allows: one table that the server enforces and the UI reads. */
export const USER_STATUSES = ['invited', 'expired', 'active', 'disabled'] as const
export type UserStatus = (typeof USER_STATUSES)[number]

export const USER_ACTIONS = [
  'edit',
  'changeRole',
  'shareGroups',
  'resendInvitation',
  'revokeInvitation',
  'enable',
  'disable',
  'forcePasswordChange',
  'delete',
] as const
export type UserAction = (typeof USER_ACTIONS)[number]

const ALLOWED: Readonly<Record<UserStatus, readonly UserAction[]>> = {
  invited: ['edit', 'changeRole', 'shareGroups', 'resendInvitation', 'revokeInvitation', 'delete'],
  expired: ['edit', 'changeRole', 'shareGroups', 'resendInvitation', 'revokeInvitation', 'delete'],
  active: ['edit', 'changeRole', 'shareGroups', 'disable', 'forcePasswordChange', 'delete'],
  disabled: ['edit', 'changeRole', 'shareGroups', 'enable', 'delete'],
}

const inActionOrder = (status: UserStatus) =>
  USER_ACTIONS.filter((action) => ALLOWED[status].includes(action))
const ALLOWED_IN_ORDER: Readonly<Record<UserStatus, readonly UserAction[]>> = {
  invited: inActionOrder('invited'),
  expired: inActionOrder('expired'),
  active: inActionOrder('active'),
  disabled: inActionOrder('disabled'),
}

/** The actions the status allows, in `USER_ACTIONS` order (the order menus offer them). */
export function allowedActions(status: UserStatus): readonly UserAction[] {
  return ALLOWED_IN_ORDER[status]
}

export function isActionAllowed(status: UserStatus, action: UserAction): boolean {
  return ALLOWED[status].includes(action)
}

/** The status an invited account shows at `now`: `expired` once the invitation's lifetime ran out. */
export function invitationStatusAt(expiresAt: string | Date, now: Date = new Date()): 'invited' | 'expired' {
  return new Date(expiresAt).getTime() <= now.getTime() ? 'expired' : 'invited'
}

/**
 * Whether an account holds one of the plan's seats. Pending invitations hold one (accepting must
 * not overrun the plan); lapsed invitations and disabled accounts free theirs.
 */
export function holdsSeat(takesSeat: boolean, status: UserStatus): boolean {
  return takesSeat && (status === 'invited' || status === 'active')
}
