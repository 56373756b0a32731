/**
 * How an organization adds a person whose address already signs in elsewhere (their account has a
 * password): `invite` sends an ordinary invitation, accepted with that password; `add` makes the
 * membership active at once and sends a notice saying who added them where. Nobody ever chooses a
 * second password either way.
 */
export const EXISTING_ACCOUNT_MODES = ['invite', 'add'] as const
export type ExistingAccountMode = (typeof EXISTING_ACCOUNT_MODES)[number]

/** Today's behaviour, and the one of an organization stored before the setting existed. */
export const DEFAULT_EXISTING_ACCOUNT_MODE: ExistingAccountMode = 'invite'

/**
 * Whether an invited row joins the organization at once instead of getting an invitation: the
 * organization adds existing accounts, and this address's account already signs in. An account
 * without a password (invited somewhere, never accepted) is no one to add: that person still
 * chooses a password through an invitation.
 */
export function joinsAtOnce(mode: ExistingAccountMode, signsIn: boolean): boolean {
  return mode === 'add' && signsIn
}
