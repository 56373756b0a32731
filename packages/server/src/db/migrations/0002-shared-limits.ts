import { type Kysely, sql } from 'kysely'

/**
 * The rate limits' counters (sign-in, public links, password changes), in the database so every
 * server on it counts against one budget. One row per limited key and fixed window: `key` is a
 * hash of the limit's name and subject (an address, a client address), never the address itself.
 * Rows whose window has ended are deleted by the server (`expires_at`, indexed).
 */
const statements = [
  `create table rate_limits (
      key text primary key,
      count integer not null,
      expires_at timestamptz not null
    )`,
  'create index rate_limits_expires on rate_limits (expires_at)',
]

export async function up(db: Kysely<unknown>): Promise<void> {
  for (const statement of statements) await sql.raw(statement).execute(db)
}
