import { randomBytes } from 'node:crypto'
import type { AcceptInvitationResult, CreateInvitationsResult, Invitation } from '@usher/contract'
import { makeMe, makeUsers } from '@usher/fixtures'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import {
  createUsherClient,
  isUsherApiError,
  isUsherNetworkError,
  type UsherClientOptions,
} from '../src/index'
import { rejection } from './support/rejection'
import { problemReply, startTestServer, type TestServer } from './support/test-server'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

const users = makeUsers(4)
const [owner, technician] = users as [(typeof users)[0], (typeof users)[0]]
const me = makeMe(users)
const invite = {
  invitations: [{ firstName: 'Léa', lastName: 'Dubois', email: 'lea@acme.fr', role: 'technician' }],
}
const invitation: Invitation = {
  id: technician.invitationId ?? owner.id,
  userId: technician.id,
  email: technician.email,
  salutation: technician.salutation,
  firstName: technician.firstName,
  lastName: technician.lastName,
  role: technician.role,
  groupIds: [],
  locale: technician.locale,
  status: 'pending',
  invitedBy: { id: owner.id, name: `${owner.firstName} ${owner.lastName}`, email: owner.email },
  expiresAt: '2026-12-23T09:00:00.000Z',
  lastSentAt: '2026-11-23T09:00:00.000Z',
  sendCount: 1,
  createdAt: '2026-11-23T09:00:00.000Z',
}
const created: CreateInvitationsResult = {
  results: [{ index: 0, status: 'created', invitation, user: technician }],
  created: 1,
  failed: 0,
}
const accepted: AcceptInvitationResult = { user: technician, session: null }

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.close()
})

/** Fast retries: 20 ms between attempts instead of 300, 600... */
const clientFor = (extra: Partial<UsherClientOptions> = {}) =>
  createUsherClient({ baseUrl: server.url, token: 'tok', retry: { delay: () => 20 }, ...extra })

describe('given a GET answered 503 then 200', () => {
  it('succeeds after two requests', async () => {
    server.on('GET', '/me', problemReply('service_unavailable')).on('GET', '/me', { status: 200, json: me })

    await expect(clientFor().me.get()).resolves.toEqual(me)

    expect(server.requests).toHaveLength(2)
  })

  it.each([502, 504, 500, 408])('retries a %i the same way', async (status) => {
    server.on('GET', '/me', { status, text: 'upstream trouble' }).on('GET', '/me', { status: 200, json: me })

    await expect(clientFor().me.get()).resolves.toEqual(me)

    expect(server.requests).toHaveLength(2)
  })
})

describe('given a server that keeps failing', () => {
  it('stops after the limit: limit 2 is 3 attempts, then the last error', async () => {
    server.on('GET', '/me', problemReply('service_unavailable', { requestId: 'last' }))

    const error = await rejection(clientFor({ retry: { limit: 2, delay: () => 20 } }).me.get())

    expect(server.requests).toHaveLength(3)
    expect(isUsherApiError(error) && [error.status, error.code]).toEqual([503, 'service_unavailable'])
  })

  it('makes one attempt with retry: 0', async () => {
    server.on('GET', '/me', problemReply('service_unavailable'))

    await rejection(clientFor({ retry: 0 }).me.get())

    expect(server.requests).toHaveLength(1)
  })

  it('takes a number as the limit', async () => {
    server.on('GET', '/me', { status: 503, text: 'down' })

    // No delay given here: the default backoff is 300 ms, so one retry keeps the test short.
    await rejection(createUsherClient({ baseUrl: server.url, retry: 1 }).me.get())

    expect(server.requests).toHaveLength(2)
  })
})

describe('given a 429 with Retry-After: 1', () => {
  it('waits about a second, not the retry delay, before retrying', async () => {
    server
      .on('GET', '/roles', problemReply('rate_limited', { retryAfter: 1 }, { 'Retry-After': '1' }))
      .on('GET', '/roles', { status: 200, json: { items: [] } })
    const started = performance.now()

    await expect(clientFor().roles.list()).resolves.toEqual({ items: [] })

    expect(server.requests).toHaveLength(2)
    expect(performance.now() - started).toBeGreaterThanOrEqual(900)
  })

  it('fails at once, without waiting, when Retry-After is longer than maxRetryAfter', async () => {
    server
      .on('GET', '/roles', problemReply('rate_limited', {}, { 'Retry-After': '120' }))
      .on('GET', '/roles', { status: 200, json: { items: [] } })
    const started = performance.now()

    const error = await rejection(
      clientFor({ retry: { delay: () => 20, maxRetryAfter: 5_000 } }).roles.list(),
    )

    expect(isUsherApiError(error) && [error.code, error.retryAfter]).toEqual(['rate_limited', 120])
    expect(server.requests).toHaveLength(1)
    expect(performance.now() - started).toBeLessThan(1000)
  })
})

describe('given an answer that retrying cannot change', () => {
  it.each([
    ['409', problemReply('conflict')],
    ['422', problemReply('validation_failed', { errors: [] })],
    ['404', problemReply('not_found')],
    ['401', problemReply('token_expired')],
  ])('does not retry a %s', async (_, reply) => {
    server.on('GET', `/users/${technician.id}`, reply)

    const error = await rejection(clientFor().users.get(technician.id))

    expect(isUsherApiError(error)).toBe(true)
    expect(server.requests).toHaveLength(1)
  })
})

