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

const names = (groups: readonly { name: string }[]) => groups.map((g) => g.name).sort()

async function allGroups(client: UsherClient): Promise<Group[]> {
  return (await client.groups.list({ limit: 1000 })).items
}

/** North ─ Lille ─ Roubaix, South ─ Marseille; Head office. */
async function tree(org: TestOrg) {
  const owner = org.owner.client
  const north = await owner.groups.create({ name: 'North' })
  const lille = await owner.groups.create({ name: 'Lille', parentId: north.id })
  const roubaix = await owner.groups.create({ name: 'Roubaix', parentId: lille.id })
  const south = await owner.groups.create({ name: 'South' })
  const marseille = await owner.groups.create({ name: 'Marseille', parentId: south.id })
  const head = await owner.groups.create({ name: 'Head office' })
  return { north, lille, roubaix, south, marseille, head }
}

describe('given one user’s shared groups', () => {
  it('lets everyone read their own, and only managers read others’', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const tech = await org.addMember({ role: 'technician' })
    const other = await org.addMember({ role: 'technician' })

    expect(await tech.client.shares.get(tech.user.id)).toEqual({
      userId: tech.user.id,
      items: [],
      version: 1,
    })
    expect((await rejection(tech.client.shares.get(other.user.id))).status).toBe(403)

    await org.owner.client.shares.replace(
      tech.user.id,
      { shares: [{ groupId: g.lille.id, permission: 'manage' }] },
      { ifMatch: 1 },
    )
    const res = await fetch(`${t.url}/users/${tech.user.id}/shares`, {
      headers: { authorization: `Bearer ${await tech.token()}` },
    })
    expect(res.headers.get('etag')).toBe('"2"')
    expect(await res.json()).toEqual({
      userId: tech.user.id,
      items: [{ groupId: g.lille.id, groupName: 'Lille', permission: 'manage' }],
      version: 2,
    })
  })

  it('replaces the set and the technician’s groups follow at once, subgroups included', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const tech = await org.addMember({ role: 'technician' })
    expect(await allGroups(tech.client)).toEqual([])

    const first = await org.owner.client.shares.replace(
      tech.user.id,
      {
        shares: [
          { groupId: g.lille.id, permission: 'view' },
          { groupId: g.head.id, permission: 'manage' },
        ],
      },
      { ifMatch: 1 },
    )
    expect(first.version).toBe(2)
    expect(first.items.map((s) => [s.groupName, s.permission])).toEqual([
      ['Head office', 'manage'],
      ['Lille', 'view'],
    ])
    expect(names(await allGroups(tech.client))).toEqual(['Head office', 'Lille', 'Roubaix'])

    const second = await org.owner.client.shares.replace(
      tech.user.id,
      {
        shares: [
          { groupId: g.south.id, permission: 'view' },
          { groupId: g.head.id, permission: 'view' },
        ],
      },
      { ifMatch: 2 },
    )
    expect(second.version).toBe(3)
    expect(names(await allGroups(tech.client))).toEqual(['Head office', 'Marseille', 'South'])
    expect((await org.owner.client.users.get(tech.user.id)).sharedGroupCount).toBe(2)

    const events = await t.server.db
      .selectFrom('audit_events')
      .select(['action', 'changes'])
      .where('org_id', '=', org.id)
      .where('target_id', '=', tech.user.id)
      .where('action', '=', 'shares.replaced')
      .execute()
    expect(events).toHaveLength(2)
    expect(events.map((e) => e.changes)).toContainEqual({
      added: [null, [{ groupId: g.south.id, permission: 'view' }]],
      changed: [[{ groupId: g.head.id, permission: 'manage' }], [{ groupId: g.head.id, permission: 'view' }]],
      removed: [[{ groupId: g.lille.id, permission: 'view' }], null],
    })
  })

  it('refuses a stale or missing If-Match and changes nothing', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const tech = await org.addMember({ role: 'technician' })
    await org.owner.client.shares.replace(
      tech.user.id,
      { shares: [{ groupId: g.north.id, permission: 'view' }] },
      { ifMatch: 1 },
    )
    const stale = await rejection(
      org.owner.client.shares.replace(tech.user.id, { shares: [] }, { ifMatch: 1 }),
    )
    expect(stale.status).toBe(412)
    expect(stale.code).toBe('version_mismatch')

    const res = await fetch(`${t.url}/users/${tech.user.id}/shares`, {
      method: 'PUT',
      headers: { authorization: `Bearer ${await org.owner.token()}`, 'content-type': 'application/json' },
      body: JSON.stringify({ shares: [] }),
    })
    expect(res.status).toBe(428)

    const shares = await org.owner.client.shares.get(tech.user.id)
    expect(shares.version).toBe(2)
    expect(shares.items.map((s) => s.groupName)).toEqual(['North'])
  })

  it('names each group it cannot share, and finds no user of another organization', async () => {
    const org = await createTestOrg(t)
    const other = await createTestOrg(t)
    const g = await tree(org)
    const foreignGroup = await other.owner.client.groups.create({ name: 'Theirs' })
    const foreignUser = await other.addMember({ role: 'technician' })
    const tech = await org.addMember({ role: 'technician' })

    const error = await rejection(
      org.owner.client.shares.replace(
        tech.user.id,
        {
          shares: [
            { groupId: g.north.id, permission: 'view' },
            { groupId: foreignGroup.id, permission: 'view' },
          ],
        },
        { ifMatch: 1 },
      ),
    )
    expect(error.status).toBe(422)
    expect(error.fieldErrors).toEqual([
      expect.objectContaining({ path: 'shares.1.groupId', code: 'not_found' }),
    ])
    expect((await org.owner.client.shares.get(tech.user.id)).items).toEqual([])

    expect((await rejection(org.owner.client.shares.get(foreignUser.user.id))).status).toBe(404)
    const replace = await rejection(
      org.owner.client.shares.replace(foreignUser.user.id, { shares: [] }, { ifMatch: 1 }),
    )
    expect(replace.status).toBe(404)
    expect((await rejection(org.owner.client.groups.shares.list(foreignGroup.id))).status).toBe(404)
  })

  it('lets an admin share only their groups with their users, and keeps the shares outside', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const admin = await org.addMember({ role: 'admin', groupIds: [g.north.id] })
    const inside = await org.addMember({ role: 'technician', groupIds: [g.lille.id] })
    const outside = await org.addMember({ role: 'technician', groupIds: [g.south.id] })

    await org.owner.client.shares.replace(
      inside.user.id,
      { shares: [{ groupId: g.head.id, permission: 'view' }] },
      { ifMatch: 1 },
    )
    // The admin sees (and replaces) only the shares of their own groups.
    const seen = await admin.client.shares.get(inside.user.id)
    expect(seen).toMatchObject({ items: [], version: 2 })

    const refused = await rejection(
      admin.client.shares.replace(
        inside.user.id,
        { shares: [{ groupId: g.marseille.id, permission: 'view' }] },
        { ifMatch: 2 },
      ),
    )
    expect(refused.fieldErrors).toEqual([
      expect.objectContaining({ path: 'shares.0.groupId', code: 'not_found' }),
    ])

    const replaced = await admin.client.shares.replace(
      inside.user.id,
      { shares: [{ groupId: g.roubaix.id, permission: 'manage' }] },
      { ifMatch: 2 },
    )
    expect(replaced.items.map((s) => s.groupName)).toEqual(['Roubaix'])
    const all = await org.owner.client.shares.get(inside.user.id)
    expect(all.items.map((s) => s.groupName)).toEqual(['Head office', 'Roubaix'])

    expect((await rejection(admin.client.shares.get(outside.user.id))).status).toBe(404)
    expect(
      (await rejection(admin.client.shares.replace(outside.user.id, { shares: [] }, { ifMatch: 1 }))).status,
    ).toBe(404)
  })

  it('keeps technicians from managing shares', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const tech = await org.addMember({ role: 'technician' })
    const replace = await rejection(
      tech.client.shares.replace(
        tech.user.id,
        { shares: [{ groupId: g.north.id, permission: 'manage' }] },
        { ifMatch: 1 },
      ),
    )
    expect(replace.status).toBe(403)
    const bulk = await rejection(
      tech.client.shares.bulk({
        action: 'share',
        userIds: [tech.user.id],
        groupIds: 'all',
        permission: 'manage',
      }),
    )
    expect(bulk.status).toBe(403)
    expect((await rejection(tech.client.groups.shares.list(g.north.id))).status).toBe(403)
    expect(await allGroups(tech.client)).toEqual([])
  })
})

