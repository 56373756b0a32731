import { randomUUID } from 'node:crypto'
import { BUILT_IN_ROLE_CATALOG, type ListUsersQuery, type User } from '@usher/contract'
import { isUsherApiError, type UsherClient } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { loadActor } from '../src/domain/actor'
import { insertPerson } from '../src/domain/people'
import { countUsers } from '../src/domain/user-count'
import { createTestOrg, startTestServer, type TestOrg, type TestServer } from './support/harness'

/**
 * GET /users/count and the search by email domain: the count agrees with the list for every
 * search and filter, within the caller's scope; a domain finds the people whose address is there.
 */

let t: TestServer
let org: TestOrg
let groups: { north: string; south: string }
let admin: { user: User; client: UsherClient }

const DOMAINS = ['durand.example', 'durand-freres.example', 'martin.example', 'paris.durand.example']

async function addGroup(name: string) {
  const id = randomUUID()
  await t.server.db
    .insertInto('groups')
    .values({ id, org_id: org.id, name, parent_id: null, created_at: t.clock.now() })
    .execute()
  return id
}

beforeAll(async () => {
  t = await startTestServer()
  org = await createTestOrg(t)
  groups = { north: await addGroup('North'), south: await addGroup('South') }
  const base = t.clock.now().getTime()
  // 40 people: ten at each domain; the first names cycle so that names and domains cross
  // ("Durand" is also a last name at martin.example).
  for (let i = 0; i < 40; i++) {
    const domain = DOMAINS[i % DOMAINS.length] as string
    const lastName = i % 8 === 2 ? 'Durand' : ['Roux', 'Faure', 'Abadie', 'Bernard'][i % 4]
    const invited = i % 5 === 0
    await insertPerson(
      t.server.db,
      {
        orgId: org.id,
        email: `person.${i}@${domain}`,
        firstName: ['Léa', 'Jean', 'Zoé', 'Omar', 'Anne'][i % 5] as string,
        lastName: lastName as string,
        locale: 'fr',
        role: i % 4 === 0 ? 'admin' : 'technician',
        enabled: true,
        source: 'import',
        passwordHash: invited ? null : 'not-a-real-hash',
        invitationExpiresAt: invited ? new Date(base + 86_400_000) : null,
        groupIds: i % 2 === 0 ? [groups.north] : [groups.south],
      },
      new Date(base - (40 - i) * 60_000),
    )
  }
  admin = await org.addMember({
    role: 'admin',
    groupIds: [groups.north],
    firstName: 'Ada',
    lastName: 'Scoped',
  })
}, 120_000)
afterAll(() => t.close())

const owner = () => org.owner.client

async function everyone(client: UsherClient, query: Omit<ListUsersQuery, 'cursor' | 'limit'>) {
  const items: User[] = []
  for await (const user of client.users.listAll({ ...query, limit: 3 })) items.push(user)
  return items
}

describe('given 40 people at four domains', () => {
  it('counts exactly what the list shows, for a search and every filter', async () => {
    const queries: Array<Omit<ListUsersQuery, 'cursor' | 'limit'>> = [
      {},
      { q: 'durand' },
      { q: 'léa' },
      { role: ['admin'] },
      { status: ['invited'] },
      { status: ['active', 'invited'], role: ['technician'] },
      { groupId: groups.south },
      { q: 'durand.example', groupId: groups.north },
    ]
    for (const query of queries) {
      const listed = await everyone(owner(), query)
      expect(await owner().users.count(query), JSON.stringify(query)).toEqual({
        count: listed.length,
        exact: true,
      })
    }
    // The owner, the 40 and the scoped admin.
    expect((await owner().users.count()).count).toBe(42)
  })

  it('finds the people at a domain by its name, with or without the @, page after page', async () => {
    const atDurand = (u: User) => u.email.endsWith('@durand.example')
    const byDomain = await everyone(owner(), { q: 'durand.example' })
    expect(byDomain.length).toBe(10)
    expect(byDomain.every(atDurand)).toBe(true)
    // Keyset pages of 3 walked the whole match once each, in name order.
    expect(new Set(byDomain.map((u) => u.id)).size).toBe(10)

    const withAt = await everyone(owner(), { q: '@Durand.Example' })
    expect(withAt.map((u) => u.id)).toEqual(byDomain.map((u) => u.id))
    // A domain prefix: "@durand" is durand.example and durand-freres.example, not paris.durand.example.
    const prefix = await everyone(owner(), { q: '@durand' })
    expect(new Set(prefix.map((u) => u.email.split('@')[1]))).toEqual(
      new Set(['durand.example', 'durand-freres.example']),
    )
    expect(await owner().users.count({ q: '@durand' })).toEqual({ count: 20, exact: true })
  })

  it('keeps a plain word a name and address search: "durand" finds the Durands, not their domain', async () => {
    const durand = await everyone(owner(), { q: 'durand' })
    expect(durand.length).toBeGreaterThan(0)
    expect(durand.every((u) => u.lastName === 'Durand')).toBe(true)
    // An address prefix with a dot is still an address prefix.
    const byAddress = await everyone(owner(), { q: 'person.1' })
    expect(byAddress.length).toBe(11)
    expect(byAddress.every((u) => u.email.startsWith('person.1'))).toBe(true)
  })

  it('counts only within a group admin’s scope, and a group outside it does not exist', async () => {
    const scoped = await everyone(admin.client, {})
    // The 20 of North (durand.example and martin.example) and the admin themselves.
    expect(scoped.length).toBe(21)
    expect(await admin.client.users.count()).toEqual({ count: 21, exact: true })
    expect(await admin.client.users.count({ q: 'durand.example' })).toEqual({ count: 10, exact: true })
    expect(await admin.client.users.count({ q: 'durand-freres.example' })).toEqual({ count: 0, exact: true })
    const outside = await admin.client.users.count({ groupId: groups.south }).catch((e: unknown) => e)
    expect(isUsherApiError(outside) && outside.status).toBe(404)
  })

  it('refuses a technician, who may not read the list', async () => {
    const tech = await org.addMember({ role: 'technician', groupIds: [groups.north] })
    const refused = await tech.client.users.count().catch((e: unknown) => e)
    expect(isUsherApiError(refused) && refused.code).toBe('forbidden')
  })

  it('refuses list-only parameters with a field error', async () => {
    const token = await org.owner.token()
    const res = await fetch(`${t.url}/users/count?sort=name&limit=5`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    expect(res.status).toBe(422)
    const problem = (await res.json()) as { errors: Array<{ path: string }> }
    expect(problem.errors.map((e) => e.path).sort()).toEqual(['query.limit', 'query.sort'])
  })

  it('answers the planner’s estimate, marked as one, past the exact limit', async () => {
    const actor = await loadActor(
      t.server.db,
      { subject: org.owner.user.id, orgId: org.id, session: null },
      t.clock.now(),
      BUILT_IN_ROLE_CATALOG,
    )
    // A limit below any estimate: the answer is the estimate, whatever the planner's guess.
    const estimated = await countUsers(t.server.db, actor, {}, t.clock.now(), -1)
    expect(estimated.exact).toBe(false)
    expect(Number.isInteger(estimated.count) && estimated.count >= 0).toBe(true)
    expect(await countUsers(t.server.db, actor, { q: '@martin' }, t.clock.now())).toEqual({
      count: 10,
      exact: true,
    })
  })
})
