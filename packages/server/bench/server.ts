/**
 * The server side of the benchmark, in its own process so the load generator does not share its
 * event loop: fills one organization with USERS users (French and English names, every status,
 * 60 groups), serves the API on a free port and prints one JSON line with the URL and a token.
 * `--db=pglite` (in memory) or `--db=postgres` (DATABASE_URL).
 */
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import {
  ENGLISH_FIRST_NAMES,
  ENGLISH_LAST_NAMES,
  FRENCH_FIRST_NAMES,
  FRENCH_LAST_NAMES,
  seededRandom,
} from '@usher/fixtures'
import { sql } from 'kysely'
import { searchColumns } from '../src/domain/search'
import { createUsherServer } from '../src/index'

const USERS = Number(process.env.BENCH_USERS ?? 100_000)
const kind = process.argv.find((a) => a.startsWith('--db='))?.slice(5) ?? 'pglite'
const url = kind === 'postgres' ? process.env.DATABASE_URL : undefined
if (kind === 'postgres' && !url) throw new Error('--db=postgres needs DATABASE_URL')
delete process.env.DATABASE_URL

const secret = 'bench-secret-bench-secret-bench-secret-0000'
const server = createUsherServer({
  // BENCH_PREPARED=0 measures the server without prepared statements, for a comparison in one run.
  database: url ? { url, preparedStatements: process.env.BENCH_PREPARED !== '0' } : {},
  auth: { secret },
  logger: { info() {}, warn() {}, error: (m, f) => console.error(m, f) },
})
await server.ready

const started = performance.now()
const { organization, owner } = await server.provision.createOrganization({
  name: `Bench ${randomUUID().slice(0, 8)}`,
  owner: { email: 'owner@bench.example', firstName: 'Olivia', lastName: 'Owner' },
})
const db = server.db
const now = new Date()
const groupIds: string[] = []
for (let g = 0; g < 60; g++) {
  const id = randomUUID()
  groupIds.push(id)
  await db
    .insertInto('groups')
    .values({
      id,
      org_id: organization.id,
      name: `Site ${g + 1}`,
      parent_id: g >= 10 ? groupIds[g % 10] : null,
      created_at: now,
    })
    .execute()
}
const random = seededRandom(7)
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)] as T
const BATCH = 1000
for (let start = 0; start < USERS; start += BATCH) {
  const rows = []
  const memberships = []
  for (let i = start; i < Math.min(USERS, start + BATCH); i++) {
    const french = i % 2 === 0
    const firstName = pick(french ? FRENCH_FIRST_NAMES : ENGLISH_FIRST_NAMES)
    const lastName = pick(french ? FRENCH_LAST_NAMES : ENGLISH_LAST_NAMES)
    const id = randomUUID()
    const status = i % 10
    const activated = status < 7
    rows.push({
      id,
      org_id: organization.id,
      email: `${firstName}.${lastName}.${i}@bench.example`
        .normalize('NFD')
        .replace(/\p{M}/gu, '')
        .toLowerCase()
        .replace(/[^a-z0-9.@]/g, ''),
      first_name: firstName,
      last_name: lastName,
      locale: french ? 'fr' : 'en',
      role: i % 20 === 0 ? 'admin' : 'technician',
      enabled: status !== 9,
      activated_at: activated ? now : null,
      invitation_expires_at: activated
        ? null
        : new Date(now.getTime() + (status === 7 ? 10 : -10) * 86_400_000),
      contact_for: [],
      primary_contact: false,
      must_change_password: false,
      source: 'import',
      created_at: new Date(now.getTime() - (USERS - i) * 60_000),
      last_active_at: activated ? new Date(now.getTime() - i * 1000) : null,
      ...searchColumns(firstName, lastName),
    })
    memberships.push({
      user_id: id,
      group_id: groupIds[i % groupIds.length] as string,
      org_id: organization.id,
    })
  }
  await db.insertInto('users').values(rows).execute()
  await db.insertInto('user_groups').values(memberships).execute()
}
// BENCH_AUDIT_EVENTS: that many audit events in the organization too (the owner's and admins'
// actions on the people above, one a minute back in time), for the audit log's first page.
const AUDIT_EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 0)
const ACTIONS = [
  'user.updated',
  'user.role_changed',
  'invitation.created',
  'shares.replaced',
  'user.disabled',
]
for (let start = 0; start < AUDIT_EVENTS; start += BATCH) {
  const events = []
  for (let i = start; i < Math.min(AUDIT_EVENTS, start + BATCH); i++) {
    events.push({
      id: randomUUID(),
      org_id: organization.id,
      at: new Date(now.getTime() - (AUDIT_EVENTS - i) * 60_000),
      action: ACTIONS[i % ACTIONS.length] as string,
      actor_id: owner.id,
      actor_name: 'Olivia Owner',
      actor_email: 'owner@bench.example',
      target_type: 'user',
      target_id: randomUUID(),
      target_label: `person.${i}@bench.example`,
      changes: JSON.stringify({ jobTitle: [null, 'Technicien'] }),
      request_id: null,
    })
  }
  await db.insertInto('audit_events').values(events).execute()
}
// Fresh statistics, as autovacuum would have them on a database that grew over time.
await sql`analyze`.execute(db)
const seedSeconds = (performance.now() - started) / 1000

const http = serve({ fetch: server.fetch, port: 0, hostname: '127.0.0.1' })
await new Promise<void>((resolve) => http.once('listening', () => resolve()))
const token = await server.provision.token({
  userId: owner.id,
  orgId: organization.id,
  expiresInSeconds: 3600,
})
console.log(
  JSON.stringify({
    ready: true,
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    token,
    seedSeconds,
    kind,
  }),
)
process.on('SIGTERM', async () => {
  http.close()
  await server.close()
  process.exit(0)
})
