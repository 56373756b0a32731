/**
 * The server side of bench/directory-sync.ts, in its own process: one organization with a
 * directory token (invitations off: people sign in by single sign-on, no outbox rows), served on
 * a free port; prints `{ url, secret }`. On `fill N` (stdin) it writes N more people straight into
 * the database — half of them with a directory row whose userName differs from their address —
 * analyzes, and prints the userNames to look up.
 */
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { createInterface } from 'node:readline'
import { serve } from '@hono/node-server'
import { sql } from 'kysely'
import { newOrgTokenSecret } from '../src/domain/org-tokens'
import { searchColumns } from '../src/domain/search'
import { createUsherServer } from '../src/index'

const kind = process.argv.find((a) => a.startsWith('--db='))?.slice(5) ?? 'pglite'
const url = kind === 'postgres' ? process.env.DATABASE_URL : undefined
if (kind === 'postgres' && !url) throw new Error('--db=postgres needs DATABASE_URL')
delete process.env.DATABASE_URL

const server = createUsherServer({
  database: url ? { url } : {},
  auth: { secret: 'bench-secret-bench-secret-bench-secret-0000' },
  logger: { info() {}, warn() {}, error: (m, f) => console.error(m, f) },
})
await server.ready
const { organization } = await server.provision.createOrganization({
  name: `Directory bench ${randomUUID().slice(0, 8)}`,
  owner: { email: 'owner@contoso.example', firstName: 'Olivia', lastName: 'Owner' },
})
const db = server.db
const now = new Date()
const { secret, hash, prefix } = newOrgTokenSecret('scim')
await db
  .insertInto('directory_tokens')
  .values({
    id: randomUUID(),
    org_id: organization.id,
    name: 'Bench',
    prefix,
    token_hash: hash,
    created_at: now,
  })
  .execute()
await db
  .insertInto('directory_settings')
  .values({
    org_id: organization.id,
    settings: JSON.stringify({ defaultRole: 'technician', deprovisioning: 'disable', invitations: 'none' }),
    updated_at: now,
  })
  .execute()

const http = serve({ fetch: server.fetch, port: 0, hostname: '127.0.0.1' })
await new Promise<void>((resolve) => http.once('listening', () => resolve()))
console.log(JSON.stringify({ url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`, secret }))

for await (const line of createInterface({ input: process.stdin })) {
  const [verb, count] = line.split(' ')
  if (verb !== 'fill') continue
  const started = performance.now()
  const n = Number(count)
  const userNames: string[] = []
  for (let start = 0; start < n; start += 1000) {
    const users = []
    const directory = []
    for (let i = start; i < Math.min(n, start + 1000); i++) {
      const id = randomUUID()
      const email = `filled.${i}@contoso.example`
      users.push({
        id,
        org_id: organization.id,
        email,
        first_name: 'Filled',
        last_name: `Person ${i}`,
        locale: 'en',
        role: 'technician',
        enabled: true,
        activated_at: now,
        contact_for: [],
        primary_contact: false,
        must_change_password: false,
        source: i % 2 ? 'scim' : 'import',
        created_at: now,
        ...searchColumns('Filled', `Person ${i}`),
      })
      if (i % 2) {
        const userName = `FP${i}@contoso.onmicrosoft.example`
        directory.push({
          user_id: id,
          org_id: organization.id,
          user_name: userName,
          user_name_key: userName.toLowerCase(),
          attributes: '{}',
          created_at: now,
        })
        if (userNames.length < 5000) userNames.push(userName)
      } else if (userNames.length < 5000) userNames.push(email)
    }
    await db.insertInto('users').values(users).execute()
    if (directory.length) await db.insertInto('directory_users').values(directory).execute()
  }
  await sql`analyze`.execute(db)
  console.log(JSON.stringify({ seconds: (performance.now() - started) / 1000, userNames }))
}
