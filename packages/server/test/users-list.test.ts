import { randomUUID } from 'node:crypto'
import type { ListUsersQuery, User } from '@usher/contract'
import { isUsherApiError, type UsherApiError, type UsherClient } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertPerson } from '../src/domain/people'
import { createTestOrg, startTestServer, type TestOrg, type TestServer } from './support/harness'

let t: TestServer

async function rejection(promise: Promise<unknown>): Promise<UsherApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!isUsherApiError(error)) throw new Error(`Expected an API error, got ${String(error)}`)
  return error
}

async function addGroup(orgId: string, name: string, parentId: string | null = null) {
  const id = randomUUID()
  await t.server.db
    .insertInto('groups')
    .values({ id, org_id: orgId, name, parent_id: parentId, created_at: t.clock.now() })
    .execute()
  return id
}

const FIRST = [
  'Élodie',
  'Elodie',
  'Léa',
  'Jean',
  'Zoé',
  'Marc',
  'Anne',
  'Étienne',
  'Chloé',
  'Hugo',
  'Sophie',
  'Omar',
]
const LAST = [
  'Dupont',
  'Durand',
  'Lefèvre',
  'Martin',
  'Ortiz',
  'Bernard',
  'Roux',
  'Faure',
  'Abadie',
  'Zidane',
]

/**
 * One organization of 120 people, written straight to the database (no password hashing: a fake
 * hash is enough to make an account active): every status, two roles, nested groups, creation
 * dates one minute apart and last activity on some.
 */
interface Seeded {
  org: TestOrg
  groups: { north: string; northSub: string; south: string }
  admin: { user: User; client: UsherClient }
  all: number
}
let seeded: Seeded

async function seed(): Promise<Seeded> {
  const org = await createTestOrg(t)
  const north = await addGroup(org.id, 'North')
  const northSub = await addGroup(org.id, 'North sub', north)
  const south = await addGroup(org.id, 'South')
  const base = t.clock.now().getTime()
  for (let i = 0; i < 120; i++) {
    const now = new Date(base - (120 - i) * 60_000)
    const first = FIRST[i % FIRST.length] as string
    const last = LAST[Math.floor(i / FIRST.length) % LAST.length] as string
    const status = i % 10 === 0 ? 'disabled' : i % 10 === 1 ? 'invited' : i % 10 === 2 ? 'expired' : 'active'
    const row = await insertPerson(
      t.server.db,
      {
        orgId: org.id,
        email: `${first.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.${i}@list.example`,
        firstName: first,
        lastName: last,
        locale: 'en',
        role: i % 3 === 0 ? 'technician' : i % 3 === 1 ? 'admin' : 'technician',
        enabled: status !== 'disabled',
        source: 'import',
        passwordHash: status === 'active' || status === 'disabled' ? 'not-a-real-hash' : null,
        invitationExpiresAt:
          status === 'invited'
            ? new Date(base + 86_400_000)
            : status === 'expired'
              ? new Date(base - 1000)
              : null,
        groupIds: i % 4 === 0 ? [north] : i % 4 === 1 ? [northSub] : i % 4 === 2 ? [south] : [],
      },
      now,
    )
    if (!row) throw new Error('duplicate')
    if (i % 5 === 0) {
      await t.server.db
        .updateTable('users')
        .set({ last_active_at: new Date(base - ((i * 7919) % 100_000) * 1000) })
        .where('id', '=', row.id)
        .execute()
    }
  }
  const admin = await org.addMember({
    role: 'admin',
    groupIds: [north],
    firstName: 'Ada',
    lastName: 'Scoped',
  })
  // The owner, the 120 and the scoped admin.
  return { org, groups: { north, northSub, south }, admin, all: 122 }
}

beforeAll(async () => {
  t = await startTestServer()
  seeded = await seed()
}, 120_000)
afterAll(() => t.close())

const owner = () => seeded.org.owner.client