describe('given a group’s shares (seed 002’s Groups tab)', () => {
  it('lists who the group is shared with, page by page', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const anne = await org.addMember({ role: 'technician', firstName: 'Anne', lastName: 'Aubert' })
    const bruno = await org.addMember({ role: 'technician', firstName: 'Bruno', lastName: 'Blanc' })
    const chloe = await org.addMember({ role: 'technician', firstName: 'Chloé', lastName: 'Chevalier' })
    await org.owner.client.shares.bulk({
      action: 'share',
      userIds: [chloe.user.id, anne.user.id],
      groupIds: [g.lille.id],
      permission: 'view',
    })
    await org.owner.client.shares.bulk({
      action: 'share',
      userIds: [bruno.user.id],
      groupIds: [g.lille.id],
      permission: 'manage',
    })

    const first = await org.owner.client.groups.shares.list(g.lille.id, { limit: 2 })
    expect(first.items).toEqual([
      { userId: anne.user.id, name: 'Anne Aubert', email: anne.user.email, permission: 'view' },
      { userId: bruno.user.id, name: 'Bruno Blanc', email: bruno.user.email, permission: 'manage' },
    ])
    const rest = await org.owner.client.groups.shares.list(g.lille.id, {
      limit: 2,
      cursor: first.nextCursor ?? undefined,
    })
    expect(rest).toEqual({
      items: [
        { userId: chloe.user.id, name: 'Chloé Chevalier', email: chloe.user.email, permission: 'view' },
      ],
      nextCursor: null,
    })
    expect((await org.owner.client.groups.shares.list(g.roubaix.id)).items).toEqual([])
  })
})

