import type { Group } from '@usher/contract'
import { isUsherApiError, type UsherApiError, type UsherClient } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestOrg, type TestServer } from './support/harness'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
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

const names = (groups: readonly Group[]) => groups.map((g) => g.name).sort()

async function allGroups(client: UsherClient) {
  return (await client.groups.list({ limit: 1000 })).items
}

/** Clients ─ Paris ─ Paris Nord, Clients ─ Lyon; Internal (another root). */
async function tree(org: TestOrg) {
  const owner = org.owner.client
  const clients = await owner.groups.create({ name: 'Clients' })
  const paris = await owner.groups.create({
    name: 'Paris',
    parentId: clients.id,
    description: 'Île-de-France',
  })
  const parisNord = await owner.groups.create({ name: 'Paris Nord', parentId: paris.id })
  const lyon = await owner.groups.create({ name: 'Lyon', parentId: clients.id })
  const internal = await owner.groups.create({ name: 'Internal' })
  return { clients, paris, parisNord, lyon, internal }
}

describe('given an owner building nested groups', () => {
  it('lists them flat with parentId, member and share counts', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    expect(g.paris).toMatchObject({
      name: 'Paris',
      parentId: g.clients.id,
      description: 'Île-de-France',
      memberCount: 0,
      shareCount: 0,
      version: 1,
    })
    await org.addMember({ role: 'admin', groupIds: [g.paris.id] })
    await org.addMember({ role: 'technician', groupIds: [g.paris.id, g.lyon.id] })

    const groups = await allGroups(org.owner.client)
    expect(names(groups)).toEqual(['Clients', 'Internal', 'Lyon', 'Paris', 'Paris Nord'])
    const byName = new Map(groups.map((group) => [group.name, group]))
    expect(byName.get('Paris')).toMatchObject({ parentId: g.clients.id, memberCount: 2 })
    expect(byName.get('Lyon')).toMatchObject({ parentId: g.clients.id, memberCount: 1 })
    // Direct members only: Clients holds its subgroups' people, not its own.
    expect(byName.get('Clients')).toMatchObject({ parentId: null, memberCount: 0 })
  })

  it('searches names ignoring case and accents, filters by parent, and pages by name', async () => {
    const org = await createTestOrg(t)
    const owner = org.owner.client
    const root = await owner.groups.create({ name: 'Régions' })
    await owner.groups.create({ name: 'Île-de-France', parentId: root.id })
    await owner.groups.create({ name: 'Provence-Alpes-Côte d’Azur', parentId: root.id })
    await owner.groups.create({ name: 'Grand Est', parentId: root.id })
    await owner.groups.create({ name: '50% off' })

    expect(names((await owner.groups.list({ q: 'ILE' })).items)).toEqual(['Île-de-France'])
    expect(names((await owner.groups.list({ q: 'cote' })).items)).toEqual(['Provence-Alpes-Côte d’Azur'])
    expect(names((await owner.groups.list({ q: 'regions' })).items)).toEqual(['Régions'])
    expect(names((await owner.groups.list({ q: '50%' })).items)).toEqual(['50% off'])
    expect((await owner.groups.list({ q: '%' })).items).toHaveLength(1)
    // In the server's order: accents folded, so Île sorts among the I's.
    expect((await owner.groups.list({ parentId: root.id })).items.map((g) => g.name)).toEqual([
      'Grand Est',
      'Île-de-France',
      'Provence-Alpes-Côte d’Azur',
    ])

    const first = await owner.groups.list({ limit: 2 })
    expect(first.items.map((g) => g.name)).toEqual(['50% off', 'Grand Est'])
    expect(first.nextCursor).not.toBeNull()
    const seen: string[] = []
    for await (const group of owner.groups.listAll({ limit: 2 })) seen.push(group.name)
    expect(seen).toEqual(['50% off', 'Grand Est', 'Île-de-France', 'Provence-Alpes-Côte d’Azur', 'Régions'])

    // Opaque ids that name nothing, and forged cursors, are answered, not crashed on.
    expect((await owner.groups.list({ parentId: 'not-a-uuid' })).items).toEqual([])
    const forged = Buffer.from(JSON.stringify(['groups', 'x', 'not-a-uuid'])).toString('base64url')
    const error = await rejection(owner.groups.list({ cursor: forged }))
    expect(error.status).toBe(422)
    expect(error.fieldErrors).toEqual([expect.objectContaining({ path: 'query.cursor' })])
  })

  it('refuses a sibling with the same name in another case, but not a cousin', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const error = await rejection(org.owner.client.groups.create({ name: 'PARIS', parentId: g.clients.id }))
    expect(error.status).toBe(409)
    expect(error.code).toBe('conflict')
    expect(error.problem.detail).toContain('PARIS')
    expect(error.fieldErrors).toEqual([expect.objectContaining({ path: 'name', code: 'duplicate' })])
    await expect(
      org.owner.client.groups.create({ name: 'Paris', parentId: g.internal.id }),
    ).resolves.toMatchObject({
      name: 'Paris',
    })
    const rename = await rejection(
      org.owner.client.groups.update(g.lyon.id, { name: 'paris' }, { ifMatch: 1 }),
    )
    expect(rename.code).toBe('conflict')
  })

  it('answers the first response again for a replayed Idempotency-Key', async () => {
    const org = await createTestOrg(t)
    const first = await org.owner.client.groups.create(
      { name: 'Once' },
      { idempotencyKey: 'create-group-once' },
    )
    const again = await org.owner.client.groups.create(
      { name: 'Once' },
      { idempotencyKey: 'create-group-once' },
    )
    expect(again.id).toBe(first.id)
    expect(names(await allGroups(org.owner.client))).toEqual(['Once'])
  })
})

