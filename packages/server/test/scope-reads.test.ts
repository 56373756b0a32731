import { isUsherApiError, type UsherApiError } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'

// What a group-scoped admin or a technician reads names nothing outside what they may see: no
// group ids, share counts, member counts or user ids from elsewhere (security review, finding 6).

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

/** Admin A governs gIn; Y belongs to gIn and gOut, with shares on both; X is in gOut only. */
async function scene() {
  const org = await createTestOrg(t)
  const owner = org.owner.client
  const gIn = (await owner.groups.create({ name: 'In' })).id
  const gOut = (await owner.groups.create({ name: 'Out' })).id
  const a = await org.addMember({ role: 'admin', groupIds: [gIn] })
  const y = await org.addMember({ role: 'technician', groupIds: [gIn, gOut] })
  const x = await org.addMember({ role: 'technician', groupIds: [gOut] })
  await owner.shares.replace(
    y.user.id,
    {
      shares: [
        { groupId: gIn, permission: 'view' },
        { groupId: gOut, permission: 'manage' },
      ],
    },
    { ifMatch: 1 },
  )
  return { org, gIn, gOut, a, y, x }
}

describe('given a group-scoped admin', () => {
  it('shows only their own groups and shares on a user who also belongs elsewhere', async () => {
    const { org, gIn, gOut, a, y } = await scene()
    const seen = await a.client.users.get(y.user.id)
    expect(seen).toMatchObject({ groupIds: [gIn], sharedGroupCount: 1 })
    const listed = (await a.client.users.list()).items.find((u) => u.id === y.user.id)
    expect(listed).toMatchObject({ groupIds: [gIn], sharedGroupCount: 1 })
    // What the count stands for: the shares they are shown.
    expect((await a.client.shares.get(y.user.id)).items.map((s) => s.groupId)).toEqual([gIn])

    const updated = await a.client.users.update(y.user.id, { nickname: 'Why' }, { ifMatch: seen.version })
    expect(updated.groupIds).toEqual([gIn])
    // The owner sees everything; the admin's save kept the membership they could not see.
    expect(await org.owner.client.users.get(y.user.id)).toMatchObject({
      groupIds: [gIn, gOut].sort(),
      sharedGroupCount: 2,
    })
  })

  it('shows only their own groups on the invitations of people who also belong elsewhere', async () => {
    const { org, gIn, gOut, a } = await scene()
    const created = await org.owner.client.invitations.create({
      invitations: [
        {
          firstName: 'In',
          lastName: 'Vited',
          email: `both.${Date.now()}@example.com`,
          role: 'technician',
          groupIds: [gIn, gOut],
        },
      ],
    })
    const row = created.results[0]
    if (row?.status !== 'created') throw new Error('not created')
    const listed = (await a.client.invitations.list()).items.find((i) => i.id === row.invitation.id)
    expect(listed?.groupIds).toEqual([gIn])
    expect((await a.client.users.get(row.user.id)).groupIds).toEqual([gIn])
  })

  it('cannot name someone outside their groups as an assigned agent, exactly like an unknown id', async () => {
    const { a, y, x } = await scene()
    for (const agent of [x.user.id, '11111111-1111-4111-8111-111111111111']) {
      const error = await rejection(
        a.client.users.update(y.user.id, { assignedAgentId: agent }, { ifMatch: y.user.version }),
      )
      expect(error.status).toBe(422)
      expect(error.fieldErrors).toEqual([
        expect.objectContaining({ path: 'assignedAgentId', code: 'not_found' }),
      ])
    }
  })

  it('counts on their groups only the people they may see', async () => {
    const { org, gOut, a } = await scene()
    await org.owner.client.shares.replace(
      a.user.id,
      { shares: [{ groupId: gOut, permission: 'view' }] },
      { ifMatch: 1 },
    )
    const groups = (await a.client.groups.list()).items
    // gOut is shared with A: visible, but its members and shares are counted as A sees them —
    // Y (who is also in gIn) and Y's share, not X, and A's own share.
    expect(groups.find((g) => g.id === gOut)).toMatchObject({ memberCount: 1, shareCount: 2 })
  })
})

describe('given a technician', () => {
  it('sees on the groups shared with them only their own membership and share', async () => {
    const { org, gOut, y } = await scene()
    const tech = await org.addMember({ role: 'technician', groupIds: [] })
    await org.owner.client.shares.replace(
      tech.user.id,
      { shares: [{ groupId: gOut, permission: 'view' }] },
      { ifMatch: 1 },
    )
    const seen = (await tech.client.groups.list()).items
    expect(seen.map((g) => [g.id, g.memberCount, g.shareCount])).toEqual([[gOut, 0, 1]])
    const member = (await y.client.groups.list()).items.find((g) => g.id === gOut)
    expect(member).toMatchObject({ memberCount: 1, shareCount: 1 })
  })
})
