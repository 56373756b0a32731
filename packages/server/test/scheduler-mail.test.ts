import { randomUUID } from 'node:crypto'
import { describe, expect, it } from 'vitest'
import { JOBS, MAIL_MAX_ATTEMPTS, type MailMessage, type MailTransport } from '../src/index'
import { createTestOrg } from './support/harness'
import { schedulerServerPerFile } from './support/scheduler-server'

// The scheduler (pg-boss on the server's database: PGlite here, PostgreSQL on the CI run) retries
// failed sends with backoff on the server's clock, gives up after a bound with the reason kept,
// and never sends a message twice. The clock is the test's: a retry is due when the test says so.

const delivered: (MailMessage & { from: string })[] = []
const attempts = new Map<string, number>()
/** Addresses whose relay refuses the first n sends (Infinity: every one). */
const failFirst = new Map<string, number>()
const transport: MailTransport = {
  async send(message) {
    const n = (attempts.get(message.to) ?? 0) + 1
    attempts.set(message.to, n)
    if (n <= (failFirst.get(message.to) ?? 0)) throw new Error(`451 relay busy (try ${n})`)
    delivered.push(message)
  },
}

const server = schedulerServerPerFile({ transport, from: 'Usher <no-reply@usher.test>' })

/** The owner's notice, through the SDK (the real client always has it). */
const mailProblems = async (client: Awaited<ReturnType<typeof createTestOrg>>['owner']['client']) => {
  const list = await client.organization.mailProblems?.()
  if (!list) throw new Error('the client has no mailProblems')
  return list
}

const address = () => `retry.${randomUUID().slice(0, 8)}@example.com`
const scheduler = () => {
  const { scheduler } = server().server
  if (!scheduler) throw new Error('the scheduler is off')
  return scheduler
}
const outboxTo = (to: string) =>
  server().server.db.selectFrom('outbox').selectAll().where('to_address', '=', to).executeTakeFirstOrThrow()

async function until(done: () => Promise<boolean>, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await done())) {
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

async function invite(org: Awaited<ReturnType<typeof createTestOrg>>, to: string) {
  await org.owner.client.invitations.create({
    invitations: [{ firstName: 'Rita', lastName: 'Retry', email: to, role: 'technician' }],
  })
  // The request's own delivery runs after its response: wait for its first attempt.
  await until(async () => (attempts.get(to) ?? 0) >= 1)
  await until(async () => (await outboxTo(to)).claimed_at === null)
}

describe('given a relay that refuses the first two sends', () => {
  it('sends the message once, on the third try, each retry after its backoff', async () => {
    const org = await createTestOrg(server())
    const to = address()
    failFirst.set(to, 2)
    await invite(org, to)

    let row = await outboxTo(to)
    expect(row).toMatchObject({
      attempts: 1,
      sent_at: null,
      failed_at: null,
      error: '451 relay busy (try 1)',
    })
    const problems = await mailProblems(org.owner.client)
    expect(problems).toMatchObject({ total: 1, gaveUp: 0 })
    expect(problems.items[0]).toMatchObject({
      to,
      attempts: 1,
      lastError: '451 relay busy (try 1)',
      gaveUpAt: null,
    })

    // Not due yet: the first retry waits a minute.
    await scheduler().runNow(JOBS.mail)
    expect(attempts.get(to)).toBe(1)

    server().clock.advanceSeconds(61)
    await scheduler().runNow(JOBS.mail)
    expect(attempts.get(to)).toBe(2)
    row = await outboxTo(to)
    expect(row).toMatchObject({ attempts: 2, sent_at: null, error: '451 relay busy (try 2)' })

    // The second retry waits four minutes.
    server().clock.advanceSeconds(120)
    await scheduler().runNow(JOBS.mail)
    expect(attempts.get(to)).toBe(2)
    server().clock.advanceSeconds(121)
    await scheduler().runNow(JOBS.mail)
    expect(attempts.get(to)).toBe(3)
    expect(delivered.filter((m) => m.to === to)).toHaveLength(1)
    row = await outboxTo(to)
    expect(row.sent_at).not.toBeNull()

    // Delivered: later runs leave it alone, and the owner's notice is clear again.
    server().clock.advanceSeconds(3600)
    await scheduler().runNow(JOBS.mail)
    expect(attempts.get(to)).toBe(3)
    expect(delivered.filter((m) => m.to === to)).toHaveLength(1)
    expect(await mailProblems(org.owner.client)).toMatchObject({
      total: 0,
      gaveUp: 0,
      items: [],
    })
  }, 60_000)
})

describe('given a relay that refuses every send to one address', () => {
  it('gives up after the bound, keeps the reason and shows it to the owner', async () => {
    const org = await createTestOrg(server())
    const to = address()
    failFirst.set(to, Number.POSITIVE_INFINITY)
    await invite(org, to)
    for (let run = 1; run < MAIL_MAX_ATTEMPTS; run++) {
      server().clock.advanceSeconds(5 * 3600)
      await scheduler().runNow(JOBS.mail)
    }
    expect(attempts.get(to)).toBe(MAIL_MAX_ATTEMPTS)
    const row = await outboxTo(to)
    expect(row.failed_at).not.toBeNull()
    expect(row.error).toBe(`451 relay busy (try ${MAIL_MAX_ATTEMPTS})`)

    server().clock.advanceSeconds(24 * 3600)
    await scheduler().runNow(JOBS.mail)
    expect(attempts.get(to)).toBe(MAIL_MAX_ATTEMPTS)

    const problems = await mailProblems(org.owner.client)
    expect(problems).toMatchObject({ total: 1, gaveUp: 1 })
    expect(problems.items[0]).toMatchObject({
      to,
      kind: 'invitation',
      attempts: MAIL_MAX_ATTEMPTS,
      lastError: `451 relay busy (try ${MAIL_MAX_ATTEMPTS})`,
      nextAttemptAt: null,
    })
    expect(problems.items[0]?.gaveUpAt).not.toBeNull()
    // No link is shown: the list carries the subject, never the message's text.
    expect(JSON.stringify(problems)).not.toMatch(/token=/)
  }, 60_000)

  it('answers 403 to an administrator: the notice is the owner’s', async () => {
    const org = await createTestOrg(server())
    const admin = await org.addMember({ role: 'admin' })
    await expect(mailProblems(admin.client)).rejects.toMatchObject({ status: 403 })
  })
})
