import type { PGlite } from '@electric-sql/pglite'
import { CompiledQuery, type Kysely } from 'kysely'
import type PgBoss from 'pg-boss'
import type { Database } from '../db/schema'

/**
 * pg-boss's way into the server's own database: every statement goes through one of Kysely's
 * connections, so pg-boss needs no pool or connection string of its own and works on whatever
 * the server opened.
 *
 * On PostgreSQL a statement without parameters is sent as a simple query, which may hold several
 * statements (pg-boss's schema scripts). PGlite has a single session: holding Kysely's connection
 * while the statement runs is what keeps pg-boss's statements out of a request's open
 * transaction, and its scripts go through PGlite's own `exec` (its `query` takes one statement).
 */
export function bossDatabase(db: Kysely<Database>, pglite: PGlite | undefined): PgBoss.Db {
  return {
    executeSql: (text, values) =>
      db.connection().execute(async (connection) => {
        if (pglite && (values === undefined || values.length === 0)) {
          const results = await pglite.exec(text)
          return { rows: results.at(-1)?.rows ?? [] }
        }
        const result = await connection.executeQuery(CompiledQuery.raw(text, values ?? []))
        return { rows: [...result.rows] }
      }),
  }
}
