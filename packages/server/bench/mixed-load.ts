/**
 * Mixed load on two instances (`pnpm bench`, PostgreSQL only): two server processes on one fresh
 * PostgreSQL database behind a round-robin proxy, a real SMTP server in this process, and
 * MIXED_WORKERS clients for BENCH_MIXED_SECONDS (60 by default) sending reads (lists, searches,
 * groups, a person's shares), invitations, share changes and imports. Afterwards everything is
 * counted from the database and the SMTP server: each invited or imported address is one person,
 * each outbox message arrived exactly once, each person's shares are what the last change left.
 */
import { randomUUID } from 'node:crypto'
import { createUsherClient, runImport } from '@usher/sdk'
import pg from 'pg'
import { createUsherServer } from '../src/index'
import { roundRobinProxy } from '../test/support/round-robin-proxy'
import { startInstances, startSmtpInbox, stopInstances } from '../test/support/scale-out'

const SECRET = 'bench-secret-bench-secret-bench-secret-0000'
const WORKERS = Number(process.env.MIXED_WORKERS ?? 8)
const PEOPLE_PER_WORKER = 10
const GROUPS = 20

export interface MixedLoadResult {
  seconds: number
  requests: number
  errors: number
  errorSamples: string[]
  p50: number
  p99: number
  byKind: Record<string, { count: number; p50: number; p99: number }>
  /** People created by the load (invitations and imports). */
  created: number
  /** Addresses the load created that are missing or more than once in the database. */
  peopleWrong: number
  /** Outbox messages not received exactly once by the SMTP server. */
  emailsWrong: number
  emails: number
  /** People whose shares differ from what their last change left. */
  sharesWrong: number
}

const percentile = (sorted: number[], p: number) =>
  sorted.length
    ? (sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number)
    : 0
const round = (ms: number) => Math.round(ms * 100) / 100

async function withAdminClient<T>(url: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    return await work(client)
  } finally {
    await client.end()
  }
}