async function walk(client: UsherClient, query: Omit<ListUsersQuery, 'cursor'>, limit: number) {
  const items: User[] = []
  let cursor: string | undefined
  let pages = 0
  do {
    const page = await client.users.list({ ...query, limit, cursor })
    expect(page.items.length).toBeLessThanOrEqual(limit)
    items.push(...page.items)
    cursor = page.nextCursor ?? undefined
    pages++
  } while (cursor && pages < 100)
  return items
}

describe('given 120 users in one organization', () => {
  it('finds people by a case- and accent-insensitive prefix of their first or last name', async () => {
    const elo = await owner().users.list({ q: 'élo', limit: 200 })
    expect(elo.items.length).toBe(20)
    expect(new Set(elo.items.map((u) => u.firstName))).toEqual(new Set(['Élodie', 'Elodie']))
    expect((await owner().users.list({ q: 'ELO', limit: 200 })).items.length).toBe(20)

    const lefevre = await owner().users.list({ q: 'lefev', limit: 200 })
    expect(lefevre.items.length).toBeGreaterThan(0)
    expect(lefevre.items.every((u) => u.lastName === 'Lefèvre')).toBe(true)
    // Upper case, a prefix of the last name only: every match is an Ortiz, and there are some.
    const ortiz = (await owner().users.list({ q: 'ORTI', limit: 200 })).items
    expect(ortiz.length).toBeGreaterThan(0)
    expect(ortiz.every((u) => u.lastName === 'Ortiz')).toBe(true)
  })

  it('finds "first last" and email prefixes, and nothing in the middle of a word', async () => {
    const full = await owner().users.list({ q: 'Zoé Dup', limit: 200 })
    expect(full.items.length).toBeGreaterThan(0)
    expect(full.items.every((u) => u.firstName === 'Zoé' && u.lastName === 'Dupont')).toBe(true)

    const byEmail = await owner().users.list({ q: 'OMAR.11', limit: 200 })
    expect(byEmail.items.map((u) => u.email)).toEqual(['omar.11@list.example', 'omar.119@list.example'])
    expect((await owner().users.list({ q: 'lodie' })).items).toEqual([])
    // LIKE's wildcards are literal characters in a search.
    expect((await owner().users.list({ q: '%' })).items).toEqual([])
    expect((await owner().users.list({ q: 'e_o' })).items).toEqual([])
  })

  it('filters by role, by status (several at once) and by group with its subgroups', async () => {
    const admins = await walk(owner(), { role: ['admin'] }, 50)
    expect(admins.length).toBe(41)
    expect(admins.every((u) => u.role === 'admin')).toBe(true)

    const pending = await walk(owner(), { status: ['invited', 'expired'] }, 50)
    expect(pending.length).toBe(24)
    expect(new Set(pending.map((u) => u.status))).toEqual(new Set(['invited', 'expired']))
    const disabled = await walk(owner(), { status: ['disabled'] }, 50)
    expect(disabled.length).toBe(12)
    expect(disabled.every((u) => u.status === 'disabled')).toBe(true)

    const north = await walk(owner(), { groupId: seeded.groups.north }, 50)
    // Members of North (30), of its subgroup (30) and the admin of North.
    expect(north.length).toBe(61)
    const sub = await walk(owner(), { groupId: seeded.groups.northSub }, 50)
    expect(sub.length).toBe(30)
    expect(sub.every((u) => u.groupIds.includes(seeded.groups.northSub))).toBe(true)

    // Every tenth person is an Anne, all of them technicians of South: the three filters meet there
    // (an "e" search found nobody in South, so it checked nothing).
    const combined = await walk(
      owner(),
      { groupId: seeded.groups.south, role: ['technician'], q: 'anne' },
      50,
    )
    expect(combined.length).toBe(10)
    expect(
      combined.every(
        (u) => u.groupIds.includes(seeded.groups.south) && u.role === 'technician' && u.firstName === 'Anne',
      ),
    ).toBe(true)
  })

  it('answers 404 for a group it does not know or that belongs to another organization', async () => {
    const other = await createTestOrg(t)
    const foreign = await addGroup(other.id, 'Elsewhere')
    expect((await rejection(owner().users.list({ groupId: foreign }))).status).toBe(404)
    expect((await rejection(owner().users.list({ groupId: randomUUID() }))).code).toBe('not_found')
  })

  it.each(['name', 'email', 'createdAt', 'lastActiveAt'] as const)(
    'walks every page sorted by %s, both ways, without duplicates or gaps',
    async (sort) => {
      const all = (await owner().users.list({ sort, limit: 200 })).items
      expect(all.length).toBe(seeded.all)
      const asc = await walk(owner(), { sort }, 7)
      expect(asc.map((u) => u.id)).toEqual(all.map((u) => u.id))
      const desc = await walk(owner(), { sort: `-${sort}` }, 9)
      expect(desc.map((u) => u.id)).toEqual([...all].reverse().map((u) => u.id))
    },
  )

  it('orders by last name then first name, creation date and last activity', async () => {
    const byName = (await owner().users.list({ sort: 'name', limit: 200 })).items
    expect(byName[0]?.lastName).toBe('Abadie')
    expect(byName[byName.length - 1]?.lastName).toBe('Zidane')
    const created = (await owner().users.list({ sort: 'createdAt', limit: 200 })).items.map(
      (u) => u.createdAt,
    )
    expect(created).toEqual([...created].sort())
    const active = (await owner().users.list({ sort: '-lastActiveAt', limit: 200 })).items
    const seen = active.filter((u) => u.lastActiveAt !== null).map((u) => u.lastActiveAt as string)
    expect(seen).toEqual([...seen].sort().reverse())
    // Never seen comes last, newest first.
    expect(active.length).toBeGreaterThan(seen.length)
    expect(active.slice(seen.length).every((u) => u.lastActiveAt === null)).toBe(true)
  })

  it('refuses a cursor from another sort', async () => {
    const page = await owner().users.list({ sort: 'email', limit: 5 })
    const error = await rejection(owner().users.list({ sort: 'name', cursor: page.nextCursor as string }))
    expect(error.status).toBe(422)
    expect(error.fieldErrors[0]).toMatchObject({ path: 'query.cursor', code: 'invalid_value' })
  })
})

