import { getConnInfo } from '@hono/node-server/conninfo'
import type { Context } from 'hono'
import type { UsherEnv } from '../app/env'
import type { Services } from '../app/services'
import { rateLimited } from '../http/problem-error'

/**
 * The client's address, for per-address limits on the public endpoints. By default the socket's
 * peer: X-Forwarded-For is not read, since any client can write it and trusting it would let one
 * client pose as many; behind a proxy every request then counts under the proxy's address. With
 * `trustProxy: n` (n proxies of the host's own in front, each appending the address it saw), the
 * address n entries from the right of X-Forwarded-For: the entries left of it are the client's
 * own writing. When the server is not served by @hono/node-server (mounted in another runtime)
 * and no proxy is trusted, there is no socket to read and every request counts under 'unknown'.
 */
export function clientIp(c: Context<UsherEnv>): string {
  const hops = c.get('services').trustProxy
  if (hops > 0) {
    const forwarded = (c.req.header('X-Forwarded-For') ?? '')
      .split(',')
      .map((entry) => entry.trim())
      .filter(Boolean)
    // Fewer entries than proxies: the request did not come through them all; the socket decides.
    const client = forwarded[forwarded.length - hops]
    if (client) return client
  }
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