export async function runMixedLoad(sharedUrl: string, seconds: number): Promise<MixedLoadResult> {
  const name = `usher_mixed_${randomUUID().replaceAll('-', '').slice(0, 12)}`
  await withAdminClient(sharedUrl, (c) => c.query(`create database ${name}`))
  const url = new URL(sharedUrl)
  url.pathname = `/${name}`
  const databaseUrl = url.toString()
  const inbox = await startSmtpInbox()
  const instances = await startInstances(2, {
    DATABASE_URL: databaseUrl,
    SMTP_URL: inbox.url,
    USHER_JWT_SECRET: SECRET,
    FLUSH_MS: '250',
  })
  const proxy = await roundRobinProxy(instances.map((i) => i.url))
  const admin = createUsherServer({
    database: { url: databaseUrl, poolSize: 2 },
    auth: { secret: SECRET },
    mailer: { transport: null },
    logger: { info() {}, warn() {}, error: (m, f) => console.error(m, f) },
  })
  try {
    await admin.ready
    const { organization, owner } = await admin.provision.createOrganization({
      name: 'Mixed load',
      activated: true,
      owner: { email: 'owner@mixed.example', firstName: 'Olivia', lastName: 'Owner' },
    })
    const token = await admin.provision.token({
      userId: owner.id,
      orgId: organization.id,
      expiresInSeconds: 3600,
    })
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
    const api = async (path: string, init: RequestInit = {}) => {
      const res = await fetch(`${proxy.url}${path}`, { ...init, headers: { ...headers, ...init.headers } })
      const text = await res.text()
      if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${text.slice(0, 200)}`)
      return text ? JSON.parse(text) : null
    }

    const groupIds: string[] = []
    for (let g = 0; g < GROUPS; g++) {
      const group = await api('/groups', { method: 'POST', body: JSON.stringify({ name: `Site ${g + 1}` }) })
      groupIds.push(group.id)
    }
    // Each worker changes the shares of its own people only, so the last change of each is known.
    const seeded = await api('/invitations', {
      method: 'POST',
      body: JSON.stringify({
        invitations: Array.from({ length: WORKERS * PEOPLE_PER_WORKER }, (_, i) => ({
          firstName: 'Camille',
          lastName: `Équipe ${String.fromCharCode(65 + (i % 26))}`,
          email: `seeded.${i}@mixed.example`,
          role: 'technician',
        })),
      }),
    })
    const people: string[] = seeded.results.map((r: { user: { id: string } }) => r.user.id)

    const created: string[] = []
    const expectedShares = new Map<string, Set<string>>(people.map((id) => [id, new Set()]))
    const samples: Record<string, number[]> = {}
    const errors: string[] = []
    const client = createUsherClient({ baseUrl: proxy.url, token, retry: 0, timeout: 60_000 })
    const pick = <T>(list: readonly T[]) => list[Math.floor(Math.random() * list.length)] as T
    let serial = 0

    const operations: Array<[weight: number, kind: string, run: (worker: number) => Promise<void>]> = [
      [30, 'read: users page', async () => void (await api('/users?limit=50'))],
      [
        10,
        'read: users search',
        async () => void (await api(`/users?limit=20&q=${pick(['cam', 'équ', 'imp'])}`)),
      ],
      [10, 'read: groups', async () => void (await api('/groups'))],
      [
        10,
        'read: a person and their shares',
        async (w) => {
          const id = pick(people.slice(w * PEOPLE_PER_WORKER, (w + 1) * PEOPLE_PER_WORKER))
          await api(`/users/${id}`)
          await api(`/users/${id}/shares`)
        },
      ],
      [
        15,
        'write: invitation (1-3 people)',
        async () => {
          const emails = Array.from(
            { length: 1 + Math.floor(Math.random() * 3) },
            () => `invited.${serial++}.${randomUUID().slice(0, 6)}@mixed.example`,
          )
          await api('/invitations', {
            method: 'POST',
            headers: { 'Idempotency-Key': randomUUID() },
            body: JSON.stringify({
              invitations: emails.map((email) => ({
                firstName: 'Noé',
                lastName: 'Invité',
                email,
                role: 'technician',
              })),
            }),
          })
          created.push(...emails)
        },
      ],
      [
        15,
        'write: share change',
        async (w) => {
          const mine = people.slice(w * PEOPLE_PER_WORKER, (w + 1) * PEOPLE_PER_WORKER)
          const userIds = [pick(mine), pick(mine)].filter((id, i, all) => all.indexOf(id) === i)
          const groups = [pick(groupIds), pick(groupIds)].filter((id, i, all) => all.indexOf(id) === i)
          const share = Math.random() < 0.6
          await api('/shares/bulk', {
            method: 'POST',
            headers: { 'Idempotency-Key': randomUUID() },
            body: JSON.stringify(
              share
                ? { action: 'share', userIds, groupIds: groups, permission: 'view' }
                : { action: 'unshare', userIds, groupIds: groups },
            ),
          })
          for (const id of userIds)
            for (const g of groups) expectedShares.get(id)?.[share ? 'add' : 'delete'](g)
        },
      ],
      [
        10,
        'write: import (5 rows)',
        async () => {
          const stamp = `${serial++}.${randomUUID().slice(0, 6)}`
          const rows = Array.from({ length: 5 }, (_, i) => ({
            line: i + 2,
            firstName: 'Léa',
            lastName: 'Importée',
            email: `imported.${stamp}.${i}@mixed.example`,
            role: 'technician',
          }))
          const result = await runImport(client, {
            rows,
            fileName: 'people.csv',
            format: 'csv',
            chunkSize: 5,
          })
          if (result.counts.created !== 5) throw new Error(`import: ${JSON.stringify(result.counts)}`)
          created.push(...rows.map((r) => r.email))
        },
      ],
    ]
    const totalWeight = operations.reduce((sum, [w]) => sum + w, 0)
    const choose = () => {
      let r = Math.random() * totalWeight
      for (const op of operations) {
        r -= op[0]
        if (r < 0) return op
      }
      return operations[0] as (typeof operations)[number]
    }

    const deadline = Date.now() + seconds * 1000
    await Promise.all(
      Array.from({ length: WORKERS }, async (_, worker) => {
        while (Date.now() < deadline) {
          const [, kind, run] = choose()
          const t0 = performance.now()
          try {
            await run(worker)
            const list = samples[kind] ?? []
            list.push(performance.now() - t0)
            samples[kind] = list
          } catch (error) {
            errors.push(`${kind}: ${error instanceof Error ? error.message : String(error)}`)
          }
        }
      }),
    )

    // Counted once both instances drained the outbox.
    const db = admin.db
    const unsent = async () =>
      Number(
        (
          await db
            .selectFrom('outbox')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('sent_at', 'is', null)
            .executeTakeFirstOrThrow()
        ).n,
      )
    const drainDeadline = Date.now() + 60_000
    while ((await unsent()) > 0 && Date.now() < drainDeadline) await new Promise((r) => setTimeout(r, 250))
    await new Promise((r) => setTimeout(r, 1500))

    const outbox = await db.selectFrom('outbox').select('to_address').execute()
    const expectedMail = new Map<string, number>()
    for (const { to_address } of outbox) expectedMail.set(to_address, (expectedMail.get(to_address) ?? 0) + 1)
    const received = inbox.countsByRecipient()
    let emailsWrong = 0
    for (const address of new Set([...expectedMail.keys(), ...received.keys()])) {
      emailsWrong += Math.abs((expectedMail.get(address) ?? 0) - (received.get(address) ?? 0))
    }

    const rows = await db
      .selectFrom('users')
      .select(['email'])
      .where('org_id', '=', organization.id)
      .execute()
    const inDatabase = new Map<string, number>()
    for (const { email } of rows) inDatabase.set(email, (inDatabase.get(email) ?? 0) + 1)
    const peopleWrong =
      created.filter((email) => inDatabase.get(email) !== 1).length +
      // Nobody the load did not create: owner, seeded people and the created ones, nothing else.
      Math.abs(rows.length - (1 + people.length + created.length))

    const shares = await db.selectFrom('shares').select(['user_id', 'group_id', 'permission']).execute()
    const actual = new Map<string, Set<string>>(people.map((id) => [id, new Set()]))
    for (const s of shares) if (s.permission === 'view') actual.get(s.user_id)?.add(s.group_id)
    const sharesWrong =
      people.filter((id) => {
        const a = actual.get(id) as Set<string>
        const e = expectedShares.get(id) as Set<string>
        return a.size !== e.size || [...e].some((g) => !a.has(g))
      }).length + shares.filter((s) => s.permission !== 'view').length

    const all = Object.values(samples)
      .flat()
      .sort((a, b) => a - b)
    const byKind: MixedLoadResult['byKind'] = {}
    for (const [kind, list] of Object.entries(samples)) {
      list.sort((a, b) => a - b)
      byKind[kind] = {
        count: list.length,
        p50: round(percentile(list, 0.5)),
        p99: round(percentile(list, 0.99)),
      }
    }
    return {
      seconds,
      requests: all.length,
      errors: errors.length,
      errorSamples: errors.slice(0, 5),
      p50: round(percentile(all, 0.5)),
      p99: round(percentile(all, 0.99)),
      byKind,
      created: created.length,
      peopleWrong,
      emailsWrong,
      emails: outbox.length,
      sharesWrong,
    }
  } finally {
    await proxy.close()
    await stopInstances(instances)
    await admin.close()
    await inbox.close()
    await withAdminClient(sharedUrl, (c) => c.query(`drop database if exists ${name} with (force)`))
  }
}

// `tsx bench/mixed-load.ts` alone: one run, printed.
if (import.meta.url === `file://${process.argv[1]}`) {
  const shared = process.env.DATABASE_URL
  if (!shared) throw new Error('the mixed load needs DATABASE_URL (scripts/with-postgres.mjs)')
  console.log(
    JSON.stringify(await runMixedLoad(shared, Number(process.env.BENCH_MIXED_SECONDS ?? 60)), null, 2),
  )
}
