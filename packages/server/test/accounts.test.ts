import { randomUUID } from 'node:crypto'
import { createUsherClient, isUsherApiError, type UsherApiError } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { signHostToken } from '../src/index'
import { createTestOrg, startTestServer, TEST_SECRET, type TestServer } from './support/harness'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ limits: { publicPerMinute: 10_000, loginAttempts: 10_000 } })
})
afterAll(() => t.close())

const PASSWORD = 'a long enough password 123'
const NEW_PASSWORD = 'violet lanterns drift over quiet harbours'

const rejection = async (promise: Promise<unknown>): Promise<UsherApiError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!isUsherApiError(error)) throw new Error(`Expected an API error, got ${String(error)}`)
  return error
}
const uniqueEmail = (name: string) => `${name}.${randomUUID().slice(0, 8)}@example.com`
const clientWith = (token: string | undefined) => createUsherClient({ baseUrl: t.url, token, retry: 0 })
const anonymous = () => clientWith(undefined)

/** One person in two organizations, with a group each that only that organization has. */
async function personInTwo() {
  const email = uniqueEmail('oliver')
  const northwind = await createTestOrg(t, { name: 'Northwind' })
  const durand = await createTestOrg(t, { name: 'Atelier Durand' })
  const north = await northwind.owner.client.groups.create({
    name: `Northwind site ${randomUUID().slice(0, 4)}`,
  })
  const south = await durand.owner.client.groups.create({ name: `Durand site ${randomUUID().slice(0, 4)}` })
  const inNorthwind = await northwind.addMember({
    role: 'admin',
    email,
    password: PASSWORD,
    groupIds: [north.id],
  })
  // Added with a password of its own: the account keeps the one it has.
  const inDurand = await durand.addMember({
    role: 'technician',
    email,
    password: 'a password nobody will use 987',
    groupIds: [south.id],
  })
  return { email, northwind, durand, north, south, inNorthwind, inDurand }
}

