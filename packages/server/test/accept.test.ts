import { randomBytes, randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createUsherClient, isUsherApiError, type UsherApiError, type UsherClient } from '@usher/sdk'
import { sql } from 'kysely'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUsherServer } from '../src/index'
import { createTestOrg, startTestServer, TEST_SECRET, type TestOrg, type TestServer } from './support/harness'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ limits: { publicPerMinute: 10_000 } })
})
afterAll(() => t.close())

const PASSWORD = 'correct horse battery staple'

const rejection = async (promise: Promise<unknown>): Promise<UsherApiError> => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!isUsherApiError(error)) throw new Error(`Expected an API error, got ${String(error)}`)
  return error
}

/** Invites one person and returns the link's token (read from the outbox, as the invitee's mailbox would). */
async function invite(org: TestOrg, input: { role?: string; locale?: 'en' | 'fr' } = {}) {
  const email = `invitee.${randomUUID().slice(0, 8)}@example.com`
  const result = await org.owner.client.invitations.create({
    invitations: [
      {
        salutation: 'ms',
        firstName: 'Élodie',
        lastName: 'Garnier',
        email,
        role: input.role ?? 'technician',
        locale: input.locale,
      },
    ],
  })
  const row = result.results[0]
  if (row?.status !== 'created') throw new Error(JSON.stringify(row))
  const mail = await t.server.db
    .selectFrom('outbox')
    .select('link')
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow()
  const token = new URL(mail.link ?? '').searchParams.get('token') ?? ''
  return { email, token, invitation: row.invitation, user: row.user }
}

const accept = (client: UsherClient, token: string, extra: Record<string, unknown> = {}) =>
  client.invitations.accept({
    token,
    firstName: 'Élodie',
    lastName: 'Garnier',
    password: PASSWORD,
    acceptTerms: true,
    acceptConsent: true,
    ...extra,
  })

describe('given an invitation link', () => {
  it('tells the accept page what it is for', async () => {
    const org = await createTestOrg(t, { name: 'Serrurerie Morel' })
    const { token, email } = await invite(org, { locale: 'fr' })
    const lookup = await t.anonymous.invitations.lookup(token)
    expect(lookup).toMatchObject({
      status: 'pending',
      organization: { name: 'Serrurerie Morel' },
      invitedBy: { name: 'Olivia Owner' },
      email,
      salutation: 'ms',
      firstName: 'Élodie',
      lastName: 'Garnier',
      role: 'technician',
      locale: 'fr',
      passwordPolicy: { minLength: 12 },
    })
  })

  it('answers each dead link with its own reason', async () => {
    const org = await createTestOrg(t)
    const unknown = randomBytes(32).toString('base64url')
    const notFound = await rejection(t.anonymous.invitations.lookup(unknown))
    expect([notFound.status, notFound.code]).toEqual([404, 'invitation_not_found'])

    const revoked = await invite(org)
    await org.owner.client.invitations.revoke(revoked.invitation.id)
    const revokedError = await rejection(t.anonymous.invitations.lookup(revoked.token))
    expect([revokedError.status, revokedError.code]).toEqual([410, 'invitation_revoked'])
    expect((await rejection(accept(t.anonymous, revoked.token))).code).toBe('invitation_revoked')

    const used = await invite(org)
    await accept(t.anonymous, used.token)
    const usedError = await rejection(t.anonymous.invitations.lookup(used.token))
    expect([usedError.status, usedError.code]).toEqual([410, 'invitation_used'])
  })

  it('shows an expired link as expired and refuses to accept it', async () => {
    const org = await createTestOrg(t)
    const { token } = await invite(org)
    t.clock.advanceDays(31)
    expect((await t.anonymous.invitations.lookup(token)).status).toBe('expired')
    const error = await rejection(accept(t.anonymous, token))
    expect([error.status, error.code]).toEqual([410, 'invitation_expired'])
  })
})

