import { PGlite } from '@electric-sql/pglite'
import { Kysely, PostgresDialect } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import pg from 'pg'
import { PreparingClient } from './prepared-client'
import type { Database } from './schema'

export interface DatabaseOptions {
  /**
   * A PostgreSQL connection string: node-postgres talks to that server. Without one the server
   * runs on embedded PGlite.
   * @default process.env.DATABASE_URL
   */
  url?: string
  /**
   * Where embedded PGlite keeps its files; omitted, the database lives in memory and is gone when
   * the process ends. Ignored with `url`.
   * @example './.usher-data'
   */
  dataDir?: string
  /** node-postgres pool size. @default 10 */
  poolSize?: number
  /**
   * Run reads as prepared statements, planned once per connection (PostgreSQL only). Turn off
   * behind a connection pooler that does not keep prepared statements per client, such as
   * PgBouncer before 1.21 in transaction mode.
   * @default true
   */
  preparedStatements?: boolean
}

export interface UsherDatabase {
  db: Kysely<Database>
  kind: 'pglite' | 'postgres'
  /** The embedded database itself, when it is PGlite (the scheduler sends it multi-statement scripts). */
  pglite?: PGlite
  close(): Promise<void>
}

/** Opens the database the options name. Migrations are applied separately (`migrateToLatest`). */
export function openDatabase(options: DatabaseOptions = {}): UsherDatabase {
  const url = options.url ?? process.env.DATABASE_URL
  if (url) {
    const pool = new pg.Pool({
      connectionString: url,
      max: options.poolSize ?? 10,
      ...(options.preparedStatements === false ? {} : { Client: PreparingClient }),
    })
    // An idle client whose connection dies emits 'error' on the pool; unhandled, it would end the
    // process. The next query gets a fresh connection.
    pool.on('error', () => {})
    // A checked-out client whose connection drops emits 'error' too, besides failing its query;
    // without a listener that event would crash the process instead of failing one request.
    pool.on('connect', (client) => {
      client.on('error', () => {})
    })
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) })
    return { db, kind: 'postgres', close: () => db.destroy() }
  }
  const client = new PGlite(options.dataDir)
  const db = new Kysely<Database>({ dialect: new PGliteDialect(client) })
  return { db, kind: 'pglite', pglite: client, close: () => db.destroy() }
}
