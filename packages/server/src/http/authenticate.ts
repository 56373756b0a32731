import type { Context } from 'hono'
import type { UsherEnv } from '../app/env'
import type { Services } from '../app/services'
import { type Actor, loadActor } from '../domain/actor'
import { ProblemError } from './problem-error'

/** Endpoints a session that must change its password may still call. */
const ALLOWED_BEFORE_PASSWORD_CHANGE = new Set(['changePassword', 'getMe'])

/** The caller of a bearer token, read from the database (see `loadActor`). */
export async function authenticate(
  c: Context<UsherEnv>,
  services: Services,
  now: Date,
  endpoint: string,
): Promise<Actor> {
  const header = c.req.header('Authorization')
  const match = header?.match(/^Bearer\s+(\S+)$/i)
  if (!match?.[1]) {
    throw new ProblemError(
      'unauthenticated',
      header ? { detail: 'Authorization must be "Bearer <token>".' } : {},
      { 'WWW-Authenticate': 'Bearer' },
    )
  }
  const claims = await services.tokens.verify(match[1])
  const actor = await loadActor(services.db, claims, now, services.roles)
  // A built-in session whose password was set by an administrator may only change it.
  if (claims.session && actor.user.must_change_password && !ALLOWED_BEFORE_PASSWORD_CHANGE.has(endpoint)) {
    throw new ProblemError('password_change_required')
  }
  return actor
}
