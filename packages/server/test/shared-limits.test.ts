import { randomBytes, randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { createUsherServer, databaseRateLimitStore, type UsherServer } from '../src/index'
import { createTestOrg, startTestServer, TEST_SECRET, type TestServer } from './support/harness'
import { ownDatabase } from './support/own-database'

// Two servers on one database, as behind a load balancer: the sign-in and public-link limits
// count in the database, so the second instance does not add a budget of its own.

const LIMITS = { loginAttempts: 4, publicPerMinute: 3 }
const PASSWORD = 'a long enough password 123'

let own: Awaited<ReturnType<typeof ownDatabase>>
let first: TestServer
let second: { url: string; server: UsherServer; close(): Promise<void> }

beforeAll(async () => {
  // A fresh database (PGlite in memory, or a throw-away one beside DATABASE_URL): the limits'
  // keys are the client address, which every test file shares on loopback.
  own = await ownDatabase()
  // `store: undefined` keeps the server's default store, the database (the harness would give the
  // test server a namespace of its own).
  first = await startTestServer({ ...own.options, limits: { ...LIMITS, store: undefined } })
  const server = createUsherServer({
    database: own.options.database ?? { kysely: first.server.db },
    auth: { secret: TEST_SECRET },
    clock: first.clock.now,
    logger: { info() {}, warn() {}, error: (m, f) => console.error(m, f) },
    limits: LIMITS,
  })
  await server.ready
  const http = serve({ fetch: server.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => http.once('listening', () => resolve()))
  second = {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    server,
    async close() {
      await new Promise<void>((resolve) => http.close(() => resolve()))
      // On PGlite the second server borrows the first one's database: closing it closes nothing.
      await server.close()
    },
  }
})
afterAll(async () => {
  await second?.close()
  await first?.close()
  await own?.drop()
})
// Every limit here has a window of 15 minutes at most: each test starts with fresh windows.
beforeEach(() => first.clock.advanceSeconds(16 * 60))

const post = (base: string, path: string, body: unknown) =>
  fetch(`${base}${path}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(body),
  })
const code = async (res: Response) => ((await res.json()) as { code?: string }).code

describe('given two servers on one database', () => {
  it('counts sign-in attempts against one budget, whichever server answers', async () => {
    const org = await createTestOrg(first)
    const member = await org.addMember({ role: 'technician', password: PASSWORD })
    const email = member.user.email
    const bases = [first.url, second.url]
    for (let i = 0; i < LIMITS.loginAttempts; i++) {
      const res = await post(bases[i % 2] as string, '/auth/login', { email, password: `guess ${i}` })
      expect([res.status, await code(res)]).toEqual([401, 'invalid_credentials'])
    }
    // Each server alone has seen two attempts of four: only a shared count refuses now.
    for (const base of bases) {
      const res = await post(base, '/auth/login', { email, password: PASSWORD })
      expect([res.status, await code(res)]).toEqual([429, 'rate_limited'])
      expect(Number(res.headers.get('Retry-After'))).toBeGreaterThan(0)
      expect(Number(res.headers.get('Retry-After'))).toBeLessThanOrEqual(15 * 60)
    }
    // The window ends for both at once.
    first.clock.advanceSeconds(15 * 60)
    const res = await post(second.url, '/auth/login', { email, password: PASSWORD })
    expect(res.status).toBe(200)
  })

  it('counts invitation-link lookups against one budget', async () => {
    const token = randomBytes(32).toString('base64url')
    const lookup = (base: string) => fetch(`${base}/invitations/lookup?token=${token}`)
    const answers: number[] = []
    for (let i = 0; i < LIMITS.publicPerMinute; i++)
      answers.push((await lookup(i % 2 ? second.url : first.url)).status)
    expect(answers).not.toContain(429)
    expect((await lookup(second.url)).status).toBe(429)
    expect((await lookup(first.url)).status).toBe(429)
    // A password-reset link page shares the same per-address budget.
    expect((await fetch(`${first.url}/auth/password-reset/lookup?token=${token}`)).status).toBe(429)
    first.clock.advanceSeconds(60)
    expect((await lookup(second.url)).status).not.toBe(429)
  })

  it('counts the client address a trusted proxy forwards, and ignores the header otherwise', async () => {
    const token = randomBytes(32).toString('base64url')
    const lookup = (base: string, forwardedFor: string) =>
      fetch(`${base}/invitations/lookup?token=${token}`, { headers: { 'X-Forwarded-For': forwardedFor } })
    // Without trustProxy any client writes the header: changing it does not buy a new budget.
    const spoofed = []
    for (let i = 0; i <= LIMITS.publicPerMinute; i++)
      spoofed.push((await lookup(first.url, `198.51.100.${i}`)).status)
    expect(spoofed.at(-1)).toBe(429)

    first.clock.advanceSeconds(60)
    const behindProxy = createUsherServer({
      database: { kysely: first.server.db },
      scheduler: false,
      auth: { secret: TEST_SECRET },
      clock: first.clock.now,
      logger: { info() {}, warn() {}, error() {} },
      limits: LIMITS,
      trustProxy: 1,
    })
    const http = serve({ fetch: behindProxy.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((resolve) => http.once('listening', () => resolve()))
    try {
      const base = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
      for (let i = 0; i < LIMITS.publicPerMinute; i++)
        expect((await lookup(base, '203.0.113.7')).status).not.toBe(429)
      expect((await lookup(base, '203.0.113.7')).status).toBe(429)
      // Another client behind the same proxy keeps its own budget…
      expect((await lookup(base, '203.0.113.8')).status).not.toBe(429)
      // …and what a client writes left of the proxy's entry changes nothing.
      expect((await lookup(base, 'anything, 203.0.113.7')).status).toBe(429)
    } finally {
      await new Promise<void>((resolve) => http.close(() => resolve()))
    }
  })

  it('loses no hit when both servers count at the same moment', async () => {
    const key = `race:${randomUUID()}`
    const one = databaseRateLimitStore(first.server.db)
    const other = databaseRateLimitStore(second.server.db)
    const now = first.clock.now()
    const hits = await Promise.all(
      Array.from({ length: 40 }, (_, i) => (i % 2 ? other : one).hit(key, 60, now)),
    )
    const counts = hits.map((hit) => hit.count).sort((a, b) => a - b)
    expect(counts).toEqual(Array.from({ length: 40 }, (_, i) => i + 1))
  })

  it('keeps no address in the table and deletes the windows that ended', async () => {
    const db = first.server.db
    const email = `kept.${randomUUID().slice(0, 8)}@example.com`
    await post(first.url, '/auth/login', { email, password: 'not the password' })
    const keys = (await db.selectFrom('rate_limits').select('key').execute()).map((r) => r.key)
    expect(keys.length).toBeGreaterThan(0)
    expect(keys.join(' ')).not.toMatch(/@|127\.0\.0\.1|login/)

    // A window that ended an hour ago by the database's clock.
    const ended = 'ended-window-of-a-test'
    await db
      .insertInto('rate_limits')
      .values({ key: ended, count: 3, expires_at: new Date(Date.now() - 3_600_000) })
      .execute()
    const kept = async () =>
      (await db.selectFrom('rate_limits').select('key').where('key', '=', ended).execute()).length
    expect(await kept()).toBe(1)
    // A store's first hit purges (then at most every five minutes): a new server's, here.
    await databaseRateLimitStore(db).hit(`after:${randomUUID()}`, 60, new Date())
    expect(await kept()).toBe(0)
  })
})
