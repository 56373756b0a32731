import { randomBytes } from 'node:crypto'
import type {
  AcceptInvitationResult,
  CreateInvitationsResult,
  ImportChunkResult,
  Invitation,
} from '@usher/contract'
import { makeMe, makeUsers } from '@usher/fixtures'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { replayOf } from '../src/core/retry-policy'
import {
  createUsherClient,
  isUsherApiError,
  isUsherNetworkError,
  type UsherClientOptions,
} from '../src/index'
import { rejection } from './support/rejection'
import { closedPortUrl, problemReply, startTestServer, type TestServer } from './support/test-server'

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

    const error = await rejection(
      clientFor({ retry: { delay: () => 20, maxRetryAfter: 5_000 } }).roles.list(),
    )

    // Had it waited (ky caps the wait at maxRetryAfter), the retry would have met the 200.
    expect(isUsherApiError(error) && [error.code, error.retryAfter]).toEqual(['rate_limited', 120])
    expect(server.requests).toHaveLength(1)
  })
})

describe('given an answer that retrying cannot change', () => {
  it.each([
    ['409', problemReply('conflict')],
    ['422', problemReply('validation_failed', { errors: [] })],
    ['404', problemReply('not_found')],
    ['401', problemReply('token_expired')],
    ['409 with Retry-After (not a keyed POST)', problemReply('conflict', {}, { 'Retry-After': '0' })],
    ['413', problemReply('payload_too_large')],
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

const acceptance = {
  token: randomBytes(32).toString('base64url'),
  firstName: 'Léa',
  lastName: 'Dubois',
  password: 'correct horse battery staple',
  acceptTerms: true,
  acceptConsent: true,
}
const importId = '0b0f4c9e-6a51-4e2b-9d3a-5c6f7a8b9c0d'
const chunk = { index: 3, rows: [{ line: 2, firstName: 'Léa', email: 'lea@acme.fr' }] }
const chunkResult: ImportChunkResult = {
  index: 3,
  results: [{ line: 2, email: 'lea@acme.fr', status: 'created', userId: technician.id, error: null }],
}

/**
 * A fetch whose first `refusals` attempts go to a port that refuses the connection (Node's own
 * ECONNREFUSED, nothing sent), and the next ones to the test server.
 */
async function refusedThenServer(refusals: number) {
  const refusedUrl = await closedPortUrl()
  const calls = { count: 0 }
  const fetchFn = async (request: Request) => {
    calls.count += 1
    if (calls.count > refusals) return fetch(request)
    const url = request.url.replace(server.url, refusedUrl)
    const body = request.body ? await request.arrayBuffer() : null
    return fetch(url, { method: request.method, headers: request.headers, body })
  }
  return { fetch: fetchFn as typeof fetch, calls }
}

describe('given a write the server cannot recognise when repeated', () => {
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

  it('retries invitations.accept on 429: the server did nothing', async () => {
    server
      .on('POST', '/invitations/accept', problemReply('rate_limited', {}, { 'Retry-After': '0' }))
      .on('POST', '/invitations/accept', { status: 200, json: accepted })

    await expect(clientFor().invitations.accept(acceptance)).resolves.toEqual(accepted)

    expect(server.requests.map((r) => r.body)).toEqual([acceptance, acceptance])
  })

  it('retries invitations.accept when the connection was refused: nothing was sent', async () => {
    server.on('POST', '/invitations/accept', { status: 200, json: accepted })
    const refused = await refusedThenServer(1)

    await expect(clientFor({ fetch: refused.fetch }).invitations.accept(acceptance)).resolves.toEqual(
      accepted,
    )

    expect(refused.calls.count).toBe(2)
    expect(server.requests).toHaveLength(1)
  })

  it('tries every attempt the limit allows while the connection is refused, then fails as network', async () => {
    const refused = await refusedThenServer(Number.POSITIVE_INFINITY)

    const error = await rejection(
      clientFor({ fetch: refused.fetch, retry: { limit: 2, delay: () => 1 } }).imports.complete(importId),
    )

    expect(isUsherNetworkError(error) && error.reason).toBe('network')
    expect(refused.calls.count).toBe(3)
    expect(server.requests).toHaveLength(0)
  })

  it.each([
    ['500', problemReply('internal_error')],
    ['a dropped connection', 'drop' as const],
  ])('does not retry imports.complete (a POST without a key) on %s', async (_, reply) => {
    server.on('POST', `/imports/${importId}/complete`, reply)

    await rejection(clientFor().imports.complete(importId))

    expect(server.requests).toHaveLength(1)
  })
})

describe('given imports.addChunk (a POST the contract marks replayable: the chunk index dedupes it)', () => {
  it.each([
    ['500', problemReply('internal_error')],
    ['502', { status: 502, text: 'Bad Gateway' }],
    ['a dropped connection', 'drop' as const],
  ])('retries it on %s, without an Idempotency-Key, with the same chunk', async (_, reply) => {
    server
      .on('POST', `/imports/${importId}/chunks`, reply)
      .on('POST', `/imports/${importId}/chunks`, { status: 200, json: chunkResult })

    await expect(clientFor().imports.addChunk(importId, chunk)).resolves.toEqual(chunkResult)

    expect(server.requests).toHaveLength(2)
    expect(server.requests[1]?.body).toEqual(server.requests[0]?.body)
    expect(server.requests[1]?.headers['idempotency-key']).toBeUndefined()
  })
})

describe('given an update guarded by If-Match', () => {
  const patched = { ...technician, role: 'admin' as const, version: 2 }

  it.each([
    ['503', problemReply('service_unavailable')],
    ['429', problemReply('rate_limited', {}, { 'Retry-After': '0' })],
  ])('retries users.update on %s (nothing was done), with the same If-Match', async (_, reply) => {
    server
      .on('PATCH', `/users/${technician.id}`, reply)
      .on('PATCH', `/users/${technician.id}`, { status: 200, json: patched })

    await expect(clientFor().users.update(technician.id, { role: 'admin' }, { ifMatch: 1 })).resolves.toEqual(
      patched,
    )

    expect(server.requests.map((r) => r.headers['if-match'])).toEqual(['"1"', '"1"'])
  })

  it('retries it when the connection was refused', async () => {
    server.on('PATCH', `/users/${technician.id}`, { status: 200, json: patched })
    const refused = await refusedThenServer(1)

    await expect(
      clientFor({ fetch: refused.fetch }).users.update(technician.id, { role: 'admin' }, { ifMatch: 1 }),
    ).resolves.toEqual(patched)

    expect(refused.calls.count).toBe(2)
    expect(server.requests).toHaveLength(1)
  })

  // The change may have been applied: a replay would meet 412 for the caller's own change.
  it.each([
    ['500', problemReply('internal_error')],
    ['502', { status: 502, text: 'Bad Gateway' }],
    ['504', { status: 504, text: 'Gateway Timeout' }],
    ['408', { status: 408, text: 'Request Timeout' }],
    ['a dropped connection', 'drop' as const],
  ])('does not retry users.update or shares.replace on %s', async (_, reply) => {
    server
      .on('PATCH', `/users/${technician.id}`, reply)
      .on('PATCH', `/users/${technician.id}`, { status: 200, json: patched })
      .on('PUT', `/users/${technician.id}/shares`, reply)
      .on('PUT', `/users/${technician.id}/shares`, {
        status: 200,
        json: { userId: technician.id, items: [], version: 2 },
      })
    const client = clientFor()

    await rejection(client.users.update(technician.id, { role: 'admin' }, { ifMatch: 1 }))
    await rejection(client.shares.replace(technician.id, { shares: [] }, { ifMatch: 1 }))

    expect(server.requests.map((r) => r.method)).toEqual(['PATCH', 'PUT'])
  })

  it('does not retry users.update after a timeout', async () => {
    server.on('PATCH', `/users/${technician.id}`, { status: 200, json: patched, delayMs: 60_000 })

    const error = await rejection(
      clientFor({ timeout: 200 }).users.update(technician.id, { role: 'admin' }, { ifMatch: 1 }),
    )

    expect(isUsherNetworkError(error) && error.reason).toBe('timeout')
    expect(server.requests).toHaveLength(1)
  })
})

describe('given a keyed create answered 409 idempotency_in_progress (the first request still runs)', () => {
  const inProgress = (retryAfter: string) =>
    problemReply('idempotency_in_progress', {}, { 'Retry-After': retryAfter })

  it('waits the Retry-After and sends the same key again', async () => {
    server
      .on('POST', '/invitations', inProgress('1'))
      .on('POST', '/invitations', { status: 200, json: created })
    const started = performance.now()

    await expect(clientFor().invitations.create(invite)).resolves.toEqual(created)

    expect(performance.now() - started).toBeGreaterThanOrEqual(900)
    const [first, second] = server.requests.map((r) => r.headers['idempotency-key'])
    expect(first).toMatch(UUID)
    expect(second).toBe(first)
  })

  it('fails at once when the Retry-After is longer than maxRetryAfter', async () => {
    server
      .on('POST', '/invitations', inProgress('120'))
      .on('POST', '/invitations', { status: 200, json: created })

    const error = await rejection(
      clientFor({ retry: { delay: () => 20, maxRetryAfter: 5_000 } }).invitations.create(invite),
    )

    expect(isUsherApiError(error) && [error.code, error.retryAfter]).toEqual(['idempotency_in_progress', 120])
    expect(server.requests).toHaveLength(1)
  })

  it('does not retry a 409 without Retry-After', async () => {
    server
      .on('POST', '/invitations', problemReply('idempotency_in_progress'))
      .on('POST', '/invitations', { status: 200, json: created })

    const error = await rejection(clientFor().invitations.create(invite))

    expect(isUsherApiError(error) && error.code).toBe('idempotency_in_progress')
    expect(server.requests).toHaveLength(1)
  })

  it('does not retry a 409 with Retry-After on a POST without a key', async () => {
    server
      .on('POST', '/invitations/accept', problemReply('conflict', {}, { 'Retry-After': '0' }))
      .on('POST', '/invitations/accept', { status: 200, json: accepted })

    await rejection(clientFor().invitations.accept(acceptance))

    expect(server.requests).toHaveLength(1)
  })
})

describe('given a DELETE answered 404', () => {
  const path = `/users/${technician.id}`

  it.each([
    ['a 503', problemReply('service_unavailable')],
    ['a dropped connection', 'drop' as const],
  ])('resolves when the 404 answers a retry after %s: the first attempt did it', async (_, first) => {
    server.on('DELETE', path, first).on('DELETE', path, problemReply('not_found'))

    await expect(clientFor().users.delete(technician.id)).resolves.toBeUndefined()

    expect(server.requests).toHaveLength(2)
  })

  it('rejects a 404 on the first attempt', async () => {
    server.on('DELETE', path, problemReply('not_found'))

    const error = await rejection(clientFor().users.delete(technician.id))

    expect(isUsherApiError(error) && error.code).toBe('not_found')
    expect(server.requests).toHaveLength(1)
  })

  it('rejects a 404 after a 429: the first attempt did nothing', async () => {
    server
      .on('DELETE', path, problemReply('rate_limited', {}, { 'Retry-After': '0' }))
      .on('DELETE', path, problemReply('not_found'))

    const error = await rejection(clientFor().users.delete(technician.id))

    expect(isUsherApiError(error) && error.code).toBe('not_found')
    expect(server.requests).toHaveLength(2)
  })

  it('rejects it for imports.cancel, which answers the import: a 404 has nothing to resolve with', async () => {
    server
      .on('DELETE', `/imports/${importId}`, problemReply('service_unavailable'))
      .on('DELETE', `/imports/${importId}`, problemReply('not_found'))

    const error = await rejection(clientFor().imports.cancel(importId))

    expect(isUsherApiError(error) && error.code).toBe('not_found')
  })
})

describe('the replay classes', () => {
  // No endpoint of the contract is an unguarded PUT or PATCH yet; the rule is there for the next one.
  it('replays a PUT or PATCH without If-Match like a GET, and guards one with it', () => {
    expect(replayOf({ method: 'PUT' }, false)).toBe('safe')
    expect(replayOf({ method: 'PATCH' }, false)).toBe('safe')
    expect(replayOf({ method: 'PATCH', ifMatch: true }, false)).toBe('guarded')
    expect(replayOf({ method: 'POST' }, false)).toBe('unsafe')
    expect(replayOf({ method: 'POST' }, true)).toBe('safe')
    expect(replayOf({ method: 'POST', replayable: true }, false)).toBe('safe')
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
    // The first answer would come a minute late; the second at once, well within a generous timeout
    // even on a busy machine.
    server
      .on('GET', '/me', { status: 200, json: me, delayMs: 60_000 })
      .on('GET', '/me', { status: 200, json: me })

    await expect(clientFor({ timeout: 1_000 }).me.get()).resolves.toEqual(me)

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
