import type { Session } from '@usher/contract'
import type { Services } from '../app/services'
import type { AccountRow, UserRow } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { iso } from './time'

/**
 * A built-in session for `user` (a membership) of `account`, or null when the built-in sign-in is
 * off (the host signs its users in itself). The token names the account (`sub`) and the
 * organization (`org`), and carries the account's session epoch: changing the password bumps it
 * and ends every session issued before, in every organization.
 */
export async function issueSession(
  services: Services,
  user: Pick<UserRow, 'org_id'>,
  account: Pick<AccountRow, 'id' | 'session_epoch'>,
  now: Date,
): Promise<Session | null> {
  if (!services.builtinAuth || !services.tokens.sign) return null
  const ttl = services.sessionTtlSeconds
  const token = await services.tokens.sign(
    { accountId: account.id, orgId: user.org_id, epoch: account.session_epoch },
    ttl,
  )
  return { token, expiresAt: iso(new Date(now.getTime() + ttl * 1000)) }
}

/** 404 `builtin_auth_disabled` for the /auth endpoints when the host signs its users in itself. */
export function requireBuiltinAuth(services: Services): void {
  if (!services.builtinAuth || !services.tokens.sign) throw new ProblemError('builtin_auth_disabled')
}

/** The session of an endpoint that needs one (the built-in sign-in is on: `requireBuiltinAuth`). */
export async function mustIssueSession(
  services: Services,
  user: Pick<UserRow, 'org_id'>,
  account: Pick<AccountRow, 'id' | 'session_epoch'>,
  now: Date,
): Promise<Session> {
  const session = await issueSession(services, user, account, now)
  if (!session) throw new ProblemError('builtin_auth_disabled')
  return session
}
