import type { PGlite } from '@electric-sql/pglite'
import { CompiledQuery, type Kysely } from 'kysely'
import type PgBoss from 'pg-boss'
import type { Database } from '../db/schema'

/** Deadlock and serialization failure: PostgreSQL rolled the statement back, running it again is safe. */
const TRANSIENT = new Set(['40P01', '40001'])
const ATTEMPTS = 4

/**
 * pg-boss's way into the server's own database: every statement goes through one of Kysely's
 * connections, so pg-boss needs no pool or connection string of its own and works on whatever
 * the server opened.
 *
 * On PostgreSQL a statement without parameters is sent as a simple query, which may hold several
 * statements (pg-boss's schema scripts). PGlite has a single session: holding Kysely's connection
 * while the statement runs is what keeps pg-boss's statements out of a request's open
 * transaction, and its scripts go through PGlite's own `exec` (its `query` takes one statement).
 *
 * A script that fails after its own `BEGIN` leaves the session in an aborted transaction; the
 * connection goes back to the pool that serves requests, so it is rolled back first. Instances
 * that start together race on pg-boss's schema and queue scripts and PostgreSQL may pick one as
 * a deadlock victim: the whole script was undone, so it is run again after a short pause.
 */
export function bossDatabase(db: Kysely<Database>, pglite: PGlite | undefined): PgBoss.Db {
  const run = async (connection: Kysely<Database>, text: string, values: unknown[] | undefined) => {
    if (pglite && (values === undefined || values.length === 0)) {
      const results = await pglite.exec(text)
      return { rows: results.at(-1)?.rows ?? [] }
    }
    const result = await connection.executeQuery(CompiledQuery.raw(text, values ?? []))
    return { rows: [...result.rows] }
  }
  return {
    executeSql: (text, values) =>
      db.connection().execute(async (connection) => {
        for (let attempt = 1; ; attempt++) {
          try {
            return await run(connection, text, values)
          } catch (error) {
            await rollback(connection, pglite)
            const code = (error as { code?: unknown }).code
            if (attempt >= ATTEMPTS || typeof code !== 'string' || !TRANSIENT.has(code)) throw error
            await new Promise((resolve) => setTimeout(resolve, 20 * attempt + Math.random() * 50))
          }
        }
      }),
  }
}

async function rollback(connection: Kysely<Database>, pglite: PGlite | undefined): Promise<void> {
  try {
    // Outside a transaction ROLLBACK is only a warning.
    if (pglite) await pglite.exec('ROLLBACK')
    else await connection.executeQuery(CompiledQuery.raw('ROLLBACK'))
  } catch {
    // The connection is broken; the pool finds out on its next use.
  }
}
