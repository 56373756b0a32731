import { createServer, Socket } from 'node:net'
import { PGlite } from '@electric-sql/pglite'
import { createUsherClient } from '@usher/sdk'
import { Kysely, type KyselyPlugin } from 'kysely'
import { PGliteDialect } from 'kysely-pglite-dialect'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { Database } from '../src/index'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'

const ROWS = 300

function batch(tag: string) {
  return Array.from({ length: ROWS }, (_, i) => ({
    firstName: 'Camille',
    lastName: 'Martin',
    email: `camille.${tag}.${i}@example.com`,
    role: 'technician',
  }))
}

/** Rows of the organization with these emails: each must exist exactly once. */
async function countCreated(t: TestServer, orgId: string, tag: string) {
  const db = t.server.db
  const users = await db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('email', 'like', `camille.${tag}.%`)
    .executeTakeFirstOrThrow()
  const invitations = await db
    .selectFrom('invitations')
    .innerJoin('users', 'users.id', 'invitations.user_id')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('users.org_id', '=', orgId)
    .where('users.email', 'like', `camille.${tag}.%`)
    .executeTakeFirstOrThrow()
  const mails = await db
    .selectFrom('outbox')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('to_address', 'like', `camille.${tag}.%`)
    .executeTakeFirstOrThrow()
  return { users: Number(users.n), invitations: Number(invitations.n), mails: Number(mails.n) }
}

/**
 * A TCP proxy between the server and PostgreSQL that can cut every connection at once: the
 * closest thing to a network drop, with the real driver and the real server on both sides.
 */
