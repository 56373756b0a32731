import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUsherServer, type UsherServer } from '../src/index'
import { TEST_SECRET } from './support/harness'
import { ownDatabase } from './support/own-database'
import { type RoundRobinProxy, roundRobinProxy } from './support/round-robin-proxy'
import {
  type Instance,
  type SmtpInbox,
  startInstances,
  startSmtpInbox,
  stopInstances,
} from './support/scale-out'

// Two server processes on one PostgreSQL database behind a round-robin balancer, as a host scales
// Usher out. Needs a real PostgreSQL server (PGlite is one process's database): the PostgreSQL run
// of `pnpm --filter @usher/server test` (scripts/with-postgres.mjs) provides DATABASE_URL.
const postgres = process.env.DATABASE_URL
if (!postgres) {
  console.warn(
    '[scale-out] skipped: two server processes need a PostgreSQL server. `pnpm --filter @usher/server test` ' +
      'runs this file again on a throw-away PostgreSQL (scripts/with-postgres.mjs), or set DATABASE_URL.',
  )
}

const LOGIN_ATTEMPTS = 6

let own: Awaited<ReturnType<typeof ownDatabase>>
let inbox: SmtpInbox
let instances: Instance[] = []
let proxy: RoundRobinProxy
/** A third server in this process, without a mail transport: provisioning, and a backlog of mail. */
let admin: UsherServer
let orgId: string
let token: string

beforeAll(async () => {
  if (!postgres) return
  own = await ownDatabase()
  const url = own.options.database && 'url' in own.options.database ? own.options.database.url : undefined
  if (!url) throw new Error('no database of its own')
  inbox = await startSmtpInbox()
  // Started together on a database that has no table yet: both migrate at the same moment.
  instances = await startInstances(2, {
    DATABASE_URL: url,
    SMTP_URL: inbox.url,
    USHER_JWT_SECRET: TEST_SECRET,
    LOGIN_ATTEMPTS: String(LOGIN_ATTEMPTS),
    FLUSH_MS: '100',
    POOL_SIZE: '4',
  })
  proxy = await roundRobinProxy(instances.map((i) => i.url))
  admin = createUsherServer({
    database: { url, poolSize: 2 },
    auth: { secret: TEST_SECRET },
    mailer: { transport: null },
    logger: { info() {}, warn() {}, error: (m, f) => console.error(m, f) },
  })
  await admin.ready
  const { organization, owner } = await admin.provision.createOrganization({
    name: 'Scale-out',
    activated: true,
    owner: { email: `owner.${randomUUID().slice(0, 8)}@example.com`, firstName: 'Olivia', lastName: 'Owner' },
  })
  orgId = organization.id
  token = await admin.provision.token({ userId: owner.id, orgId, expiresInSeconds: 600 })
}, 90_000)

afterAll(async () => {
  await proxy?.close()
  await stopInstances(instances)
  await admin?.close()
  await inbox?.close()
  await own?.drop()
})

const invite = (base: string, emails: string[], key?: string) =>
  fetch(`${base}/invitations`, {
    method: 'POST',
    headers: {
      Authorization: `Bearer ${token}`,
      'Content-Type': 'application/json',
      ...(key ? { 'Idempotency-Key': key } : {}),
    },
    body: JSON.stringify({
      invitations: emails.map((email, i) => ({
        firstName: 'Camille',
        lastName: `Martin ${String.fromCharCode(65 + (i % 26))}`,
        email,
        role: 'technician',
      })),
    }),
  })

const addresses = (n: number, tag: string) =>
  Array.from({ length: n }, (_, i) => `${tag}.${i}.${randomUUID().slice(0, 6)}@example.com`)

