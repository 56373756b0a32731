import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { UsherEnv } from '../app/env'
import type { Services } from '../app/services'
import { rateLimited } from '../http/problem-error'

/**
 * The client's address, for per-address limits on the public endpoints: the socket's peer.
 * X-Forwarded-For is not read: any client can write it, so trusting it by default would let one
 * client pose as many. Behind a proxy every request counts under the proxy's address; when the
 * server is not served by @hono/node-server (mounted in another runtime) there is no socket to
 * read and every request counts under 'unknown'.
 */
export function clientIp(c: Context<UsherEnv>): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown'
  }
}

/**
 * Counts a hit on `key` in the server's rate-limit store (the database by default, so every
 * instance on it shares the budget); over `limit` in `windowSeconds`, answers 429 with Retry-After.
 */
export async function throttle(
  services: Services,
  key: string,
  limit: number,
  windowSeconds: number,
  now: Date,
  detail?: string,
): Promise<void> {
  const { count, resetsAt } = await services.rateLimits.hit(key, windowSeconds, now)
  if (count > limit) throw rateLimited((resetsAt.getTime() - now.getTime()) / 1000, detail)
}

/** The per-address limit of the invitation link and password-reset link endpoints. */
export function throttlePublic(c: Context<UsherEnv>, services: Services, now: Date): Promise<void> {
  return throttle(
    services,
    `public:${clientIp(c)}`,
    services.limits.publicPerMinute,
    60,
    now,
    'Too many requests from your address; retry in a minute.',
  )
}