describe('given an invitee accepting', () => {
  it('activates the account with the edited name and signs in; the password works afterwards', async () => {
    const org = await createTestOrg(t)
    const { token, email, user, invitation } = await invite(org)
    const result = await accept(t.anonymous, token, {
      firstName: 'Élo',
      lastName: 'Garnier-Roux',
      salutation: null,
    })
    expect(result.user).toMatchObject({
      id: user.id,
      status: 'active',
      firstName: 'Élo',
      lastName: 'Garnier-Roux',
      salutation: null,
      invitationId: null,
      invitationExpiresAt: null,
    })
    expect(result.session).not.toBeNull()

    const session = createUsherClient({ baseUrl: t.url, token: result.session?.token, retry: 0 })
    expect((await session.me.get()).user.id).toBe(user.id)
    const login = await t.anonymous.auth.login({ email, password: PASSWORD })
    expect(login.user.id).toBe(user.id)

    const again = await rejection(accept(t.anonymous, token))
    expect(again.code).toBe('invitation_used')

    const events = await t.server.db
      .selectFrom('audit_events')
      .select(['action', 'actor_id'])
      .where('target_id', '=', invitation.id)
      .execute()
    expect(events).toContainEqual({ action: 'invitation.accepted', actor_id: user.id })
  })

  it('refuses a weak password and keeps the link usable', async () => {
    const org = await createTestOrg(t)
    const { token } = await invite(org)
    const error = await rejection(accept(t.anonymous, token, { password: 'garnier2024' }))
    expect([error.status, error.code]).toEqual([422, 'password_too_weak'])
    expect(error.fieldErrors.every((f) => f.path === 'password' && f.code === 'password_too_weak')).toBe(true)
    expect(error.fieldErrors.length).toBeGreaterThan(0)
    expect((await accept(t.anonymous, token)).user.status).toBe('active')
  })

  it('refuses while signed in as someone else, without using up the link', async () => {
    const org = await createTestOrg(t)
    const { token } = await invite(org)
    const error = await rejection(accept(org.owner.client, token))
    expect([error.status, error.code]).toEqual([409, 'invitation_email_mismatch'])
    expect((await t.anonymous.invitations.lookup(token)).status).toBe('pending')
    expect((await accept(t.anonymous, token)).user.status).toBe('active')
  })

  it('refuses when the plan has no seat left for the account', async () => {
    const org = await createTestOrg(t, { seats: 1 })
    const { token } = await invite(org)
    // The host moved the organization to a smaller plan after the invitation went out.
    await sql`update organizations set settings = settings || '{"seats": 0}'::jsonb where id = ${org.id}`.execute(
      t.server.db,
    )
    const error = await rejection(accept(t.anonymous, token))
    expect([error.status, error.code]).toEqual([409, 'seat_limit_reached'])
  })
})

describe('given many requests from one address', () => {
  it('throttles lookups and accepts with 429 and Retry-After', async () => {
    const strict = createUsherServer({
      database: { kysely: t.server.db },
      scheduler: false,
      auth: { secret: TEST_SECRET },
      clock: t.clock.now,
      logger: { info() {}, warn() {}, error() {} },
      limits: { publicPerMinute: 2 },
    })
    await strict.ready
    const http = serve({ fetch: strict.fetch, port: 0, hostname: '127.0.0.1' })
    await new Promise<void>((resolve) => http.once('listening', () => resolve()))
    try {
      const client = createUsherClient({
        baseUrl: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
        retry: 0,
      })
      const org = await createTestOrg(t)
      const { token } = await invite(org)
      await client.invitations.lookup(token)
      await client.invitations.lookup(token)
      const error = await rejection(client.invitations.lookup(token))
      expect([error.status, error.code]).toEqual([429, 'rate_limited'])
      expect(error.retryAfter).toBeGreaterThan(0)
      expect((await rejection(accept(client, token))).code).toBe('rate_limited')
    } finally {
      await new Promise<void>((resolve) => http.close(() => resolve()))
    }
  })
})
