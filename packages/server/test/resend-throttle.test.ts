import { randomUUID } from 'node:crypto'
import { isUsherApiError, type UsherApiError } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { memoryRateLimitStore } from '../src/domain/rate-limit-store'
import { createUsherServer } from '../src/index'
import { createTestOrg, startTestServer, TEST_SECRET, type TestServer } from './support/harness'

// The daily cap on resending an invitation is counted in the database: it holds across instances
// and a refused or rolled-back resend does not use it up (security review, finding 7).

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ limits: { resendPerDay: 2, resendIntervalSeconds: 60 } })
})
afterAll(() => t.close())

async function rejection(promise: Promise<unknown>): Promise<UsherApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!isUsherApiError(error)) throw new Error(`Expected an API error, got ${String(error)}`)
  return error
}

const address = () => `resend.${randomUUID().slice(0, 8)}@example.com`

async function invite(org: Awaited<ReturnType<typeof createTestOrg>>, email: string) {
  const result = await org.owner.client.invitations.create({
    invitations: [{ firstName: 'Re', lastName: 'Send', email, role: 'technician' }],
  })
  const row = result.results[0]
  if (row?.status !== 'created') throw new Error(`not created: ${JSON.stringify(row)}`)
  return row
}

describe('given the daily resend cap', () => {
  it('counts the sends of every instance', async () => {
    const org = await createTestOrg(t)
    const { invitation } = await invite(org, address())
    // A second instance on the same database, as behind a load balancer.
    const second = createUsherServer({
      database: { kysely: t.server.db },
      scheduler: false,
      auth: { secret: TEST_SECRET },
      clock: () => t.clock.now(),
      limits: { resendPerDay: 2, resendIntervalSeconds: 60 },
      logger: { info() {}, warn() {}, error() {} },
    })
    await second.ready
    const resendOnSecond = async () =>
      second.request(`/invitations/${invitation.id}/resend`, {
        method: 'POST',
        headers: { authorization: `Bearer ${await org.owner.token()}` },
      })

    t.clock.advanceSeconds(120)
    await org.owner.client.invitations.resend(invitation.id)
    t.clock.advanceSeconds(120)
    expect((await resendOnSecond()).status).toBe(200)
    t.clock.advanceSeconds(120)
    const third = await rejection(org.owner.client.invitations.resend(invitation.id))
    expect(third).toMatchObject({ status: 429, code: 'rate_limited' })
    expect(third.retryAfter).toBeGreaterThan(23 * 3600)
    expect((await resendOnSecond()).status).toBe(429)
    await second.close()

    // A day after the first resend, one send is free again.
    t.clock.advanceSeconds(24 * 3600 - 200)
    expect((await org.owner.client.invitations.resend(invitation.id)).sendCount).toBe(4)
  })

  it('is not used up by resends that were refused', async () => {
    const org = await createTestOrg(t, { seats: 1 })
    const { invitation } = await invite(org, address())
    t.clock.advanceDays(31)
    // The lapsed invitation freed its seat; someone else takes it.
    const other = await org.addMember({ role: 'technician' })
    for (let i = 0; i < 3; i++) {
      t.clock.advanceSeconds(120)
      expect((await rejection(org.owner.client.invitations.resend(invitation.id))).code).toBe(
        'seat_limit_reached',
      )
    }
    await org.owner.client.users.update(other.user.id, { enabled: false }, { ifMatch: other.user.version })
    expect((await org.owner.client.invitations.resend(invitation.id)).status).toBe('pending')
  })
})

describe('given the in-process rate limit store', () => {
  it('keeps a long window when many short-lived keys are swept', async () => {
    const store = memoryRateLimitStore()
    const at = (ms: number) => new Date(ms)
    expect((await store.hit('login:someone', 3600, at(0))).count).toBe(1)
    expect((await store.hit('login:someone', 3600, at(1000))).count).toBe(2)
    // Enough one-second keys to trigger a sweep; it must judge each entry by its own window.
    for (let i = 0; i <= 50_001; i++) await store.hit(`public:${i}`, 1, at(5000))
    expect(await store.hit('login:someone', 3600, at(6000))).toEqual({ count: 3, resetsAt: at(3_600_000) })
  })
})