describe('given one account in several organizations', () => {
  it('signs in once with one password, lists the organizations and switches between them', async () => {
    const p = await personInTwo()
    const login = await anonymous().auth.login({ email: p.email, password: PASSWORD })
    expect(login.memberships.map((m) => m.organization.id).sort()).toEqual(
      [p.northwind.id, p.durand.id].sort(),
    )
    expect(login.memberships.find((m) => m.organization.id === p.durand.id)).toMatchObject({
      userId: p.inDurand.user.id,
      role: 'technician',
      organization: { slug: p.durand.slug, name: 'Atelier Durand' },
    })
    // The second organization's own password was never the account's.
    expect(
      (
        await rejection(
          anonymous().auth.login({ email: p.email, password: 'a password nobody will use 987' }),
        )
      ).code,
    ).toBe('invalid_credentials')

    const atNorthwind = await anonymous().auth.login({
      email: p.email,
      password: PASSWORD,
      organization: p.northwind.slug,
    })
    const north = clientWith(atNorthwind.session.token)
    expect((await north.me.get()).organization.id).toBe(p.northwind.id)
    expect((await north.groups.list()).items.map((g) => g.id)).toEqual([p.north.id])

    t.clock.advanceSeconds(1)
    const switched = await north.auth.switchOrganization?.({ organization: p.durand.slug })
    if (!switched) throw new Error('the client cannot switch')
    expect(switched.user.id).toBe(p.inDurand.user.id)
    const south = clientWith(switched.session.token)
    const me = await south.me.get()
    expect([me.organization.id, me.user.role]).toEqual([p.durand.id, 'technician'])
    expect((await south.me.memberships?.())?.length).toBe(2)
    // Each session sees its own organization's groups only; the technician sees none until shared.
    expect((await south.groups.list()).items.map((g) => g.id)).not.toContain(p.north.id)
    expect((await north.groups.list()).items.map((g) => g.id)).not.toContain(p.south.id)

    // Without naming one, the sign-in opens the organization used last.
    const again = await anonymous().auth.login({ email: p.email, password: PASSWORD })
    expect(again.user.id).toBe(p.inDurand.user.id)
  })

  it('refuses to switch to an organization the account is not in', async () => {
    const p = await personInTwo()
    const stranger = await createTestOrg(t)
    const login = await anonymous().auth.login({ email: p.email, password: PASSWORD })
    const client = clientWith(login.session.token)
    const error = await rejection(
      client.auth.switchOrganization?.({ organization: stranger.slug }) ?? Promise.resolve(),
    )
    expect([error.status, error.code]).toEqual([404, 'not_found'])
  })

  it('changes the password for every organization and ends the sessions of both', async () => {
    const p = await personInTwo()
    const a = await anonymous().auth.login({
      email: p.email,
      password: PASSWORD,
      organization: p.northwind.slug,
    })
    const b = await anonymous().auth.login({
      email: p.email,
      password: PASSWORD,
      organization: p.durand.slug,
    })
    const changed = await clientWith(a.session.token).auth.changePassword({
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    })
    expect((await rejection(clientWith(b.session.token).me.get())).code).toBe('token_expired')
    expect((await clientWith(changed.session.token).me.get()).organization.id).toBe(p.northwind.id)
    const there = await anonymous().auth.login({
      email: p.email,
      password: NEW_PASSWORD,
      organization: p.durand.slug,
    })
    expect(there.user.id).toBe(p.inDurand.user.id)
  })

  it('resets the account: the new password opens both organizations', async () => {
    const p = await personInTwo()
    await anonymous().auth.requestPasswordReset({ email: p.email })
    const mails = await t.server.db
      .selectFrom('outbox')
      .select(['link', 'kind'])
      .where('to_address', '=', p.email)
      .where('kind', '=', 'password_reset')
      .execute()
    // One person, one password, one link.
    expect(mails).toHaveLength(1)
    const token = new URL(mails[0]?.link ?? '').searchParams.get('token') ?? ''
    await anonymous().auth.confirmPasswordReset({ token, password: NEW_PASSWORD })
    for (const [org, member] of [
      [p.northwind, p.inNorthwind],
      [p.durand, p.inDurand],
    ] as const) {
      const result = await anonymous().auth.login({
        email: p.email,
        password: NEW_PASSWORD,
        organization: org.slug,
      })
      expect(result.user.id).toBe(member.user.id)
    }
    expect((await rejection(anonymous().auth.login({ email: p.email, password: PASSWORD }))).code).toBe(
      'invalid_credentials',
    )
  })

  it('keeps the other organization intact when one removes the person', async () => {
    const p = await personInTwo()
    await p.durand.owner.client.users.delete(p.inDurand.user.id)
    const login = await anonymous().auth.login({ email: p.email, password: PASSWORD })
    expect(login.memberships.map((m) => m.organization.id)).toEqual([p.northwind.id])
    expect(login.user.id).toBe(p.inNorthwind.user.id)
    const client = clientWith(login.session.token)
    expect((await client.groups.list()).items.map((g) => g.id)).toEqual([p.north.id])
    const error = await rejection(
      client.auth.switchOrganization?.({ organization: p.durand.slug }) ?? Promise.resolve(),
    )
    expect(error.code).toBe('not_found')
    // Disabled in one organization: the sign-in opens the other one, and only it.
    const third = await createTestOrg(t)
    const member = await third.addMember({ role: 'technician', email: p.email })
    await third.owner.client.users.update(
      member.user.id,
      { enabled: false },
      { ifMatch: member.user.version },
    )
    const after = await anonymous().auth.login({ email: p.email, password: PASSWORD })
    expect(after.memberships.map((m) => m.organization.id)).toEqual([p.northwind.id])
    expect(
      (
        await rejection(
          anonymous().auth.login({ email: p.email, password: PASSWORD, organization: third.slug }),
        )
      ).code,
    ).toBe('account_disabled')
  })

  it('counts a seat in each organization by the role held there', async () => {
    const email = uniqueEmail('seat')
    const one = await createTestOrg(t, { seats: 1 })
    const two = await createTestOrg(t, { seats: 1 })
    await one.addMember({ role: 'technician', email })
    await two.addMember({ role: 'admin', email })
    expect((await one.owner.client.me.get()).seats.used).toBe(1)
    expect((await two.owner.client.me.get()).seats.used).toBe(0)
    // The first organization's seat is taken; the second one's is free for a technician.
    const newcomer = () => ({
      email: uniqueEmail('x'),
      firstName: 'Xavier',
      lastName: 'Roux',
      role: 'technician',
    })
    expect((await rejection(one.owner.client.users.create(newcomer()))).code).toBe('seat_limit_reached')
    expect((await two.owner.client.users.create(newcomer())).role).toBe('technician')
  })

  it('records the sign-in and the switch in the audit log of the organization opened', async () => {
    const p = await personInTwo()
    const login = await anonymous().auth.login({
      email: p.email,
      password: PASSWORD,
      organization: p.northwind.slug,
    })
    await clientWith(login.session.token).auth.switchOrganization?.({ organization: p.durand.slug })
    const events = async (orgId: string, userId: string) =>
      (
        await t.server.db
          .selectFrom('audit_events')
          .select(['action', 'actor_id'])
          .where('org_id', '=', orgId)
          .where('action', '=', 'user.signed_in')
          .execute()
      ).filter((e) => e.actor_id === userId)
    expect(await events(p.northwind.id, p.inNorthwind.user.id)).toHaveLength(1)
    expect(await events(p.durand.id, p.inDurand.user.id)).toHaveLength(1)
  })

  it('an administrator of one organization cannot set the password of an account shared with another', async () => {
    const p = await personInTwo()
    const error = await rejection(
      p.durand.owner.client.users.setPassword(p.inDurand.user.id, { password: NEW_PASSWORD }),
    )
    expect([error.status, error.code]).toEqual([403, 'forbidden'])
    // The person's password still works.
    expect((await anonymous().auth.login({ email: p.email, password: PASSWORD })).user.email).toBe(p.email)
  })
})

