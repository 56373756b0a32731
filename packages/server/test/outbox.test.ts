import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUsherServer, type MailMessage, type MailTransport } from '../src/index'
import { createTestOrg, startTestServer, TEST_SECRET, type TestServer } from './support/harness'
import { ownDatabase } from './support/own-database'

// With a transport, a delivered message keeps no link (its token opens an account), two flushes
// never send one message twice, and old rows are purged (security review, finding 4).

const sent: (MailMessage & { from: string })[] = []
/** While set, every send waits for it: a delivery held in flight. */
let gate: Promise<void> | null = null
const transport: MailTransport = {
  async send(message) {
    if (gate) await gate
    sent.push(message)
  },
}

let t: TestServer
let drop: () => Promise<void>
beforeAll(async () => {
  const own = await ownDatabase()
  drop = own.drop
  t = await startTestServer({ ...own.options, mailer: { transport, from: 'Usher <no-reply@usher.test>' } })
})
afterAll(async () => {
  await t.close()
  await drop()
})

const outboxTo = (address: string) =>
  t.server.db.selectFrom('outbox').selectAll().where('to_address', '=', address).execute()

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const value = await read()
    if (done(value)) return value
    if (Date.now() > deadline) throw new Error('timed out')
    await new Promise((resolve) => setTimeout(resolve, 25))
  }
}

const address = () => `mail.${randomUUID().slice(0, 8)}@example.com`

describe('given a mail transport', () => {
  it('scrubs a delivered message: no link, no body, the subject kept', async () => {
    const org = await createTestOrg(t)
    const to = address()
    await org.owner.client.invitations.create({
      invitations: [{ firstName: 'Ana', lastName: 'Lopez', email: to, role: 'technician' }],
    })
    const [row] = await until(
      () => outboxTo(to),
      (rows) => rows[0]?.sent_at != null,
    )
    const delivered = sent.find((m) => m.to === to)
    expect(delivered?.text).toMatch(/token=[A-Za-z0-9_-]{43}/)
    expect(row).toMatchObject({ link: null, subject: delivered?.subject, error: null })
    expect(row?.text).toBe('[delivered; the link is not kept]')
    expect(row?.html).toContain('[delivered; the link is not kept]')
    expect(`${row?.text}${row?.html}`).not.toMatch(/token=/)
  })

  it('sends a message once when two flushes meet', async () => {
    const org = await createTestOrg(t)
    const to = address()
    let release = () => {}
    gate = new Promise<void>((resolve) => {
      release = resolve
    })
    try {
      await org.owner.client.invitations.create({
        invitations: [{ firstName: 'Bo', lastName: 'Berg', email: to, role: 'technician' }],
      })
      // The delivery after the request holds the message; a flush meanwhile must leave it alone.
      await until(
        () => outboxTo(to),
        (rows) => rows[0]?.claimed_at != null,
      )
      const flushes = Promise.all([t.server.flushMail(), t.server.flushMail()])
      await new Promise((resolve) => setTimeout(resolve, 100))
      release()
      await flushes
    } finally {
      gate = null
      release()
    }
    await until(
      () => outboxTo(to),
      (rows) => rows[0]?.sent_at != null,
    )
    expect(sent.filter((m) => m.to === to)).toHaveLength(1)
  })

  it('retries a message whose sender stopped midway, once its claim is stale', async () => {
    const org = await createTestOrg(t)
    const to = address()
    await t.server.db
      .insertInto('outbox')
      .values({
        id: randomUUID(),
        org_id: org.id,
        to_address: to,
        locale: 'en',
        kind: 'invitation',
        subject: 'Join',
        text: 'http://app.test/accept?token=x',
        html: '<p>x</p>',
        link: 'http://app.test/accept?token=x',
        created_at: t.clock.now(),
        claimed_at: new Date(t.clock.now().getTime() - 60_000),
      })
      .execute()
    await t.server.flushMail()
    expect(sent.filter((m) => m.to === to)).toHaveLength(0)
    t.clock.advanceSeconds(5 * 60)
    await t.server.flushMail()
    expect(sent.filter((m) => m.to === to)).toHaveLength(1)
  })

  it('purges messages older than 30 days at start-up and after deliveries, at most hourly', async () => {
    const org = await createTestOrg(t)
    const old = async (to: string, sentAt: Date | null) => {
      await t.server.db
        .insertInto('outbox')
        .values({
          id: randomUUID(),
          org_id: org.id,
          to_address: to,
          locale: 'en',
          kind: 'invitation',
          subject: 'Old',
          text: 'http://app.test/accept?token=old',
          html: '<p>old</p>',
          link: 'http://app.test/accept?token=old',
          created_at: new Date(t.clock.now().getTime() - 31 * 86_400_000),
          sent_at: sentAt,
        })
        .execute()
    }
    const [a, b, c] = [address(), address(), address()]
    await old(a, null)
    await old(b, t.clock.now())
    // A second server on the same database: its start-up purges.
    const second = createUsherServer({
      database: { kysely: t.server.db },
      scheduler: false,
      auth: { secret: TEST_SECRET },
      clock: () => t.clock.now(),
      mailer: { transport },
      logger: { info() {}, warn() {}, error() {} },
    })
    await second.ready
    await second.close()
    await until(
      async () => [...(await outboxTo(a)), ...(await outboxTo(b))],
      (rows) => rows.length === 0,
    )

    // Within the hour a delivery does not purge again; past it, it does.
    await old(c, t.clock.now())
    const fresh = address()
    await org.owner.client.invitations.create({
      invitations: [{ firstName: 'Cy', lastName: 'Fresh', email: fresh, role: 'technician' }],
    })
    await until(
      () => outboxTo(fresh),
      (rows) => rows[0]?.sent_at != null,
    )
    expect(await outboxTo(c)).toHaveLength(1)
    t.clock.advanceSeconds(2 * 3600)
    const later = address()
    await org.owner.client.invitations.create({
      invitations: [{ firstName: 'Di', lastName: 'Later', email: later, role: 'technician' }],
    })
    await until(
      () => outboxTo(c),
      (rows) => rows.length === 0,
    )
    expect(await outboxTo(fresh)).toHaveLength(1)
  })
})