describe('given groups seen by each role', () => {
  it('shows an admin their subtree and the groups shared with them, and nothing else', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const admin = await org.addMember({ role: 'admin', groupIds: [g.paris.id] })
    expect(names(await allGroups(admin.client))).toEqual(['Paris', 'Paris Nord'])

    await org.owner.client.shares.replace(
      admin.user.id,
      { shares: [{ groupId: g.internal.id, permission: 'view' }] },
      { ifMatch: 1 },
    )
    expect(names(await allGroups(admin.client))).toEqual(['Internal', 'Paris', 'Paris Nord'])

    // Visible but not governed: 403; not visible at all: 404, as if it did not exist.
    expect(
      (await rejection(admin.client.groups.update(g.internal.id, { name: 'X' }, { ifMatch: 1 }))).status,
    ).toBe(403)
    expect(
      (await rejection(admin.client.groups.update(g.lyon.id, { name: 'X' }, { ifMatch: 1 }))).status,
    ).toBe(404)
    expect((await rejection(admin.client.groups.delete(g.lyon.id))).status).toBe(404)
    expect((await rejection(admin.client.groups.create({ name: 'Sub', parentId: g.lyon.id }))).status).toBe(
      404,
    )
  })

  it('lets an admin create, rename and move groups only within their scope', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const admin = await org.addMember({ role: 'admin', groupIds: [g.paris.id] })

    const sud = await admin.client.groups.create({ name: 'Paris Sud', parentId: g.paris.id })
    expect(sud.parentId).toBe(g.paris.id)
    const root = await rejection(admin.client.groups.create({ name: 'Top level' }))
    expect(root.status).toBe(403)
    expect(root.code).toBe('forbidden')

    const renamed = await admin.client.groups.update(
      sud.id,
      { name: 'Paris Sud-Est' },
      { ifMatch: sud.version },
    )
    expect(renamed).toMatchObject({ name: 'Paris Sud-Est', version: 2 })
    const moved = await admin.client.groups.update(sud.id, { parentId: g.parisNord.id }, { ifMatch: 2 })
    expect(moved.parentId).toBe(g.parisNord.id)
    // Out of the subtree: to the top, or under a group the admin cannot see.
    expect(
      (await rejection(admin.client.groups.update(sud.id, { parentId: null }, { ifMatch: 3 }))).status,
    ).toBe(403)
    expect(
      (await rejection(admin.client.groups.update(sud.id, { parentId: g.lyon.id }, { ifMatch: 3 }))).status,
    ).toBe(404)
    const after = (await allGroups(org.owner.client)).find((group) => group.id === sud.id)
    expect(after).toMatchObject({ parentId: g.parisNord.id, version: 3 })
  })

  it('shows a technician only the groups shared with them and their subgroups', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    // A membership alone shows a technician nothing: seed 000's technicians wait for shares.
    const tech = await org.addMember({ role: 'technician', groupIds: [g.lyon.id] })
    expect(await allGroups(tech.client)).toEqual([])

    await org.owner.client.shares.replace(
      tech.user.id,
      { shares: [{ groupId: g.paris.id, permission: 'view' }] },
      { ifMatch: 1 },
    )
    const seen = await allGroups(tech.client)
    expect(names(seen)).toEqual(['Paris', 'Paris Nord'])
    expect(seen.find((group) => group.name === 'Paris')?.shareCount).toBe(1)

    const create = await rejection(tech.client.groups.create({ name: 'Mine', parentId: g.paris.id }))
    expect(create.status).toBe(403)
    expect((await rejection(tech.client.groups.delete(g.parisNord.id))).status).toBe(403)
  })

  it('answers 404 for another organization’s groups', async () => {
    const org = await createTestOrg(t)
    const other = await createTestOrg(t)
    const foreign = await other.owner.client.groups.create({ name: 'Theirs' })
    const owner = org.owner.client
    expect((await rejection(owner.groups.update(foreign.id, { name: 'Mine' }, { ifMatch: 1 }))).status).toBe(
      404,
    )
    expect((await rejection(owner.groups.delete(foreign.id))).status).toBe(404)
    const create = await rejection(owner.groups.create({ name: 'Child', parentId: foreign.id }))
    expect(create.status).toBe(404)
    expect(create.fieldErrors).toEqual([expect.objectContaining({ path: 'parentId', code: 'not_found' })])
    expect((await owner.groups.list({ parentId: foreign.id })).items).toEqual([])
    expect(names(await allGroups(other.owner.client))).toEqual(['Theirs'])
  })
})

