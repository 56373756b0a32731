import { randomUUID } from 'node:crypto'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type UsherDatabase } from '../src/db/database'

// Reads run as prepared statements on PostgreSQL (PGlite has no connection to keep them on): the
// PostgreSQL run of `pnpm --filter @usher/server test` provides DATABASE_URL.
const url = process.env.DATABASE_URL
const table = `prepared_${randomUUID().replaceAll('-', '').slice(0, 12)}`

describe.skipIf(!url)('reads as prepared statements (PostgreSQL)', () => {
  let database: UsherDatabase
  beforeAll(async () => {
    database = openDatabase({ url, poolSize: 1 })
    await sql`create table ${sql.table(table)} (id int primary key, name text)`.execute(database.db)
    await sql`insert into ${sql.table(table)} values (1, 'Camille'), (2, 'Lucas')`.execute(database.db)
  })
  afterAll(async () => {
    await sql`drop table if exists ${sql.table(table)}`.execute(database.db)
    await database.close()
  })

  const readOne = (id: number) =>
    sql<Record<string, unknown>>`select * from ${sql.table(table)} where id = ${id}`.execute(database.db)

  it('keeps a read prepared on its connection, with each call’s own values', async () => {
    expect((await readOne(1)).rows).toEqual([{ id: 1, name: 'Camille' }])
    expect((await readOne(2)).rows).toEqual([{ id: 2, name: 'Lucas' }])
    const prepared = await sql<{ statement: string }>`select statement from pg_prepared_statements`.execute(
      database.db,
    )
    expect(prepared.rows.some((r) => r.statement.includes(table))).toBe(true)
  })

  it('prepares a statement again when a migration changed what it returns', async () => {
    await readOne(1)
    await sql`alter table ${sql.table(table)} add column locale text default 'fr'`.execute(database.db)
    // PostgreSQL refuses a plan whose result type changed; the connection forgets it after that one failure.
    const first = await readOne(1).then(
      (r) => r.rows,
      (error: { code?: string }) => error.code,
    )
    expect(first).toBe('0A000')
    expect((await readOne(1)).rows).toEqual([{ id: 1, name: 'Camille', locale: 'fr' }])
  })

  it('can be turned off for a pooler that does not keep prepared statements', async () => {
    const plain = openDatabase({ url, poolSize: 1, preparedStatements: false })
    try {
      await sql`select * from ${sql.table(table)} where id = ${2}`.execute(plain.db)
      const prepared = await sql<{
        n: number
      }>`select count(*)::int as n from pg_prepared_statements`.execute(plain.db)
      expect(prepared.rows[0]?.n).toBe(0)
    } finally {
      await plain.close()
    }
  })
})