/** Waits until `done()` holds (polling), or fails after `ms`. */
async function eventually(done: () => Promise<boolean>, ms: number, what: string) {
  const deadline = Date.now() + ms
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

const unsent = async () =>
  Number(
    (
      await admin.db
        .selectFrom('outbox')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .where('sent_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  )

describe.skipIf(!postgres)('given two server processes on one PostgreSQL behind a balancer', () => {
  it('migrated the new database once, both serve and both run the job engine', async () => {
    expect(instances.map((i) => i.scheduler)).toEqual(['started', 'started'])
    const applied = await admin.db
      .selectFrom('usher_migrations' as never)
      .select('name' as never)
      .execute()
    const names = (applied as Array<{ name: string }>).map((r) => r.name)
    expect(names.length).toBeGreaterThan(0)
    expect(new Set(names).size).toBe(names.length)
    for (const { url } of instances) {
      const res = await fetch(`${url}/me`, { headers: { Authorization: `Bearer ${token}` } })
      expect(res.status).toBe(200)
    }
  })

  it('creates one person, one invitation and one email for a keyed invitation sent to both at once', async () => {
    const [email] = addresses(1, 'keyed') as [string]
    const key = `scale-out-${randomUUID()}`
    const first = await Promise.all(instances.map(({ url }) => invite(url, [email], key)))
    // One does the work; the other finds the key taken (409, retry after a second) or replays it.
    expect(first.map((r) => r.status).sort()).toContain(200)
    const bodies: unknown[] = []
    for (const [i, res] of first.entries()) {
      let answer = res
      for (let attempt = 0; answer.status === 409 && attempt < 10; attempt++) {
        expect(((await answer.json()) as { code: string }).code).toBe('idempotency_in_progress')
        await new Promise((resolve) => setTimeout(resolve, 1000))
        answer = await invite(instances[i]?.url as string, [email], key)
      }
      expect(answer.status).toBe(200)
      bodies.push(await answer.json())
    }
    expect(bodies[1]).toEqual(bodies[0])
    expect(bodies[0]).toMatchObject({ results: [{ status: 'created' }] })

    const users = await admin.db.selectFrom('users').select('id').where('email', '=', email).execute()
    expect(users).toHaveLength(1)
    const invitations = await admin.db
      .selectFrom('invitations')
      .select('id')
      .where('user_id', '=', users[0]?.id as string)
      .execute()
    expect(invitations).toHaveLength(1)
    const mails = await admin.db.selectFrom('outbox').select('id').where('to_address', '=', email).execute()
    expect(mails).toHaveLength(1)
    await eventually(async () => inbox.countsByRecipient().has(email), 15_000, 'the invitation email')
    // Both drain the outbox every 100 ms: long enough for a second send, if there were one.
    await new Promise((resolve) => setTimeout(resolve, 1000))
    expect(inbox.countsByRecipient().get(email)).toBe(1)
  })

  it('sends every message of the outbox exactly once while both drain it', async () => {
    // A backlog written where no transport is (as after an SMTP outage): both instances' drains
    // race for it, while requests through the balancer deliver their own messages after commit.
    const backlog = addresses(60, 'backlog')
    const queued = await admin.request('/invitations', {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        invitations: backlog.map((email) => ({
          firstName: 'Léa',
          lastName: 'Roux',
          email,
          role: 'technician',
        })),
      }),
    })
    expect(queued.status).toBe(200)
    const live = Array.from({ length: 10 }, (_, i) => addresses(3, `live${i}`))
    const answers = await Promise.all(live.map((emails) => invite(proxy.url, emails)))
    expect(answers.map((r) => r.status)).toEqual(live.map(() => 200))

    const everyone = [...backlog, ...live.flat()]
    await eventually(async () => (await unsent()) === 0, 30_000, 'the outbox to drain')
    await eventually(
      async () => everyone.every((email) => inbox.countsByRecipient().has(email)),
      10_000,
      'every message to arrive',
    )
    await new Promise((resolve) => setTimeout(resolve, 1000))
    const counts = inbox.countsByRecipient()
    const notOnce = everyone.filter((email) => counts.get(email) !== 1)
    expect(notOnce).toEqual([])
    expect(proxy.counts.every((n) => n > 0)).toBe(true)
  })

  it('holds the sign-in limit across both', async () => {
    const email = `nobody.${randomUUID().slice(0, 8)}@example.com`
    const login = () =>
      fetch(`${proxy.url}/auth/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email, password: 'a guess that fails' }),
      })
    const before = [...proxy.counts]
    const statuses: number[] = []
    for (let i = 0; i < LOGIN_ATTEMPTS + 2; i++) statuses.push((await login()).status)
    // Each instance answered half: alone, neither would have reached the limit.
    expect(proxy.counts.map((n, i) => n - (before[i] ?? 0))).toEqual([4, 4])
    expect(statuses).toEqual([...Array(LOGIN_ATTEMPTS).fill(401), 429, 429])
  })
})
