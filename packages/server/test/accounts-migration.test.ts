import { randomUUID } from 'node:crypto'
import { PGlite } from '@electric-sql/pglite'
import { Kysely, sql } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import * as initial from '../src/db/migrations/0001-initial'
import * as sharedLimits from '../src/db/migrations/0002-shared-limits'
import * as directorySync from '../src/db/migrations/0003-directory-sync'
import * as userSearch from '../src/db/migrations/0005-user-search'
import * as accounts from '../src/db/migrations/0006-accounts'

// A database as it was before accounts (one password per organization), migrated: what a demo's
// data on disk goes through when the server starts.
let db: Kysely<unknown>
beforeAll(async () => {
  db = new Kysely<unknown>({ dialect: new PGliteDialect(new PGlite()) })
  for (const m of [initial, sharedLimits, directorySync, userSearch]) await m.up(db)
})
afterAll(() => db.destroy())

const orgIds = [randomUUID(), randomUUID()]
async function insertOrg(id: string, slug: string) {
  await sql`insert into organizations (id, name, slug, settings, created_at)
            values (${id}, ${slug}, ${slug}, '{}', now())`.execute(db)
}
async function insertUser(input: {
  orgId: string
  email: string
  hash: string | null
  lastActive: string | null
  epoch?: number
}) {
  const id = randomUUID()
  await sql`insert into users (id, org_id, email, first_name, last_name, locale, role, source, password_hash,
              session_epoch, created_at, last_active_at, activated_at, sort_name, search_first, search_last, search_full)
            values (${id}, ${input.orgId}, ${input.email}, 'Oliver', 'Bennett', 'en', 'technician', 'manual',
              ${input.hash}, ${input.epoch ?? 0}, now(), ${input.lastActive}::timestamptz,
              ${input.hash ? sql`now()` : null}, 'bennett oliver', 'oliver', 'bennett', 'oliver bennett')`.execute(
    db,
  )
  return id
}

describe('the accounts migration', () => {
  it('makes one account per address, keeps the password used last and links every membership', async () => {
    await insertOrg(orgIds[0] as string, 'northwind')
    await insertOrg(orgIds[1] as string, 'atelier-durand')
    const old = await insertUser({
      orgId: orgIds[0] as string,
      email: 'oliver@northwind.example',
      hash: 'hash-old',
      lastActive: '2026-01-01T00:00:00Z',
    })
    const recent = await insertUser({
      orgId: orgIds[1] as string,
      email: 'oliver@northwind.example',
      hash: 'hash-recent',
      lastActive: '2026-06-01T00:00:00Z',
    })
    const invited = await insertUser({
      orgId: orgIds[1] as string,
      email: 'ana@durand.example',
      hash: null,
      lastActive: null,
    })

    await accounts.up(db)

    const rows = await sql<{ email: string; password_hash: string | null }>`
      select email, password_hash from accounts order by email`.execute(db)
    expect(rows.rows).toEqual([
      { email: 'ana@durand.example', password_hash: null },
      { email: 'oliver@northwind.example', password_hash: 'hash-recent' },
    ])
    const links = await sql<{ id: string; email: string }>`
      select u.id, a.email from users u join accounts a on a.id = u.account_id`.execute(db)
    const emailOf = new Map(links.rows.map((r) => [r.id, r.email]))
    expect([emailOf.get(old), emailOf.get(recent), emailOf.get(invited)]).toEqual([
      'oliver@northwind.example',
      'oliver@northwind.example',
      'ana@durand.example',
    ])
    // The password is the account's alone now.
    const columns = await sql<{ column_name: string }>`
      select column_name from information_schema.columns
       where table_name = 'users' and column_name in ('password_hash', 'session_epoch', 'account_id')`.execute(
      db,
    )
    expect(columns.rows.map((c) => c.column_name)).toEqual(['account_id'])

    // And back: each membership gets its account's password again.
    await accounts.down(db)
    const back = await sql<{ id: string; password_hash: string | null }>`
      select id, password_hash from users`.execute(db)
    const hashOf = new Map(back.rows.map((r) => [r.id, r.password_hash]))
    expect([hashOf.get(old), hashOf.get(recent), hashOf.get(invited)]).toEqual([
      'hash-recent',
      'hash-recent',
      null,
    ])
  })
})
