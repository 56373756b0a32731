import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { openDatabase, type UsherDatabase } from '../src/db/database'
import { bossDatabase } from '../src/scheduler/boss-database'

// The job engine's statements share the pool that serves requests. On PostgreSQL (the PostgreSQL
// run of `pnpm --filter @usher/server test` provides DATABASE_URL) a script of several
// statements can fail inside its own transaction; the next request on that connection must not
// inherit it.
const url = process.env.DATABASE_URL

describe.skipIf(!url)("the job engine's way into the database (PostgreSQL)", () => {
  let database: UsherDatabase
  beforeAll(() => {
    database = openDatabase({ url, poolSize: 1 })
  })
  afterAll(async () => {
    await database.close()
  })

  it('hands the connection back usable after a script failed inside its transaction', async () => {
    const boss = bossDatabase(database.db, undefined)
    await expect(boss.executeSql('BEGIN; SELECT 1/0; COMMIT;', [])).rejects.toMatchObject({ code: '22012' })
    // One connection in the pool: this read runs where the script failed.
    const after = await sql<{ ok: number }>`select 1 as ok`.execute(database.db)
    expect(after.rows).toEqual([{ ok: 1 }])
  })

  it('runs a script again when PostgreSQL chose it as a deadlock victim', async () => {
    const boss = bossDatabase(database.db, undefined)
    // The first run raises a deadlock (as the victim of two instances' schema scripts would),
    // the second finds the sequence advanced and succeeds: the caller sees only the success.
    await sql`create temporary sequence if not exists boss_attempts`.execute(database.db)
    const script = `DO $$ BEGIN
      IF nextval('boss_attempts') = 1 THEN RAISE EXCEPTION 'deadlock' USING ERRCODE = '40P01'; END IF;
    END $$; SELECT 1;`
    await boss.executeSql(script, [])
    const attempts = await sql<{ n: number }>`select currval('boss_attempts')::int as n`.execute(database.db)
    expect(attempts.rows).toEqual([{ n: 2 }])
  })

  it('gives up on an error that running again would not mend', async () => {
    const boss = bossDatabase(database.db, undefined)
    await expect(boss.executeSql('SELECT * FROM no_such_table_for_the_engine', [])).rejects.toMatchObject({
      code: '42P01',
    })
  })
})