describe('given an invitation to an address that already has an account', () => {
  it('joins with the existing password, never a second one', async () => {
    const email = uniqueEmail('oliver.bennett')
    const northwind = await createTestOrg(t, { name: 'Northwind' })
    const durand = await createTestOrg(t, { name: 'Atelier Durand' })
    await northwind.addMember({ role: 'technician', email, password: PASSWORD })
    const created = await durand.owner.client.invitations.create({
      invitations: [{ firstName: 'Oliver', lastName: 'Bennett', email, role: 'technician' }],
    })
    const row = created.results[0]
    if (row?.status !== 'created') throw new Error(JSON.stringify(row))
    const mail = await t.server.db
      .selectFrom('outbox')
      .select('link')
      .where('to_address', '=', email)
      .where('kind', '=', 'invitation')
      .executeTakeFirstOrThrow()
    const token = new URL(mail.link ?? '').searchParams.get('token') ?? ''
    const lookup = await anonymous().invitations.lookup(token)
    expect([lookup.existingAccount, lookup.organization.name]).toEqual([true, 'Atelier Durand'])

    const body = { token, firstName: 'Oliver', lastName: 'Bennett', acceptTerms: true, acceptConsent: true }
    // A new password is refused: it is not the account's, and the link still works afterwards.
    const wrong = await rejection(anonymous().invitations.accept({ ...body, password: NEW_PASSWORD }))
    expect([wrong.status, wrong.code]).toEqual([401, 'invalid_credentials'])
    const joined = await anonymous().invitations.accept({ ...body, password: PASSWORD })
    expect(joined.user.status).toBe('active')

    // One password, both organizations.
    const login = await anonymous().auth.login({ email, password: PASSWORD, organization: durand.slug })
    expect(login.user.id).toBe(row.user.id)
    expect(login.memberships.map((m) => m.organization.id).sort()).toEqual([northwind.id, durand.id].sort())
    expect((await rejection(anonymous().auth.login({ email, password: NEW_PASSWORD }))).code).toBe(
      'invalid_credentials',
    )
  })

  it('asks a new address for a new password, as before', async () => {
    const org = await createTestOrg(t)
    const email = uniqueEmail('new')
    await org.owner.client.invitations.create({
      invitations: [{ firstName: 'Nina', lastName: 'Roux', email, role: 'technician' }],
    })
    const mail = await t.server.db
      .selectFrom('outbox')
      .select('link')
      .where('to_address', '=', email)
      .executeTakeFirstOrThrow()
    const lookup = await anonymous().invitations.lookup(
      new URL(mail.link ?? '').searchParams.get('token') ?? '',
    )
    expect(lookup.existingAccount).toBe(false)
  })
})

describe('given a host that signs its own tokens', () => {
  it('accepts `sub` naming the account, and the person’s user id as before', async () => {
    const p = await personInTwo()
    const byUser = clientWith(
      await signHostToken({ secret: TEST_SECRET, userId: p.inDurand.user.id, orgId: p.durand.id }),
    )
    const me = await byUser.me.get()
    expect(me.accountId).toMatch(/^[0-9a-f-]{36}$/)
    const byAccount = clientWith(
      await signHostToken({ secret: TEST_SECRET, userId: me.accountId ?? '', orgId: p.northwind.id }),
    )
    const there = await byAccount.me.get()
    expect([there.user.id, there.organization.id]).toEqual([p.inNorthwind.user.id, p.northwind.id])
    expect((await byAccount.me.memberships?.())?.map((m) => m.organization.id).sort()).toEqual(
      [p.northwind.id, p.durand.id].sort(),
    )
    // The account in an organization it does not belong to names nobody.
    const stranger = await createTestOrg(t)
    const nowhere = clientWith(
      await signHostToken({ secret: TEST_SECRET, userId: me.accountId ?? '', orgId: stranger.id }),
    )
    expect((await rejection(nowhere.me.get())).code).toBe('unauthenticated')
  })
})
