import { randomUUID } from 'node:crypto'
import type { ImportRowResult } from '@usher/contract'
import { isUsherApiError, type UsherApiError } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestOrg, type TestServer } from './support/harness'

// A group-scoped admin writes only on people ranked below them, and never hands powers over
// groups they do not govern (security review, findings 1 to 3).

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

const STRONG = 'Harbor violet tundra 4471 x'
const unique = () => randomUUID().slice(0, 8)

/** gIn is the scoped admin A's; B is a peer admin of gIn and gOut; Y a technician of both; Z of gIn. */
async function scene() {
  const org = await createTestOrg(t, { seats: 20 })
  const gIn = (await org.owner.client.groups.create({ name: 'In' })).id
  const gOut = (await org.owner.client.groups.create({ name: 'Out' })).id
  const a = await org.addMember({ role: 'admin', groupIds: [gIn], email: `a.${unique()}@example.com` })
  const b = await org.addMember({ role: 'admin', groupIds: [gIn, gOut], email: `b.${unique()}@example.com` })
  const y = await org.addMember({ role: 'technician', groupIds: [gIn, gOut] })
  const z = await org.addMember({ role: 'technician', groupIds: [gIn] })
  return { org, gIn, gOut, a, b, y, z }
}

const row = async (org: TestOrg, id: string) =>
  t.server.db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', org.id)
    .where('id', '=', id)
    .executeTakeFirst()

interface Created {
  invitationId: string
  userId: string
}

const codes = (results: readonly { ok: boolean; error?: { code: string } }[]) =>
  results.map((r) => (r.ok ? 'ok' : r.error?.code))

describe('given a group-scoped admin and a peer admin within their group', () => {
  it('refuses every write on the peer: edit, password, disable, delete, bulk', async () => {
    const { org, a, b, z } = await scene()
    const refused = [
      () => a.client.users.update(b.user.id, { nickname: 'x' }, { ifMatch: 1 }),
      () => a.client.users.update(b.user.id, { enabled: false }, { ifMatch: 1 }),
      () => a.client.users.update(b.user.id, { mustChangePassword: true }, { ifMatch: 1 }),
      () => a.client.users.setPassword(b.user.id, { password: STRONG, mustChangePassword: false }),
      () => a.client.users.delete(b.user.id),
    ]
    for (const attempt of refused) {
      expect(await rejection(attempt())).toMatchObject({ status: 403, code: 'role_above_own' })
    }
    for (const action of ['disable', 'forcePasswordChange', 'delete'] as const) {
      const result = await a.client.users.bulk({ action, userIds: [b.user.id] })
      expect(codes(result.results)).toEqual(['role_above_own'])
    }
    const demote = await a.client.users.bulk({
      action: 'changeRole',
      role: 'technician',
      userIds: [b.user.id],
    })
    expect(codes(demote.results)).toEqual(['role_above_own'])

    expect(await row(org, b.user.id)).toMatchObject({
      enabled: true,
      role: 'admin',
      version: 1,
      must_change_password: false,
    })
    // The password is still the one B chose: A could not sign in as B.
    expect((await rejection(t.anonymous.auth.login({ email: b.user.email, password: STRONG }))).code).toBe(
      'invalid_credentials',
    )
    // Technicians of the group are still A's to manage; the owner still manages B.
    expect((await a.client.users.update(z.user.id, { nickname: 'Zed' }, { ifMatch: 1 })).nickname).toBe('Zed')
    expect(
      (await org.owner.client.users.update(b.user.id, { nickname: 'Bee' }, { ifMatch: 1 })).nickname,
    ).toBe('Bee')
  })

  it('gives a role with powers only to someone whose groups are all within the admin’s', async () => {
    const { org, a, y, z } = await scene()
    const promote = await rejection(a.client.users.update(y.user.id, { role: 'admin' }, { ifMatch: 1 }))
    expect(promote).toMatchObject({ status: 403, code: 'role_above_own' })
    const bulk = await a.client.users.bulk({
      action: 'changeRole',
      role: 'admin',
      userIds: [y.user.id, z.user.id],
    })
    expect(codes(bulk.results)).toEqual(['role_above_own', 'ok'])
    expect((await row(org, y.user.id))?.role).toBe('technician')
    expect((await row(org, z.user.id))?.role).toBe('admin')
    // Y still sees nothing outside their shares: no admin powers over gOut.
    expect((await rejection(y.client.users.list())).code).toBe('forbidden')
    // The owner governs every group: the rule does not apply to them.
    expect((await org.owner.client.users.update(y.user.id, { role: 'admin' }, { ifMatch: 1 })).role).toBe(
      'admin',
    )
  })
})

