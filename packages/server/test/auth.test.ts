import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createUsherClient, isUsherApiError, type UsherApiError } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUsherServer, type UsherServerOptions } from '../src/index'
import { createTestOrg, startTestServer, TEST_SECRET, type TestServer } from './support/harness'

let t: TestServer
beforeAll(async () => {
  // Every test here signs in from 127.0.0.1: lift the per-address limits (one test checks them).
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
const clientWith = (token: string | undefined, baseUrl = t.url) =>
  createUsherClient({ baseUrl, token, retry: 0 })

async function lastMail(to: string) {
  return t.server.db
    .selectFrom('outbox')
    .selectAll()
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
}
const tokenOf = (link: string | null | undefined) => new URL(link ?? '').searchParams.get('token') ?? ''

/** A second server on the same database with other options: limits, built-in auth off. */
async function otherServer(options: Partial<UsherServerOptions>) {
  const server = createUsherServer({
    database: { kysely: t.server.db },
    scheduler: false,
    auth: { secret: TEST_SECRET },
    clock: t.clock.now,
    logger: { info() {}, warn() {}, error() {} },
    ...options,
  })
  await server.ready
  const http = serve({ fetch: server.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => http.once('listening', () => resolve()))
  return {
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    close: () => new Promise<void>((resolve) => http.close(() => resolve())),
  }
}

describe('given the built-in sign-in', () => {
  it('signs a member in with a session that the API accepts', async () => {
    const org = await createTestOrg(t)
    const email = uniqueEmail('marc')
    const member = await org.addMember({ role: 'admin', email, password: PASSWORD })
    const result = await t.anonymous.auth.login({ email: email.toUpperCase(), password: PASSWORD })
    expect(result.user.id).toBe(member.user.id)
    expect(result.mustChangePassword).toBe(false)
    expect(new Date(result.session.expiresAt).getTime()).toBe(t.clock.now().getTime() + 3600_000)
    expect((await clientWith(result.session.token).me.get()).user.id).toBe(member.user.id)

    const events = await t.server.db
      .selectFrom('audit_events')
      .select('action')
      .where('target_id', '=', member.user.id)
      .where('action', '=', 'user.signed_in')
      .execute()
    expect(events).toHaveLength(1)
  })

  it('answers a wrong password, an unknown address and an account still invited alike', async () => {
    const org = await createTestOrg(t)
    const email = uniqueEmail('wrong')
    await org.addMember({ role: 'admin', email, password: PASSWORD })
    const invited = uniqueEmail('invited')
    await org.owner.client.invitations.create({
      invitations: [{ firstName: 'Inès', email: invited, role: 'technician' }],
    })
    for (const attempt of [
      { email, password: 'not the password at all' },
      { email: uniqueEmail('nobody'), password: PASSWORD },
      { email: invited, password: PASSWORD },
    ]) {
      const error = await rejection(t.anonymous.auth.login(attempt))
      expect([error.status, error.code]).toEqual([401, 'invalid_credentials'])
    }
  })

  it('refuses a disabled account', async () => {
    const org = await createTestOrg(t)
    const email = uniqueEmail('disabled')
    const member = await org.addMember({ role: 'technician', email, password: PASSWORD })
    await t.server.db.updateTable('users').set({ enabled: false }).where('id', '=', member.user.id).execute()
    const error = await rejection(t.anonymous.auth.login({ email, password: PASSWORD }))
    expect([error.status, error.code]).toEqual([403, 'account_disabled'])
  })

  it('opens the organization named, or the one used last, for an address in several', async () => {
    const email = uniqueEmail('twice')
    const first = await createTestOrg(t)
    const second = await createTestOrg(t)
    const here = await first.addMember({ role: 'admin', email, password: PASSWORD })
    const there = await second.addMember({ role: 'technician', email, password: PASSWORD })
    t.clock.advanceSeconds(1)
    const result = await t.anonymous.auth.login({ email, password: PASSWORD, organization: second.slug })
    expect(result.user.id).toBe(there.user.id)
    expect(result.memberships.map((m) => m.userId).sort()).toEqual([here.user.id, there.user.id].sort())
    const unnamed = await t.anonymous.auth.login({ email, password: PASSWORD })
    expect(unnamed.user.id).toBe(there.user.id)
  })

  it('throttles sign-in attempts per address with 429 and Retry-After', async () => {
    const strict = await otherServer({ limits: { loginAttempts: 3 } })
    try {
      const client = clientWith(undefined, strict.url)
      const email = uniqueEmail('guess')
      for (let i = 0; i < 3; i++) {
        expect((await rejection(client.auth.login({ email, password: `guess number ${i}` }))).code).toBe(
          'invalid_credentials',
        )
      }
      const error = await rejection(client.auth.login({ email, password: 'one more guess' }))
      expect([error.status, error.code]).toEqual([429, 'rate_limited'])
      expect(error.retryAfter).toBeGreaterThan(0)
    } finally {
      await strict.close()
    }
  })

  it('answers 404 builtin_auth_disabled when the host signs its users in itself', async () => {
    const hosted = await otherServer({ auth: { secret: TEST_SECRET, builtin: false } })
    try {
      const client = clientWith(undefined, hosted.url)
      const error = await rejection(client.auth.login({ email: uniqueEmail('x'), password: PASSWORD }))
      expect([error.status, error.code]).toEqual([404, 'builtin_auth_disabled'])
      expect((await rejection(client.auth.requestPasswordReset({ email: uniqueEmail('x') }))).code).toBe(
        'builtin_auth_disabled',
      )
      expect((await rejection(client.auth.lookupPasswordReset('x'.repeat(43)))).code).toBe(
        'builtin_auth_disabled',
      )
    } finally {
      await hosted.close()
    }
  })
})

describe('given a forgotten password', () => {
  it('mails a one-hour link that sets a new password, ends the old sessions and signs in', async () => {
    const org = await createTestOrg(t)
    const email = uniqueEmail('forgot')
    const member = await org.addMember({ role: 'admin', email, password: PASSWORD })
    const old = await t.anonymous.auth.login({ email, password: PASSWORD })

    await t.anonymous.auth.requestPasswordReset({ email })
    const mail = await lastMail(email)
    expect(mail?.kind).toBe('password_reset')
    expect(mail?.subject).toContain('Reset your')
    const token = tokenOf(mail?.link)

    const weak = await rejection(t.anonymous.auth.confirmPasswordReset({ token, password: 'short' }))
    expect([weak.status, weak.code]).toEqual([422, 'password_too_weak'])
    expect(weak.fieldErrors[0]?.path).toBe('password')

    const result = await t.anonymous.auth.confirmPasswordReset({ token, password: NEW_PASSWORD })
    expect(result.user.id).toBe(member.user.id)
    expect((await clientWith(result.session.token).me.get()).user.id).toBe(member.user.id)

    const ended = await rejection(clientWith(old.session.token).me.get())
    expect([ended.status, ended.code]).toEqual([401, 'token_expired'])
    expect((await rejection(t.anonymous.auth.login({ email, password: PASSWORD }))).code).toBe(
      'invalid_credentials',
    )
    expect((await t.anonymous.auth.login({ email, password: NEW_PASSWORD })).user.id).toBe(member.user.id)

    const reused = await rejection(t.anonymous.auth.confirmPasswordReset({ token, password: NEW_PASSWORD }))
    expect([reused.status, reused.code]).toEqual([400, 'reset_token_invalid'])
  })

  it('says what a reset link is for — whose account, the organization and its policy — before a password is typed', async () => {
    const org = await createTestOrg(t, { name: 'Atelier Mercier' })
    await org.owner.client.organization.update(
      { settings: { passwordPolicy: { minLength: 16, requireDigit: true } } },
      { ifMatch: (await org.owner.client.me.get()).organization.version },
    )
    const email = uniqueEmail('lookup')
    await org.addMember({ role: 'admin', email, password: PASSWORD, firstName: 'Rose', lastName: 'Mercier' })
    await t.anonymous.auth.requestPasswordReset({ email })
    const token = tokenOf((await lastMail(email))?.link)

    const lookup = await t.anonymous.auth.lookupPasswordReset(token)
    expect(lookup).toMatchObject({
      organization: { name: 'Atelier Mercier' },
      email,
      firstName: 'Rose',
      lastName: 'Mercier',
      activation: false,
      passwordPolicy: { minLength: 16, requireDigit: true },
    })
    // Reading it twice uses nothing up.
    expect((await t.anonymous.auth.lookupPasswordReset(token)).email).toBe(email)

    // A refusal names the policy applied and what was broken, by code, for any language.
    const weak = await rejection(
      t.anonymous.auth.confirmPasswordReset({ token, password: 'rose mercier password' }),
    )
    expect(weak.code).toBe('password_too_weak')
    expect(weak.problem.passwordPolicy).toMatchObject({ minLength: 16, requireDigit: true })
    expect(weak.problem.passwordProblems).toEqual(['digit', 'contains_name'])

    await t.anonymous.auth.confirmPasswordReset({ token, password: `${NEW_PASSWORD} 42` })
    const used = await rejection(t.anonymous.auth.lookupPasswordReset(token))
    expect([used.status, used.code]).toEqual([400, 'reset_token_invalid'])
    const unknown = await rejection(t.anonymous.auth.lookupPasswordReset('x'.repeat(43)))
    expect(unknown.code).toBe('reset_token_invalid')
  })

  it('gives the organization’s policy with every sign-in, for the change-password step', async () => {
    const org = await createTestOrg(t)
    await org.owner.client.organization.update(
      { settings: { passwordPolicy: { minLength: 14 } } },
      { ifMatch: (await org.owner.client.me.get()).organization.version },
    )
    const email = uniqueEmail('policy')
    await org.addMember({ role: 'technician', email, password: PASSWORD })
    const login = await t.anonymous.auth.login({ email, password: PASSWORD })
    expect(login.passwordPolicy.minLength).toBe(14)
  })

  it('answers 202 for an unknown address and mails nothing', async () => {
    const email = uniqueEmail('ghost')
    await expect(t.anonymous.auth.requestPasswordReset({ email })).resolves.toBeUndefined()
    expect(await lastMail(email)).toBeUndefined()
  })

  it('refuses a link after an hour', async () => {
    const org = await createTestOrg(t)
    const email = uniqueEmail('late')
    await org.addMember({ role: 'admin', email, password: PASSWORD })
    await t.anonymous.auth.requestPasswordReset({ email })
    const token = tokenOf((await lastMail(email))?.link)
    t.clock.advanceSeconds(3601)
    const error = await rejection(t.anonymous.auth.confirmPasswordReset({ token, password: NEW_PASSWORD }))
    expect(error.code).toBe('reset_token_invalid')
  })

  it('lets an invited person who lost the invitation activate their account (seed 001)', async () => {
    const org = await createTestOrg(t, { name: 'Fonderie Lambert' })
    const email = uniqueEmail('lost')
    const created = await org.owner.client.invitations.create({
      invitations: [{ firstName: 'Hugo', lastName: 'Petit', email, role: 'technician', locale: 'fr' }],
    })
    const invitationToken = tokenOf((await lastMail(email))?.link)
    const row = created.results[0]
    if (row?.status !== 'created') throw new Error('not created')
    t.clock.advanceDays(40)

    await t.anonymous.auth.requestPasswordReset({ email })
    const mail = await lastMail(email)
    expect(mail?.kind).toBe('activation')
    expect(mail?.subject).toBe('Activez votre compte Fonderie Lambert sur Usher')
    const result = await t.anonymous.auth.confirmPasswordReset({
      token: tokenOf(mail?.link),
      password: NEW_PASSWORD,
    })
    expect(result.user).toMatchObject({ id: row.user.id, status: 'active', invitationId: null })

    expect((await rejection(t.anonymous.invitations.lookup(invitationToken))).code).toBe('invitation_revoked')
    expect((await t.anonymous.auth.login({ email, password: NEW_PASSWORD })).user.status).toBe('active')
  })
})

describe('given a password set by an administrator', () => {
  it('lets the session only change it, then answers a fresh session and ends the old one', async () => {
    const org = await createTestOrg(t)
    const email = uniqueEmail('forced')
    const member = await org.addMember({ role: 'admin', email, password: PASSWORD })
    await t.server.db
      .updateTable('users')
      .set({ must_change_password: true })
      .where('id', '=', member.user.id)
      .execute()

    const login = await t.anonymous.auth.login({ email, password: PASSWORD })
    expect(login.mustChangePassword).toBe(true)
    const session = clientWith(login.session.token)
    expect((await rejection(session.invitations.list())).code).toBe('password_change_required')

    const wrong = await rejection(
      session.auth.changePassword({ currentPassword: 'not it at all', newPassword: NEW_PASSWORD }),
    )
    expect([wrong.status, wrong.code]).toEqual([401, 'invalid_credentials'])
    const weak = await rejection(
      session.auth.changePassword({ currentPassword: PASSWORD, newPassword: 'abc' }),
    )
    expect([weak.status, weak.code]).toEqual([422, 'password_too_weak'])
    expect(weak.fieldErrors[0]?.path).toBe('newPassword')

    const changed = await session.auth.changePassword({
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    })
    expect(changed.mustChangePassword).toBe(false)
    expect(changed.user.mustChangePassword).toBe(false)
    const fresh = clientWith(changed.session.token)
    expect((await fresh.invitations.list()).items).toEqual([])
    expect((await rejection(session.me.get())).code).toBe('token_expired')
    expect((await t.anonymous.auth.login({ email, password: NEW_PASSWORD })).mustChangePassword).toBe(false)
  })
})