describe('given invitations.create (a POST with an Idempotency-Key)', () => {
  it('retries a 500 with the same key, a UUID; the next call gets a new key', async () => {
    server
      .on('POST', '/invitations', problemReply('internal_error'))
      .on('POST', '/invitations', { status: 200, json: created })
    const client = clientFor()

    await expect(client.invitations.create(invite)).resolves.toEqual(created)
    await client.invitations.create(invite)

    const keys = server.requests.map((r) => r.headers['idempotency-key'])
    expect(keys).toHaveLength(3)
    expect(keys[0]).toMatch(UUID)
    expect(keys[1]).toBe(keys[0])
    expect(keys[2]).toMatch(UUID)
    expect(keys[2]).not.toBe(keys[0])
    expect(server.requests[1]?.body).toEqual(invite)
  })

  it('sends a caller-provided key as is, on every attempt', async () => {
    server
      .on('POST', '/invitations', problemReply('service_unavailable'))
      .on('POST', '/invitations', { status: 200, json: created })

    await clientFor().invitations.create(invite, { idempotencyKey: 'form-submit-2026-11-23-0001' })

    expect(server.requests.map((r) => r.headers['idempotency-key'])).toEqual([
      'form-submit-2026-11-23-0001',
      'form-submit-2026-11-23-0001',
    ])
  })

  it('retries a dropped connection with the same key', async () => {
    server.on('POST', '/invitations', 'drop').on('POST', '/invitations', { status: 200, json: created })

    await expect(clientFor().invitations.create(invite)).resolves.toEqual(created)

    expect(server.requests).toHaveLength(2)
    const [first, second] = server.requests.map((r) => r.headers['idempotency-key'])
    expect(first).toMatch(UUID)
    expect(second).toBe(first)
  })
})

describe('given a write the server cannot recognise when repeated', () => {
  const token = randomBytes(32).toString('base64url')
  const acceptance = {
    token,
    firstName: 'Léa',
    lastName: 'Dubois',
    password: 'correct horse battery staple',
    acceptTerms: true,
    acceptConsent: true,
  }

  it('does not retry invitations.accept (a POST without a key) on 503', async () => {
    server
      .on('POST', '/invitations/accept', problemReply('service_unavailable'))
      .on('POST', '/invitations/accept', { status: 200, json: accepted })

    const error = await rejection(clientFor().invitations.accept(acceptance))

    expect(isUsherApiError(error) && error.status).toBe(503)
    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]?.headers['idempotency-key']).toBeUndefined()
  })

  it('does not retry invitations.accept on a dropped connection', async () => {
    server
      .on('POST', '/invitations/accept', 'drop')
      .on('POST', '/invitations/accept', { status: 200, json: accepted })

    const error = await rejection(clientFor().invitations.accept(acceptance))

    expect(isUsherNetworkError(error) && error.reason).toBe('network')
    expect(server.requests).toHaveLength(1)
  })

  it('does not retry users.update (a PATCH) on 503', async () => {
    server
      .on('PATCH', `/users/${technician.id}`, problemReply('service_unavailable'))
      .on('PATCH', `/users/${technician.id}`, { status: 200, json: technician })

    const error = await rejection(clientFor().users.update(technician.id, { role: 'admin' }, { ifMatch: 1 }))

    expect(isUsherApiError(error) && error.status).toBe(503)
    expect(server.requests).toHaveLength(1)
  })
})

describe('given idempotent methods other than GET', () => {
  it('retries a PUT (shares.replace) and a DELETE (users.delete) on 503', async () => {
    const shares = { userId: technician.id, items: [], version: 2 }
    server
      .on('PUT', `/users/${technician.id}/shares`, problemReply('service_unavailable'))
      .on('PUT', `/users/${technician.id}/shares`, { status: 200, json: shares })
      .on('DELETE', `/users/${technician.id}`, problemReply('service_unavailable'))
      .on('DELETE', `/users/${technician.id}`, { status: 204 })
    const client = clientFor()

    await expect(client.shares.replace(technician.id, { shares: [] }, { ifMatch: 1 })).resolves.toEqual(
      shares,
    )
    await expect(client.users.delete(technician.id)).resolves.toBeUndefined()

    expect(server.requests.map((r) => r.method)).toEqual(['PUT', 'PUT', 'DELETE', 'DELETE'])
    expect(server.requests[1]?.headers['if-match']).toBe('"1"')
  })
})

describe('given a GET that times out once', () => {
  it('retries it, as the retry option documents', async () => {
    server
      .on('GET', '/me', { status: 200, json: me, delayMs: 2000 })
      .on('GET', '/me', { status: 200, json: me })

    await expect(clientFor({ timeout: 200 }).me.get()).resolves.toEqual(me)

    expect(server.requests).toHaveLength(2)
  })
})

describe('given hooks.beforeRequest', () => {
  it('runs before each attempt with its number', async () => {
    server.on('GET', '/me', problemReply('service_unavailable')).on('GET', '/me', { status: 200, json: me })
    const attempts: Array<[string, number, string | null]> = []
    const client = clientFor({
      hooks: {
        beforeRequest: [
          ({ endpoint, attempt, request }) => {
            attempts.push([endpoint, attempt, request.headers.get('authorization')])
          },
        ],
      },
    })

    await client.me.get()

    expect(attempts).toEqual([
      ['getMe', 0, 'Bearer tok'],
      ['getMe', 1, 'Bearer tok'],
    ])
  })
})
