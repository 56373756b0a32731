import { randomUUID } from 'node:crypto'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUsherServer, type UsherServer } from '../src/index'
import { TEST_SECRET } from './support/harness'
import { ownDatabase } from './support/own-database'
import {
  type Instance,
  type SmtpInbox,
  startInstances,
  startSmtpInbox,
  stopInstances,
} from './support/scale-out'

// Two server processes on one PostgreSQL, each with its scheduler sweeping every second: every
// reminder and every lapse notice reaches its recipient once. Needs a real PostgreSQL server (the
// PostgreSQL run of `pnpm --filter @usher/server test` provides DATABASE_URL).
const postgres = process.env.DATABASE_URL
if (!postgres) {
  console.warn('[scheduler-scale-out] skipped: two server processes need a PostgreSQL server (DATABASE_URL).')
}

let own: Awaited<ReturnType<typeof ownDatabase>>
let inbox: SmtpInbox
let instances: Instance[] = []
/** In this process, its scheduler off: provisioning, and the test's view of the database. */
let admin: UsherServer
let orgId: string
let ownerEmail: string
let token: string

beforeAll(async () => {
  if (!postgres) return
  own = await ownDatabase()
  const url = own.options.database && 'url' in own.options.database ? own.options.database.url : undefined
  if (!url) throw new Error('no database of its own')
  inbox = await startSmtpInbox()
  admin = createUsherServer({
    database: { url, poolSize: 2 },
    auth: { secret: TEST_SECRET },
    mailer: { transport: null },
    scheduler: false,
    logger: { info() {}, warn() {}, error: (m, f) => console.error(m, f) },
  })
  await admin.ready
  ownerEmail = `owner.${randomUUID().slice(0, 8)}@example.com`
  const { organization, owner } = await admin.provision.createOrganization({
    name: 'Two instances',
    activated: true,
    owner: { email: ownerEmail, firstName: 'Olivia', lastName: 'Owner' },
  })
  orgId = organization.id
  token = await admin.provision.token({ userId: owner.id, orgId, expiresInSeconds: 600 })
  instances = await startInstances(2, {
    DATABASE_URL: url,
    SMTP_URL: inbox.url,
    USHER_JWT_SECRET: TEST_SECRET,
    FLUSH_MS: '200',
    POOL_SIZE: '4',
    SCHEDULER_PERIOD_SECONDS: '1',
  })
}, 120_000)

afterAll(async () => {
  await stopInstances(instances)
  await admin?.close()
  await inbox?.close()
  await own?.drop()
})

async function eventually(done: () => boolean, ms: number, what: string) {
  const deadline = Date.now() + ms
  while (!done()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`)
    await new Promise((resolve) => setTimeout(resolve, 100))
  }
}

describe.skipIf(!postgres)('given two server processes sweeping one PostgreSQL', () => {
  it('sends each reminder and each lapse notice once', async () => {
    // Both started together: neither engine may have lost the race on pg-boss's schema.
    expect(instances.map((i) => i.scheduler)).toEqual(['started', 'started'])
    const emails = Array.from({ length: 6 }, (_, i) => `remind.${i}.${randomUUID().slice(0, 6)}@example.com`)
    const [first] = instances as [Instance]
    const res = await fetch(`${first.url}/invitations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        invitations: emails.map((email) => ({
          firstName: 'Rémi',
          lastName: 'Rappel',
          email,
          role: 'technician',
        })),
      }),
    })
    expect(res.status).toBe(200)
    await eventually(
      () => emails.every((e) => inbox.countsByRecipient().get(e) === 1),
      20_000,
      'the invitations',
    )

    // Four were sent two days ago and lapse in two days: their reminder is due. Two lapsed a minute ago.
    const now = Date.now()
    const [due, lapsed] = [emails.slice(0, 4), emails.slice(4)]
    const shift = async (addresses: string[], expiresAt: Date) => {
      const users = await admin.db.selectFrom('users').select('id').where('email', 'in', addresses).execute()
      const ids = users.map((u) => u.id)
      await admin.db
        .updateTable('invitations')
        .set({ last_sent_at: new Date(now - 2 * 86_400_000), expires_at: expiresAt })
        .where('user_id', 'in', ids)
        .execute()
      await admin.db
        .updateTable('users')
        .set({ invitation_expires_at: expiresAt })
        .where('id', 'in', ids)
        .execute()
    }
    await shift(due, new Date(now + 2 * 86_400_000))
    await shift(lapsed, new Date(now - 60_000))

    await eventually(
      () =>
        due.every((e) => inbox.countsByRecipient().get(e) === 2) &&
        (inbox.countsByRecipient().get(ownerEmail) ?? 0) >= 2,
      30_000,
      'the reminders and lapse notices',
    )
    // A few more sweeps by both processes change nothing.
    await new Promise((resolve) => setTimeout(resolve, 4000))
    const counts = inbox.countsByRecipient()
    for (const e of due) expect(counts.get(e)).toBe(2)
    for (const e of lapsed) expect(counts.get(e)).toBe(1)
    expect(counts.get(ownerEmail)).toBe(2)

    const notices = await admin.db
      .selectFrom('invitation_notices')
      .select(['kind'])
      .where('org_id', '=', orgId)
      .execute()
    expect(notices.filter((n) => n.kind === 'reminder')).toHaveLength(4)
    expect(notices.filter((n) => n.kind === 'lapsed')).toHaveLength(2)
  }, 90_000)
})
