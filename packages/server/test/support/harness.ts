import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import type { User } from '@usher/contract'
import { createUsherClient, type UsherClient } from '@usher/sdk'
import { hashPassword } from '../../src/auth/passwords'
import { insertPerson } from '../../src/domain/people'
import {
  createUsherServer,
  databaseRateLimitStore,
  type UsherServer,
  type UsherServerOptions,
} from '../../src/index'

export const TEST_SECRET = 'test-secret-test-secret-test-secret-0123456789'

/** A clock tests move by hand: expiries without waiting. */
export function testClock(start = new Date()) {
  let current = start.getTime()
  return {
    now: () => new Date(current),
    set: (date: Date) => {
      current = date.getTime()
    },
    advanceDays: (days: number) => {
      current += days * 86_400_000
    },
    advanceSeconds: (seconds: number) => {
      current += seconds * 1000
    },
  }
}

export interface TestServer {
  url: string
  server: UsherServer
  clock: ReturnType<typeof testClock>
  /** An anonymous client (public endpoints). */
  anonymous: UsherClient
  close(): Promise<void>
}

/**
 * One real server per test file, over real HTTP: PGlite in memory, or the PostgreSQL server of
 * DATABASE_URL when set (CI runs the suite on both). Tests create their own organizations.
 */
export async function startTestServer(options: Partial<UsherServerOptions> = {}): Promise<TestServer> {
  const clock = testClock()
  const server = createUsherServer({
    auth: { secret: TEST_SECRET },
    clock: clock.now,
    logger: { info() {}, warn() {}, error: (m, f) => console.error(m, f) },
    links: { acceptInvitationUrl: 'http://app.test/accept', resetPasswordUrl: 'http://app.test/reset' },
    // Off unless a test asks for it: on the PostgreSQL run every file's server shares one
    // database, and one file's scheduler, on its own clock, would sweep the others' invitations.
    scheduler: false,
    ...options,
    // The limits count in the database as in production, under a namespace of this server's own:
    // on the PostgreSQL run every file's server shares one database and one client address, and
    // each file's clock moves on its own.
    limits: {
      store: (db) => databaseRateLimitStore(db, { namespace: randomUUID() }),
      ...options.limits,
    },
  })
  await server.ready
  const http = serve({ fetch: server.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => http.once('listening', () => resolve()))
  const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
  return {
    url,
    server,
    clock,
    anonymous: createUsherClient({ baseUrl: url, retry: 0 }),
    async close() {
      await new Promise<void>((resolve) => http.close(() => resolve()))
      await server.close()
    },
  }
}

let orgCounter = 0

export interface TestPerson {
  user: User
  client: UsherClient
  token(): Promise<string>
}

export interface TestOrg {
  id: string
  slug: string
  owner: TestPerson
  /** Adds an active member with a role, groups and (optionally) a password, straight into the database. */
  addMember(input: {
    role: string
    firstName?: string
    lastName?: string
    email?: string
    groupIds?: string[]
    password?: string
  }): Promise<TestPerson>
  /** A client for any user id of this organization. */
  clientFor(userId: string): UsherClient
}

export async function createTestOrg(
  t: TestServer,
  input: { seats?: number | null; activated?: boolean; name?: string } = {},
): Promise<TestOrg> {
  const n = ++orgCounter
  const tag = `${process.pid}-${n}-${Math.random().toString(36).slice(2, 8)}`
  const { organization, owner } = await t.server.provision.createOrganization({
    name: input.name ?? `Org ${tag}`,
    activated: input.activated ?? true,
    settings: { seats: input.seats ?? null },
    owner: { email: `owner.${tag}@example.com`, firstName: 'Olivia', lastName: 'Owner' },
  })
  const person = (user: User): TestPerson => {
    const token = () => t.server.provision.token({ userId: user.id, orgId: organization.id })
    return { user, token, client: createUsherClient({ baseUrl: t.url, token, retry: 0 }) }
  }
  let members = 0
  return {
    id: organization.id,
    slug: organization.slug,
    owner: person(owner),
    clientFor: (userId) =>
      createUsherClient({
        baseUrl: t.url,
        token: () => t.server.provision.token({ userId, orgId: organization.id }),
        retry: 0,
      }),
    async addMember(member) {
      members++
      const now = t.clock.now()
      const row = await insertPerson(
        t.server.db,
        {
          orgId: organization.id,
          email: member.email ?? `${member.role}.${members}.${tag}@example.com`,
          firstName: member.firstName ?? 'Test',
          lastName:
            member.lastName ??
            `${member.role} ${members}`.replace(/\d+/, (d) => 'ABCDEFGHIJ'[Number(d) % 10] ?? 'X'),
          locale: 'en',
          role: member.role,
          source: 'manual',
          groupIds: member.groupIds ?? [],
          passwordHash: await hashPassword(member.password ?? 'a long enough password 123'),
        },
        now,
      )
      if (!row) throw new Error('email taken')
      const user = await createUsherClient({
        baseUrl: t.url,
        token: () => t.server.provision.token({ userId: row.id, orgId: organization.id }),
      }).users.get(row.id)
      return person(user)
    },
  }
}
