import type { AuditEvent } from '@usher/contract'
import { isUsherApiError, type UsherApiError, type UsherClient } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'

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

async function allEvents(client: UsherClient, query: Parameters<UsherClient['audit']['list']>[0] = {}) {
  const events: AuditEvent[] = []
  for await (const event of client.audit.listAll({ limit: 3, ...query })) events.push(event)
  return events
}

/** Each action a second after the previous one, so "newest first" has one answer. */
const tick = () => t.clock.advanceSeconds(1)

async function importOne(client: UsherClient, email: string, groupId: string | null = null) {
  const job = await client.imports.create({
    fileName: `${email}.csv`,
    format: 'csv',
    totalRows: 1,
    options: { targetGroupId: groupId },
  })
  tick()
  const { results } = await client.imports.addChunk(job.id, {
    index: 0,
    rows: [{ line: 2, firstName: 'Imported', lastName: 'Person', email }],
  })
  tick()
  return { job, userId: results[0]?.userId as string }
}

describe('given an owner acting through the API', () => {
  it('lists the events newest first, filters them and pages through them', async () => {
    const org = await createTestOrg(t)
    const owner = org.owner.client
    tick()
    const group = await owner.groups.create({ name: 'Audit team' })
    tick()
    const { job, userId } = await importOne(owner, 'new.person@acme.test', group.id)
    await owner.imports.complete(job.id)

    const events = (await owner.audit.list({ limit: 50 })).items
    const mine = events.filter((e) => e.action !== 'user.created' || e.target.id === userId)
    const actions = mine.map((e) => e.action)
    expect(actions.slice(0, 4)).toEqual([
      'import.completed',
      ...(actions[1] === 'user.created'
        ? ['user.created', 'invitation.created']
        : ['invitation.created', 'user.created']),
      'import.started',
    ])
    expect(actions[4]).toBe('group.created')
    for (let i = 1; i < events.length; i++) {
      expect((events[i - 1] as AuditEvent).at >= (events[i] as AuditEvent).at).toBe(true)
    }

    const completed = events[0] as AuditEvent
    expect(completed).toMatchObject({
      action: 'import.completed',
      actor: { id: org.owner.user.id, name: 'Olivia Owner', email: org.owner.user.email },
      target: { type: 'import', id: job.id, label: 'new.person@acme.test.csv' },
      changes: { status: ['open', 'completed'], created: [null, 1] },
    })
    expect(completed.requestId).toBeTypeOf('string')
    const created = events.find((e) => e.action === 'user.created' && e.target.id === userId)
    expect(created?.target).toEqual({ type: 'user', id: userId, label: 'new.person@acme.test' })

    expect((await owner.audit.list({ action: 'import.started' })).items.map((e) => e.target.id)).toEqual([
      job.id,
    ])
    expect((await owner.audit.list({ targetId: job.id })).items.map((e) => e.action)).toEqual([
      'import.completed',
      'import.started',
    ])
    const byOwner = await owner.audit.list({ actorId: org.owner.user.id, limit: 50 })
    expect(byOwner.items.length).toBeGreaterThanOrEqual(5)
    expect(byOwner.items.every((e) => e.actor?.id === org.owner.user.id)).toBe(true)
    expect((await owner.audit.list({ actorId: 'someone-else' })).items).toEqual([])

    const paged = await allEvents(owner)
    expect(paged.map((e) => e.id)).toEqual(events.map((e) => e.id))
  })

  it('refuses a cursor from another list', async () => {
    const org = await createTestOrg(t)
    const error = await rejection(org.owner.client.audit.list({ cursor: 'bm90LWEtY3Vyc29y' }))
    expect(error.status).toBe(422)
    expect(error.fieldErrors?.[0]).toMatchObject({ path: 'query.cursor', code: 'invalid_value' })
  })
})

describe('given members with narrower views', () => {
  it('shows a group-scoped admin only the events within their groups and their own', async () => {
    const org = await createTestOrg(t)
    const owner = org.owner.client
    const lyon = await owner.groups.create({ name: 'Lyon' })
    const nantes = await owner.groups.create({ name: 'Nantes' })
    const admin = await org.addMember({ role: 'admin', groupIds: [lyon.id] })
    tick()
    const inside = await importOne(owner, 'inside@acme.test', lyon.id)
    const outside = await importOne(owner, 'outside@acme.test', nantes.id)
    const own = await importOne(admin.client, 'own@acme.test', lyon.id)

    const seen = await allEvents(admin.client)
    const about = (id: string) => seen.filter((e) => e.target.id === id).map((e) => e.action)
    expect(about(inside.userId)).toEqual(['user.created'])
    expect(about(own.userId)).toEqual(['user.created'])
    expect(about(own.job.id)).toEqual(['import.started'])
    expect(about(lyon.id)).toEqual(['group.created'])
    expect(seen.filter((e) => e.action === 'invitation.created')).toHaveLength(2)
    // Outside their groups: the person, the group, and the owner's imports.
    expect(about(outside.userId)).toEqual([])
    expect(about(nantes.id)).toEqual([])
    expect(about(inside.job.id)).toEqual([])
    expect(seen.some((e) => e.target.label === 'outside@acme.test')).toBe(false)

    const everything = await allEvents(owner)
    expect(everything.filter((e) => e.target.id === outside.userId).map((e) => e.action)).toEqual([
      'user.created',
    ])
    expect(everything.length).toBeGreaterThan(seen.length)
  })

  it('refuses a technician with 403 and shows no organization another’s events', async () => {
    const org = await createTestOrg(t)
    const other = await createTestOrg(t)
    const { job } = await importOne(org.owner.client, 'private@acme.test')
    const tech = await org.addMember({ role: 'technician' })
    expect(await rejection(tech.client.audit.list())).toMatchObject({ status: 403, code: 'forbidden' })
    const theirs = await allEvents(other.owner.client)
    expect(theirs.some((e) => e.target.id === job.id || e.target.label === 'private@acme.test')).toBe(false)
    expect((await other.owner.client.audit.list({ targetId: job.id })).items).toEqual([])
  })
})
