import type { RoleCatalog } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { TokenVerifier } from '../auth/tokens'
import type { Database } from '../db/schema'
import type { MailTransport } from '../mail/mailer'
import type { LinkOptions, Logger } from './options'

/** Everything a handler may need besides the request: built once per server. */
export interface Services {
  db: Kysely<Database>
  now: () => Date
  /** The built-in roles and the host's (`options.roles`): every role decision asks it. */
  roles: RoleCatalog
  tokens: TokenVerifier
  /** The HS256 secret, when one is configured (for `provision.token`). */
  secret: string | undefined
  builtinAuth: boolean
  sessionTtlSeconds: number
  mail: { transport: MailTransport | null; from: string }
  links: Required<LinkOptions>
  logger: Logger
  limits: {
    bodyBytes: number
    resendIntervalSeconds: number
    resendPerDay: number
    loginAttempts: number
    publicPerMinute: number
  }
  /** In-process fixed-window counters for sign-in and public link endpoints (not resends: see the database). */
  rateLimiter: RateLimiter
}

/**
 * Counts hits per key in fixed windows. In memory: it protects one process; several instances
 * behind a balancer each count on their own (documented in docs/decisions/0005).
 */
export class RateLimiter {
  readonly #windows = new Map<string, { start: number; count: number; windowMs: number }>()

  /** Records a hit; returns the seconds to wait when `key` is over `limit` in `windowSeconds`, else 0. */
  hit(key: string, limit: number, windowSeconds: number, nowMs: number): number {
    const windowMs = windowSeconds * 1000
    const current = this.#windows.get(key)
    if (!current || nowMs - current.start >= current.windowMs) {
      this.#windows.set(key, { start: nowMs, count: 1, windowMs })
      if (this.#windows.size > 50_000) this.#sweep(nowMs)
      return 0
    }
    current.count++
    return current.count > limit ? Math.ceil((current.start + current.windowMs - nowMs) / 1000) : 0
  }

  reset(key: string): void {
    this.#windows.delete(key)
  }

  /** Drops the entries whose own window is over (keys of one-minute and 15-minute limits mix). */
  #sweep(nowMs: number) {
    for (const [key, value] of this.#windows) {
      if (nowMs - value.start >= value.windowMs) this.#windows.delete(key)
    }
  }
}