describe('given a group-scoped admin', () => {
  it('lists only the members of their groups (subgroups included) and themselves', async () => {
    const { admin, groups } = seeded
    const seen = await walk(admin.client, {}, 40)
    expect(seen.length).toBe(61)
    expect(seen.some((u) => u.id === admin.user.id)).toBe(true)
    for (const user of seen) {
      if (user.id === admin.user.id) continue
      expect(user.groupIds.some((g) => g === groups.north || g === groups.northSub)).toBe(true)
    }
    // Searching does not widen the scope.
    const search = await walk(admin.client, { q: 'élodie' }, 40)
    expect(search.length).toBeGreaterThan(0)
    expect(search.every((u) => u.groupIds.some((g) => g === groups.north || g === groups.northSub))).toBe(
      true,
    )
  })

  it('gets 404 for a group outside their scope, and for its members', async () => {
    const { admin, groups } = seeded
    expect((await rejection(admin.client.users.list({ groupId: groups.south }))).status).toBe(404)
    const southMember = (await owner().users.list({ groupId: groups.south, limit: 1 })).items[0] as User
    expect((await rejection(admin.client.users.get(southMember.id))).status).toBe(404)
  })

  it('is refused the list altogether as a technician', async () => {
    const tech = await seeded.org.addMember({ role: 'technician', groupIds: [seeded.groups.north] })
    expect((await rejection(tech.client.users.list())).code).toBe('forbidden')
  })
})