async function startProxy(target: URL) {
  const sockets = new Set<Socket>()
  let onClientData: ((chunk: Buffer) => void) | null = null
  const proxy = createServer((client) => {
    const upstream = new Socket()
    upstream.connect(Number(target.port || 5432), target.hostname)
    sockets.add(client)
    sockets.add(upstream)
    client.on('data', (chunk: Buffer) => {
      onClientData?.(chunk)
      if (!upstream.destroyed) upstream.write(chunk)
    })
    upstream.on('data', (chunk: Buffer) => {
      if (!client.destroyed) client.write(chunk)
    })
    const end = () => {
      client.destroy()
      upstream.destroy()
      sockets.delete(client)
      sockets.delete(upstream)
    }
    client.on('close', end)
    upstream.on('close', end)
    client.on('error', end)
    upstream.on('error', end)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', () => resolve()))
  const port = (proxy.address() as { port: number }).port
  return {
    url: `postgres://${target.username ? `${target.username}@` : ''}127.0.0.1:${port}${target.pathname}`,
    /** Cuts every connection the first time `pattern` crosses towards the database. */
    cutOn(pattern: string, onCut: () => void) {
      onClientData = (chunk) => {
        if (chunk.toString('latin1').includes(pattern)) {
          onClientData = null
          for (const socket of sockets) socket.destroy()
          onCut()
        }
      }
    },
    close: () => new Promise<void>((resolve) => proxy.close(() => resolve())),
  }
}

describe.runIf(process.env.DATABASE_URL)(
  'given PostgreSQL whose connection drops in the middle of a batch invitation',
  () => {
    let t: TestServer
    let proxy: Awaited<ReturnType<typeof startProxy>>
    beforeAll(async () => {
      proxy = await startProxy(new URL(process.env.DATABASE_URL as string))
      t = await startTestServer({ database: { url: proxy.url } })
    })
    afterAll(async () => {
      await t?.close()
      await proxy?.close()
    })

    it('the retry with the same idempotency key creates every row exactly once', async () => {
      const org = await createTestOrg(t)
      let cuts = 0
      proxy.cutOn('insert into "invitations"', () => cuts++)
      // The SDK retries a keyed POST after a 503, with the same Idempotency-Key.
      const client = createUsherClient({
        baseUrl: t.url,
        token: () => org.owner.token(),
        retry: { limit: 3, delay: () => 50 },
      })
      const result = await client.invitations.create({ invitations: batch('drop') })
      expect(cuts).toBe(1)
      expect(result.created).toBe(ROWS)
      expect(result.failed).toBe(0)
      expect(await countCreated(t, org.id, 'drop')).toEqual({ users: ROWS, invitations: ROWS, mails: ROWS })
    })

    it('a second request with the key while the first runs gets 409, and the rows exist once', async () => {
      const org = await createTestOrg(t)
      const token = await org.owner.token()
      const send = () =>
        fetch(`${t.url}/invitations`, {
          method: 'POST',
          headers: {
            Authorization: `Bearer ${token}`,
            'Content-Type': 'application/json',
            'Idempotency-Key': 'same-key-0001',
          },
          body: JSON.stringify({ invitations: batch('twice') }),
        })
      const [a, b] = await Promise.all([send(), send()])
      const statuses = [a.status, b.status].sort()
      // Either the second arrived while the first held the key (409 with Retry-After), or after it
      // finished (a replay of the same answer).
      if (statuses[1] === 409) {
        expect(statuses).toEqual([200, 409])
        const conflict = a.status === 409 ? a : b
        expect(conflict.headers.get('retry-after')).toBe('1')
        expect((await conflict.json()).code).toBe('idempotency_in_progress')
      } else {
        expect(statuses).toEqual([200, 200])
        expect([a.headers.get('idempotent-replayed'), b.headers.get('idempotent-replayed')]).toContain('true')
      }
      expect(await countCreated(t, org.id, 'twice')).toEqual({ users: ROWS, invitations: ROWS, mails: ROWS })
    })
  },
)

/** Fails the first INSERT into a table with a connection-loss error, as node-postgres reports one. */
function dropOnce(table: string): KyselyPlugin & { armed: boolean; fired: number } {
  const plugin = {
    armed: false,
    fired: 0,
    transformQuery(args: { node: { kind: string; into?: { table?: { identifier?: { name?: string } } } } }) {
      if (
        plugin.armed &&
        args.node.kind === 'InsertQueryNode' &&
        args.node.into?.table?.identifier?.name === table
      ) {
        plugin.armed = false
        plugin.fired++
        throw Object.assign(new Error('Connection terminated unexpectedly'), { code: '08006' })
      }
      return args.node
    },
    async transformResult(args: { result: unknown }) {
      return args.result
    },
  }
  return plugin as unknown as KyselyPlugin & { armed: boolean; fired: number }
}

describe('given an embedded database that fails in the middle of a batch invitation', () => {
  let t: TestServer
  const fault = dropOnce('invitations')
  beforeAll(async () => {
    const kysely = new Kysely<Database>({ dialect: new PGliteDialect(new PGlite()), plugins: [fault] })
    t = await startTestServer({ database: { kysely } })
  })
  afterAll(async () => {
    await t?.server.db.destroy()
    await t?.close()
  })

  it('answers 503, rolls the whole batch back, and the keyed retry creates every row once', async () => {
    const org = await createTestOrg(t)
    const token = await org.owner.token()
    const send = () =>
      fetch(`${t.url}/invitations`, {
        method: 'POST',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'Idempotency-Key': 'fault-key-0001',
        },
        body: JSON.stringify({ invitations: batch('pglite') }),
      })
    fault.armed = true
    const first = await send()
    expect(fault.fired).toBe(1)
    expect(first.status).toBe(503)
    expect(first.headers.get('retry-after')).not.toBeNull()
    expect(await countCreated(t, org.id, 'pglite')).toEqual({ users: 0, invitations: 0, mails: 0 })

    const retry = await send()
    expect(retry.status).toBe(200)
    expect((await retry.json()).created).toBe(ROWS)
    const replay = await send()
    expect(replay.headers.get('idempotent-replayed')).toBe('true')
    expect(await countCreated(t, org.id, 'pglite')).toEqual({ users: ROWS, invitations: ROWS, mails: ROWS })
  })
})