describe('given a group being changed', () => {
  it('refuses to move a group under itself or one of its descendants', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const owner = org.owner.client
    const under = await rejection(
      owner.groups.update(g.clients.id, { parentId: g.parisNord.id }, { ifMatch: 1 }),
    )
    expect(under.status).toBe(409)
    expect(under.code).toBe('group_cycle')
    expect(
      (await rejection(owner.groups.update(g.paris.id, { parentId: g.paris.id }, { ifMatch: 1 }))).code,
    ).toBe('group_cycle')
    const moved = await owner.groups.update(g.parisNord.id, { parentId: g.lyon.id }, { ifMatch: 1 })
    expect(moved).toMatchObject({ parentId: g.lyon.id, version: 2 })
    const top = await owner.groups.update(g.lyon.id, { parentId: null }, { ifMatch: 1 })
    expect(top.parentId).toBeNull()
  })

  it('refuses a stale or missing If-Match and changes nothing', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const owner = org.owner.client
    const renamed = await owner.groups.update(g.lyon.id, { name: 'Lyon Part-Dieu' }, { ifMatch: 1 })
    expect(renamed.version).toBe(2)

    const stale = await rejection(owner.groups.update(g.lyon.id, { name: 'Lyon Confluence' }, { ifMatch: 1 }))
    expect(stale.status).toBe(412)
    expect(stale.code).toBe('version_mismatch')

    // The SDK insists on ifMatch; the server itself must too.
    const res = await fetch(`${t.url}/groups/${g.lyon.id}`, {
      method: 'PATCH',
      headers: { authorization: `Bearer ${await org.owner.token()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Lyon Confluence' }),
    })
    expect(res.status).toBe(428)
    expect((await res.json()).code).toBe('precondition_required')

    const lyon = (await allGroups(owner)).find((group) => group.id === g.lyon.id)
    expect(lyon).toMatchObject({ name: 'Lyon Part-Dieu', version: 2 })
  })

  it('sends the new version as ETag and keeps the version when nothing changes', async () => {
    const org = await createTestOrg(t)
    const group = await org.owner.client.groups.create({ name: 'Same' })
    const res = await fetch(`${t.url}/groups/${group.id}`, {
      method: 'PATCH',
      headers: {
        authorization: `Bearer ${await org.owner.token()}`,
        'content-type': 'application/json',
        'if-match': '"1"',
      },
      body: JSON.stringify({ description: 'Described' }),
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBe('"2"')
    const same = await org.owner.client.groups.update(group.id, { description: 'Described' }, { ifMatch: 2 })
    expect(same.version).toBe(2)
  })

  it('deletes only empty groups, and their shares with them', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const owner = org.owner.client

    const withChildren = await rejection(owner.groups.delete(g.clients.id))
    expect(withChildren.status).toBe(409)
    expect(withChildren.code).toBe('group_not_empty')

    const tech = await org.addMember({ role: 'technician', groupIds: [g.lyon.id] })
    expect((await rejection(owner.groups.delete(g.lyon.id))).code).toBe('group_not_empty')

    await owner.shares.replace(
      tech.user.id,
      {
        shares: [
          { groupId: g.parisNord.id, permission: 'manage' },
          { groupId: g.internal.id, permission: 'view' },
        ],
      },
      { ifMatch: 1 },
    )
    await owner.groups.delete(g.parisNord.id)
    expect(names(await allGroups(owner))).toEqual(['Clients', 'Internal', 'Lyon', 'Paris'])
    const shares = await tech.client.shares.get(tech.user.id)
    expect(shares.items.map((s) => s.groupName)).toEqual(['Internal'])
    expect((await rejection(owner.groups.delete(g.parisNord.id))).status).toBe(404)
  })

  it('writes an audit event for each change', async () => {
    const org = await createTestOrg(t)
    const owner = org.owner.client
    const group = await owner.groups.create({ name: 'Audited' })
    await owner.groups.update(group.id, { name: 'Audited twice' }, { ifMatch: 1 })
    await owner.groups.delete(group.id)
    const events = await t.server.db
      .selectFrom('audit_events')
      .select(['action', 'target_label', 'changes'])
      .where('org_id', '=', org.id)
      .where('target_id', '=', group.id)
      .orderBy('at')
      .orderBy('action')
      .execute()
    expect(events.map((e) => e.action).sort()).toEqual(['group.created', 'group.deleted', 'group.updated'])
    expect(events.find((e) => e.action === 'group.updated')?.changes).toEqual({
      name: ['Audited', 'Audited twice'],
    })
  })
})