describe('given bulk shares', () => {
  it('shares all groups with two users, then the counts follow', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const a = await org.addMember({ role: 'technician' })
    const b = await org.addMember({ role: 'technician' })
    await org.owner.client.shares.replace(
      a.user.id,
      { shares: [{ groupId: g.head.id, permission: 'view' }] },
      { ifMatch: 1 },
    )

    const result = await org.owner.client.shares.bulk({
      action: 'share',
      userIds: [a.user.id, b.user.id],
      groupIds: 'all',
      permission: 'manage',
    })
    expect(result).toEqual({
      results: [
        { userId: a.user.id, ok: true, added: 5, changed: 1, removed: 0 },
        { userId: b.user.id, ok: true, added: 6, changed: 0, removed: 0 },
      ],
      succeeded: 2,
      failed: 0,
    })
    expect((await org.owner.client.users.get(a.user.id)).sharedGroupCount).toBe(6)
    expect((await org.owner.client.users.get(b.user.id)).sharedGroupCount).toBe(6)
    for (const group of await allGroups(org.owner.client)) expect(group.shareCount).toBe(2)
    expect(names(await allGroups(b.client))).toHaveLength(6)
    // The version moved: a replace based on the earlier read is stale.
    expect((await org.owner.client.shares.get(a.user.id)).version).toBe(3)

    const again = await org.owner.client.shares.bulk({
      action: 'share',
      userIds: [a.user.id],
      groupIds: 'all',
      permission: 'manage',
    })
    expect(again.results).toEqual([{ userId: a.user.id, ok: true, added: 0, changed: 0, removed: 0 }])
    expect((await org.owner.client.shares.get(a.user.id)).version).toBe(3)
  })

  it('unshares by permission, leaving the other kind', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const a = await org.addMember({ role: 'technician' })
    const b = await org.addMember({ role: 'technician' })
    const owner = org.owner.client
    await owner.shares.bulk({
      action: 'share',
      userIds: [a.user.id, b.user.id],
      groupIds: [g.north.id, g.south.id],
      permission: 'view',
    })
    await owner.shares.bulk({
      action: 'share',
      userIds: [a.user.id],
      groupIds: [g.head.id],
      permission: 'manage',
    })

    const result = await owner.shares.bulk({
      action: 'unshare',
      userIds: [a.user.id, b.user.id],
      groupIds: 'all',
      permission: 'view',
    })
    expect(result.results).toEqual([
      { userId: a.user.id, ok: true, added: 0, changed: 0, removed: 2 },
      { userId: b.user.id, ok: true, added: 0, changed: 0, removed: 2 },
    ])
    expect((await owner.shares.get(a.user.id)).items).toEqual([
      { groupId: g.head.id, groupName: 'Head office', permission: 'manage' },
    ])
    expect(await allGroups(b.client)).toEqual([])

    const all = await owner.shares.bulk({ action: 'unshare', userIds: [a.user.id], groupIds: [g.head.id] })
    expect(all.results).toEqual([{ userId: a.user.id, ok: true, added: 0, changed: 0, removed: 1 }])
    expect((await owner.users.get(a.user.id)).sharedGroupCount).toBe(0)

    const events = await t.server.db
      .selectFrom('audit_events')
      .select(['action', 'target_id'])
      .where('org_id', '=', org.id)
      .where('action', 'in', ['shares.bulk_shared', 'shares.bulk_unshared'])
      .execute()
    expect(events.filter((e) => e.action === 'shares.bulk_shared')).toHaveLength(3)
    expect(events.filter((e) => e.action === 'shares.bulk_unshared')).toHaveLength(3)
  })

  it('answers per user: unknown or foreign users fail, the others go through', async () => {
    const org = await createTestOrg(t)
    const other = await createTestOrg(t)
    const g = await tree(org)
    const tech = await org.addMember({ role: 'technician' })
    const foreign = await other.addMember({ role: 'technician' })
    const result = await org.owner.client.shares.bulk({
      action: 'share',
      userIds: [foreign.user.id, tech.user.id, tech.user.id],
      groupIds: [g.south.id],
      permission: 'view',
    })
    expect(result.succeeded).toBe(1)
    expect(result.failed).toBe(2)
    expect(result.results[0]).toMatchObject({
      userId: foreign.user.id,
      ok: false,
      error: { code: 'not_found' },
    })
    expect(result.results[1]).toEqual({ userId: tech.user.id, ok: true, added: 1, changed: 0, removed: 0 })
    expect(result.results[2]).toMatchObject({ ok: false, error: { code: 'validation_failed' } })
    expect((await other.owner.client.shares.get(foreign.user.id)).items).toEqual([])

    const foreignGroup = await other.owner.client.groups.create({ name: 'Theirs' })
    const error = await rejection(
      org.owner.client.shares.bulk({
        action: 'share',
        userIds: [tech.user.id],
        groupIds: [g.north.id, foreignGroup.id],
        permission: 'view',
      }),
    )
    expect(error.status).toBe(422)
    expect(error.fieldErrors).toEqual([expect.objectContaining({ path: 'groupIds.1', code: 'not_found' })])
    expect((await org.owner.client.shares.get(tech.user.id)).items.map((s) => s.groupName)).toEqual(['South'])
  })

  it('shares “all” of an admin’s groups only, with their users only', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const admin = await org.addMember({ role: 'admin', groupIds: [g.south.id] })
    const inside = await org.addMember({ role: 'technician', groupIds: [g.marseille.id] })
    const outside = await org.addMember({ role: 'technician', groupIds: [g.north.id] })
    const result = await admin.client.shares.bulk({
      action: 'share',
      userIds: [inside.user.id, outside.user.id],
      groupIds: 'all',
      permission: 'view',
    })
    expect(result.results[0]).toEqual({ userId: inside.user.id, ok: true, added: 2, changed: 0, removed: 0 })
    expect(result.results[1]).toMatchObject({ ok: false, error: { code: 'not_found' } })
    expect(names(await allGroups(inside.client))).toEqual(['Marseille', 'South'])
  })

  it('replays a request with the same Idempotency-Key instead of doing it twice', async () => {
    const org = await createTestOrg(t)
    const g = await tree(org)
    const tech = await org.addMember({ role: 'technician' })
    const request = {
      action: 'share' as const,
      userIds: [tech.user.id],
      groupIds: [g.north.id, g.head.id],
      permission: 'view' as const,
    }
    const first = await org.owner.client.shares.bulk(request, { idempotencyKey: 'bulk-share-replay-1' })
    const replay = await org.owner.client.shares.bulk(request, { idempotencyKey: 'bulk-share-replay-1' })
    expect(replay).toEqual(first)
    expect(first.results[0]).toMatchObject({ added: 2 })
    expect((await org.owner.client.shares.get(tech.user.id)).version).toBe(2)

    const reused = await rejection(
      org.owner.client.shares.bulk(
        { ...request, permission: 'manage' },
        { idempotencyKey: 'bulk-share-replay-1' },
      ),
    )
    expect(reused.code).toBe('idempotency_key_reused')
  })

  it('shares every group with 500 users in one request', async () => {
    const org = await createTestOrg(t)
    const owner = org.owner.client
    const roots = await Promise.all(
      Array.from({ length: 20 }, (_, i) => owner.groups.create({ name: `Site ${i + 1}` })),
    )
    expect(roots).toHaveLength(20)
    // Straight into the database: 500 members through the API would test something else.
    const ids = Array.from({ length: 500 }, () => crypto.randomUUID())
    await t.server.db
      .insertInto('users')
      .values(
        ids.map((id, i) => ({
          id,
          org_id: org.id,
          email: `bulk.${i}.${org.id}@example.com`,
          first_name: 'Bulk',
          last_name: `User ${i}`,
          locale: 'en',
          role: 'technician',
          enabled: true,
          activated_at: new Date(),
          contact_for: [],
          primary_contact: false,
          must_change_password: false,
          source: 'manual',
          created_at: new Date(),
          sort_name: `user ${i} bulk`,
          search_first: 'bulk',
          search_last: `user ${i}`,
          search_full: `bulk user ${i}`,
        })),
      )
      .execute()
    const started = performance.now()
    const result = await owner.shares.bulk({
      action: 'share',
      userIds: ids,
      groupIds: 'all',
      permission: 'view',
    })
    const elapsed = performance.now() - started
    expect(result.succeeded).toBe(500)
    expect(result.results.every((r) => r.ok && r.added === 20)).toBe(true)
    for (const group of await allGroups(owner)) expect(group.shareCount).toBe(500)
    console.info(`500 people × 20 groups shared in ${Math.round(elapsed)} ms`)

    const removed = await owner.shares.bulk({ action: 'unshare', userIds: ids, groupIds: 'all' })
    expect(removed.succeeded).toBe(500)
    expect(removed.results.every((r) => r.ok && r.removed === 20)).toBe(true)
  })
})