describe('given invitations of people ranked like the admin or above', () => {
  it('refuses to revoke or resend them, one by one or in bulk', async () => {
    const { org, gIn, a } = await scene()
    const invited = await org.owner.client.invitations.create({
      invitations: [
        {
          firstName: 'Co',
          lastName: 'Owner',
          email: `co.${unique()}@example.com`,
          role: 'owner',
          groupIds: [gIn],
        },
        {
          firstName: 'Pe',
          lastName: 'Er',
          email: `peer.${unique()}@example.com`,
          role: 'admin',
          groupIds: [gIn],
        },
        {
          firstName: 'Te',
          lastName: 'Ch',
          email: `tech.${unique()}@example.com`,
          role: 'technician',
          groupIds: [gIn],
        },
      ],
    })
    const [owner, peer, tech] = invited.results.map((r) => {
      if (r.status !== 'created') throw new Error(`Expected a created row, got ${JSON.stringify(r)}`)
      return { invitationId: r.invitation.id, userId: r.user.id }
    }) as [Created, Created, Created]
    t.clock.advanceSeconds(120)

    for (const target of [owner, peer]) {
      expect(await rejection(a.client.invitations.revoke(target.invitationId))).toMatchObject({
        status: 403,
        code: 'role_above_own',
      })
      expect(await rejection(a.client.invitations.resend(target.invitationId))).toMatchObject({
        status: 403,
        code: 'role_above_own',
      })
    }
    const bulk = await a.client.users.bulk({
      action: 'resendInvitation',
      userIds: [owner.userId, peer.userId],
    })
    expect(codes(bulk.results)).toEqual(['role_above_own', 'role_above_own'])

    // Nothing happened to them: still invited, same link count.
    for (const target of [owner, peer]) {
      const user = await org.owner.client.users.get(target.userId)
      expect(user.status).toBe('invited')
    }
    const sends = await t.server.db
      .selectFrom('invitations')
      .select('send_count')
      .where('id', 'in', [owner.invitationId, peer.invitationId])
      .execute()
    expect(sends.map((s) => s.send_count)).toEqual([1, 1])

    // A technician's invitation within the group is still the admin's to revoke.
    await a.client.invitations.revoke(tech.invitationId)
    expect(await row(org, tech.userId)).toBeUndefined()
  })
})

describe('given an import that updates existing people', () => {
  const open = (client: TestOrg['owner']['client'], totalRows: number, targetGroupId: string | null = null) =>
    client.imports.create({
      fileName: 'people.csv',
      format: 'csv',
      totalRows,
      options: { updateExisting: true, targetGroupId },
    })
  const outcome = (results: readonly ImportRowResult[]) =>
    results.map((r) => [r.status, r.error?.code ?? null])

  it('skips the importer’s own row, so an owner cannot demote themselves past a disabled co-owner', async () => {
    const org = await createTestOrg(t)
    const other = await org.addMember({ role: 'owner' })
    await org.owner.client.users.update(other.user.id, { enabled: false }, { ifMatch: other.user.version })
    const job = await open(org.owner.client, 1)
    const { results } = await org.owner.client.imports.addChunk(job.id, {
      index: 0,
      rows: [
        { line: 2, email: org.owner.user.email, firstName: 'Olivia', lastName: 'Owner', role: 'technician' },
      ],
    })
    expect(outcome(results)).toEqual([['skipped', 'forbidden']])
    expect(await row(org, org.owner.user.id)).toMatchObject({ role: 'owner', enabled: true })
    expect((await org.owner.client.me.get()).permissions).toContain('organization:manage')
  })

  it('holds a scoped admin to the same rules as the users endpoints', async () => {
    const { org, gIn, a, b, y, z } = await scene()
    const job = await open(a.client, 4, gIn)
    const { results } = await a.client.imports.addChunk(job.id, {
      index: 0,
      rows: [
        { line: 2, email: a.user.email, firstName: 'A', lastName: 'Admin', role: 'technician' },
        { line: 3, email: b.user.email, firstName: 'Renamed', lastName: 'Peer' },
        { line: 4, email: y.user.email, firstName: 'Y', lastName: 'Both', role: 'admin' },
        { line: 5, email: z.user.email, firstName: 'Z', lastName: 'Mine', role: 'admin' },
      ],
    })
    expect(outcome(results)).toEqual([
      ['skipped', 'forbidden'],
      ['skipped', 'role_above_own'],
      ['failed', 'role_above_own'],
      ['updated', null],
    ])
    expect(await row(org, a.user.id)).toMatchObject({ role: 'admin' })
    expect(await row(org, b.user.id)).toMatchObject({ first_name: 'Test', version: 1 })
    expect(await row(org, y.user.id)).toMatchObject({ role: 'technician' })
    expect(await row(org, z.user.id)).toMatchObject({ role: 'admin' })
  })
})
