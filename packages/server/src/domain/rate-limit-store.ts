import { createHash } from 'node:crypto'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema'

/** Where one limited key stands in its current window. */
export interface RateLimitCount {
  /** Hits counted in the window so far, this one included. */
  count: number
  /** When the window ends and the count starts again from zero. */
  resetsAt: Date
}

/**
 * Where the server counts the hits its rate limits allow (sign-in, password reset and invitation
 * links, password changes). Fixed windows: a key's window opens at its first hit and lasts
 * `windowSeconds`; the caller compares the count with its limit. Every server that should share
 * one budget must share one store: the default, `databaseRateLimitStore`, is the database itself.
 */
export interface RateLimitStore {
  /** Counts one hit on `key` at `now`, atomically across everyone who uses the store. */
  hit(key: string, windowSeconds: number, now: Date): Promise<RateLimitCount>
  /** Forgets `key`'s count (a successful sign-in clears the address's failures). */
  reset(key: string): Promise<void>
}

export interface DatabaseRateLimitStoreOptions {
  /**
   * Servers with different namespaces keep separate budgets on one database; servers with the same
   * namespace share theirs. Most hosts keep the default.
   * @default 'usher'
   */
  namespace?: string
  /**
   * How often (in milliseconds, at most) a hit also deletes the rows whose window ended.
   * @default 300_000
   */
  purgeIntervalMs?: number
}

/**
 * Counts in the `rate_limits` table: one upsert per hit, which PostgreSQL serialises on the key's
 * row, so instances on one database never lose or double a hit. Keys are stored as SHA-256 hashes:
 * the table holds no address, email or client address. Ended windows are purged at most every five
 * minutes (judged by the database's clock), a hit at a time, by whichever server counts then.
 */
export function databaseRateLimitStore(
  db: Kysely<Database>,
  options: DatabaseRateLimitStoreOptions = {},
): RateLimitStore {
  const namespace = options.namespace ?? 'usher'
  const purgeIntervalMs = options.purgeIntervalMs ?? 300_000
  const stored = (key: string) => createHash('sha256').update(`${namespace}\u0000${key}`).digest('hex')
  let lastPurge = Number.NEGATIVE_INFINITY

  return {
    async hit(key, windowSeconds, now) {
      const expiresAt = new Date(now.getTime() + windowSeconds * 1000)
      // Both branches read the row as it was before this update (PostgreSQL's SET semantics): an
      // ended window starts again at 1 with a new end, a running one counts on.
      const row = await db
        .insertInto('rate_limits')
        .values({ key: stored(key), count: 1, expires_at: expiresAt })
        .onConflict((oc) =>
          oc.column('key').doUpdateSet({
            count: sql<number>`case when rate_limits.expires_at <= ${now} then 1 else rate_limits.count + 1 end`,
            expires_at: sql<Date>`case when rate_limits.expires_at <= ${now} then excluded.expires_at else rate_limits.expires_at end`,
          }),
        )
        .returning(['count', 'expires_at'])
        .executeTakeFirstOrThrow()
      if (Date.now() - lastPurge >= purgeIntervalMs) {
        lastPurge = Date.now()
        await db.deleteFrom('rate_limits').where('expires_at', '<', sql<Date>`now()`).execute()
      }
      return { count: row.count, resetsAt: new Date(row.expires_at) }
    },
    async reset(key) {
      await db.deleteFrom('rate_limits').where('key', '=', stored(key)).execute()
    },
  }
}

/**
 * Counts in this process's memory: each server counts on its own, so N instances behind a
 * balancer allow N times the budget. For a single process that wants no database round trip.
 */
export function memoryRateLimitStore(): RateLimitStore {
  const windows = new Map<string, { count: number; endsAt: number }>()
  const sweep = (nowMs: number) => {
    // Each entry by its own window: keys of one-minute and 15-minute limits mix.
    for (const [key, value] of windows) if (value.endsAt <= nowMs) windows.delete(key)
  }
  return {
    async hit(key, windowSeconds, now) {
      const nowMs = now.getTime()
      let current = windows.get(key)
      if (!current || current.endsAt <= nowMs) {
        current = { count: 0, endsAt: nowMs + windowSeconds * 1000 }
        windows.set(key, current)
        if (windows.size > 50_000) sweep(nowMs)
      }
      current.count++
      return { count: current.count, resetsAt: new Date(current.endsAt) }
    },
    async reset(key) {
      windows.delete(key)
    },
  }
}
