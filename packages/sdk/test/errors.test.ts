import { randomBytes } from 'node:crypto'
import { mkdtemp, rm } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { inspect } from 'node:util'
import { createProblem, ERROR_CODES, problemType } from '@usher/contract'
import { makeMe, makeUsers } from '@usher/fixtures'
import { build } from 'esbuild'
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import * as sdk from '../src/index'
import {
  createUsherClient,
  isUsherApiError,
  isUsherError,
  isUsherNetworkError,
  isUsherSchemaError,
  isUsherValidationError,
  UsherApiError,
  UsherNetworkError,
  UsherSchemaError,
} from '../src/index'
import { rejection } from './support/rejection'
import { closedPortUrl, problemReply, startTestServer, type TestServer } from './support/test-server'

const users = makeUsers(3)
const [owner, technician] = users as [(typeof users)[0], (typeof users)[0]]
const invite = {
  invitations: [{ firstName: 'Léa', lastName: 'Dubois', email: 'lea@acme.fr', role: 'technician' }],
}

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.close()
})

const clientFor = (extra: Partial<Parameters<typeof createUsherClient>[0]> = {}) =>
  createUsherClient({ baseUrl: server.url, token: 'tok', retry: 0, ...extra })

describe('given a problem+json error answer', () => {
  it('throws UsherApiError with status, code, problem and the body’s request id', async () => {
    const body = createProblem('email_taken', {
      detail: 'lea@acme.fr already belongs to Acme Maintenance.',
      requestId: 'req-from-body',
    })
    server.on('PATCH', `/users/${technician.id}`, { status: 409, json: body })

    const error = await rejection(
      clientFor().users.update(technician.id, { firstName: 'Léa' }, { ifMatch: 2 }),
    )

    expect(error).toBeInstanceOf(UsherApiError)
    expect(isUsherApiError(error)).toBe(true)
    expect(isUsherValidationError(error)).toBe(false)
    if (!isUsherApiError(error)) return
    expect(error.status).toBe(409)
    expect(error.code).toBe('email_taken')
    expect(error.problem).toEqual(body)
    expect(error.requestId).toBe('req-from-body')
    expect(error.message).toBe('lea@acme.fr already belongs to Acme Maintenance.')
    expect(error.endpoint).toBe('updateUser')
  })

  it('takes the request id from X-Request-Id when the body has none', async () => {
    server.on(
      'GET',
      `/users/${owner.id}`,
      problemReply('not_found', {}, { 'X-Request-Id': 'req-from-header' }),
    )

    const error = await rejection(clientFor().users.get(owner.id))

    expect(isUsherApiError(error) && error.requestId).toBe('req-from-header')
    expect(isUsherApiError(error) && error.code).toBe('not_found')
  })

  it('exposes a 422’s errors[] as fieldErrors (a server refusal, not a local one)', async () => {
    const errors = [
      { path: 'invitations.0.email', code: 'email_taken' as const, message: 'Already a member.' },
      { path: 'invitations.1.email', code: 'invitation_pending' as const, message: 'Already invited.' },
    ]
    server.on('POST', '/invitations', problemReply('validation_failed', { errors }))

    const error = await rejection(clientFor().invitations.create(invite))

    expect(isUsherApiError(error)).toBe(true)
    expect(isUsherValidationError(error)).toBe(false)
    expect(isUsherApiError(error) && error.fieldErrors).toEqual(errors)
    expect(server.requests).toHaveLength(1)
  })

  it('keeps the extension members in problem, and Retry-After in retryAfter', async () => {
    server.on(
      'POST',
      '/invitations',
      problemReply('seat_limit_reached', { seats: { used: 25, allowed: 25 }, upgradeUrl: '/billing' }),
    )
    server.on('GET', '/roles', problemReply('rate_limited', {}, { 'Retry-After': '30' }))

    const seats = await rejection(clientFor().invitations.create(invite))
    const limited = await rejection(clientFor().roles.list())

    expect(isUsherApiError(seats) && seats.problem).toMatchObject({
      code: 'seat_limit_reached',
      seats: { used: 25, allowed: 25 },
      upgradeUrl: '/billing',
    })
    expect(isUsherApiError(limited) && limited.retryAfter).toBe(30)
  })
})

describe('given an error answer that is not a problem', () => {
  it('turns a proxy’s 502 HTML page into service_unavailable with a problem built from the status', async () => {
    server.on('GET', '/me', {
      status: 502,
      headers: { 'content-type': 'text/html' },
      text: '<html><body><h1>502 Bad Gateway</h1></body></html>',
    })

    const error = await rejection(clientFor().me.get())

    expect(isUsherApiError(error)).toBe(true)
    if (!isUsherApiError(error)) return
    expect(error.status).toBe(502)
    expect(error.code).toBe('service_unavailable')
    expect(error.problem).toMatchObject({
      type: problemType('service_unavailable'),
      title: ERROR_CODES.service_unavailable.title,
      status: 502,
      code: 'service_unavailable',
    })
    expect(error.message).toContain('502')
  })

  it('turns a 500 plain-text answer into internal_error', async () => {
    server.on('GET', '/me', { status: 500, text: 'Internal Server Error' })

    const error = await rejection(clientFor().me.get())

    expect(isUsherApiError(error) && [error.status, error.code]).toEqual([500, 'internal_error'])
  })

  it('does not trust a problem whose status disagrees with the answer’s', async () => {
    server.on('GET', '/me', { status: 503, json: createProblem('forbidden') })

    const error = await rejection(clientFor().me.get())

    expect(isUsherApiError(error) && [error.status, error.code]).toEqual([503, 'service_unavailable'])
  })
})

describe('given a 2xx answer that breaks the contract', () => {
  it('throws UsherSchemaError naming the offending path', async () => {
    const broken = [owner, { ...technician, email: 42 }]
    server.on('GET', '/users', { status: 200, json: { items: broken, nextCursor: null } })

    const error = await rejection(clientFor().users.list())

    expect(error).toBeInstanceOf(UsherSchemaError)
    expect(isUsherSchemaError(error)).toBe(true)
    expect(isUsherApiError(error)).toBe(false)
    if (!isUsherSchemaError(error)) return
    expect(error.status).toBe(200)
    expect(error.endpoint).toBe('listUsers')
    expect(error.issues).toContainEqual(expect.objectContaining({ path: 'items.1.email' }))
    expect(error.message).toContain('items.1.email')
  })

  it('throws UsherSchemaError when the body is not JSON', async () => {
    server.on('GET', '/me', {
      status: 200,
      headers: { 'content-type': 'text/html' },
      text: '<html>login</html>',
    })

    const error = await rejection(clientFor().me.get())

    expect(isUsherSchemaError(error)).toBe(true)
    expect(isUsherSchemaError(error) && error.issues[0]?.path).toBe('')
  })
})

describe('given no answer', () => {
  it('throws UsherNetworkError reason network when the connection is refused', async () => {
    const client = createUsherClient({ baseUrl: await closedPortUrl(), token: 'tok', retry: 0 })

    const error = await rejection(client.me.get())

    expect(error).toBeInstanceOf(UsherNetworkError)
    expect(isUsherNetworkError(error)).toBe(true)
    expect(isUsherNetworkError(error) && error.reason).toBe('network')
    expect(isUsherNetworkError(error) && error.cause).toBeDefined()
  })

  it('throws UsherNetworkError reason timeout when the server is slower than the timeout', async () => {
    server.on('GET', '/me', { status: 200, json: makeMe(users), delayMs: 60_000 })

    const error = await rejection(clientFor({ timeout: 200 }).me.get())

    expect(isUsherNetworkError(error) && error.reason).toBe('timeout')
    expect(server.requests).toHaveLength(1)
  })

  it('applies a per-call timeout over the client’s', async () => {
    // Had the client's 10 s applied, the test would end on its own timeout, not on this rejection.
    server.on('GET', '/me', { status: 200, json: makeMe(users), delayMs: 60_000 })

    const error = await rejection(clientFor({ timeout: 10_000 }).me.get({ timeout: 150 }))

    expect(isUsherNetworkError(error) && error.reason).toBe('timeout')
  })

  it('takes timeout: false per call, over the client’s', async () => {
    const me = makeMe(users)
    // The answer cannot come before 300 ms; the client's 100 ms would have fired first.
    server.on('GET', '/me', { status: 200, json: me, delayMs: 300 })

    await expect(clientFor({ timeout: 100 }).me.get({ timeout: false })).resolves.toEqual(me)
  })
})

/** Every own property of an error and its causes, as logs and error trackers would show them. */
function serialised(error: unknown): string {
  const parts = [inspect(error, { depth: 10 })]
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 10; depth++) {
    parts.push(JSON.stringify(e, typeof e === 'object' && e ? Object.getOwnPropertyNames(e) : undefined))
    parts.push(inspect(e, { depth: 10, showHidden: true }))
    e = e instanceof Error ? e.cause : undefined
  }
  return parts.join('\n')
}

describe('given an error that reaches a log: the bearer token stays out of it', () => {
  const secret = 'eyJhbGciOi.secret-bearer-token'

  it('keeps it out of a timeout’s causes (ky’s TimeoutError holds the request)', async () => {
    server.on('GET', '/invitations/lookup', { status: 200, json: {}, delayMs: 60_000 })
    const client = createUsherClient({ baseUrl: server.url, token: secret, retry: 0, timeout: 100 })

    const invitationToken = randomBytes(32).toString('base64url')

    const error = await rejection(client.invitations.lookup(invitationToken))

    expect(isUsherNetworkError(error) && error.reason).toBe('timeout')
    expect((error as Error).cause).toMatchObject({ name: 'TimeoutError' })
    expect(serialised(error)).toContain('/invitations/lookup')
    expect(serialised(error)).not.toContain(secret)
    // The query (here an invitation token) stays out too.
    expect(serialised(error)).not.toContain(invitationToken)
  })

  it('keeps it out of a network error’s causes, even when the host’s fetch attaches the request', async () => {
    const client = createUsherClient({
      baseUrl: server.url,
      token: secret,
      retry: 0,
      fetch: async (input) => {
        throw Object.assign(new TypeError('fetch failed'), {
          request: input,
          cause: Object.assign(new Error('connect ECONNRESET'), { code: 'ECONNRESET', request: input }),
        })
      },
    })

    const error = await rejection(client.me.get())

    expect(isUsherNetworkError(error) && error.reason).toBe('network')
    expect((error as Error).cause).toMatchObject({
      name: 'TypeError',
      message: 'fetch failed',
      cause: { code: 'ECONNRESET' },
    })
    expect(serialised(error)).not.toContain(secret)
  })

  it('keeps the socket error of a refused connection as the cause', async () => {
    const client = createUsherClient({ baseUrl: await closedPortUrl(), token: secret, retry: 0 })

    const error = await rejection(client.me.get())

    expect((error as Error).cause).toMatchObject({ cause: { code: 'ECONNREFUSED' } })
    expect(serialised(error)).not.toContain(secret)
  })
})

describe('given a host’s own mistake: an UsherError at once, not a network error, not retried', () => {
  it('wraps a beforeRequest hook that throws, its error as cause, and sends nothing', async () => {
    const broken = new Error('telemetry not initialised')
    let calls = 0
    const client = createUsherClient({
      baseUrl: server.url,
      token: 'tok',
      retry: { limit: 2, delay: () => 1 },
      hooks: {
        beforeRequest: [
          () => {
            calls++
            throw broken
          },
        ],
      },
    })

    const error = await rejection(client.me.get())

    expect(isUsherError(error)).toBe(true)
    expect(isUsherNetworkError(error)).toBe(false)
    expect((error as Error).cause).toBe(broken)
    expect(calls).toBe(1)
    expect(server.requests).toHaveLength(0)
  })

  it('wraps an afterResponse hook that throws, and does not retry the GET', async () => {
    server.on('GET', '/me', { status: 200, json: makeMe(users) })
    const broken = new Error('metrics endpoint down')
    const client = createUsherClient({
      baseUrl: server.url,
      token: 'tok',
      retry: { limit: 2, delay: () => 1 },
      hooks: {
        afterResponse: [
          () => {
            throw broken
          },
        ],
      },
    })

    const error = await rejection(client.me.get())

    expect(isUsherError(error) && !isUsherNetworkError(error)).toBe(true)
    expect((error as Error).cause).toBe(broken)
    expect(server.requests).toHaveLength(1)
  })

  it.each([
    ['a string', 'abc\r\nX-Injected: 1'],
    ['a function', () => 'abc\nX-Injected: 1'],
  ])(
    'refuses a token with a line break given as %s, keeping the token out of the cause',
    async (_, token) => {
      let fetches = 0
      const client = createUsherClient({
        baseUrl: server.url,
        token,
        retry: { limit: 2, delay: () => 1 },
        fetch: (input, init) => {
          fetches++
          return fetch(input, init)
        },
      })

      const error = await rejection(client.me.get())

      expect(isUsherError(error)).toBe(true)
      expect(isUsherNetworkError(error)).toBe(false)
      expect((error as Error).message).toMatch(/token/)
      expect((error as Error).cause).toBeInstanceOf(TypeError)
      expect(serialised(error)).not.toContain('abc')
      expect(fetches).toBe(0)
      expect(server.requests).toHaveLength(0)
    },
  )

  it('refuses a client header with a line break, naming the header but not its value', async () => {
    const client = clientFor({ headers: { 'X-Api-Key': 'key-123\r\nX-Injected: 1' } })

    const error = await rejection(client.me.get())

    expect(isUsherError(error) && !isUsherNetworkError(error)).toBe(true)
    expect((error as Error).message).toContain('X-Api-Key')
    expect(serialised(error)).not.toContain('key-123')
    expect(server.requests).toHaveLength(0)
  })

  it('refuses a timeout longer than the platform’s timers hold, instead of retrying it as a network error', async () => {
    const client = clientFor({ retry: { limit: 2, delay: () => 1 } })

    const error = await rejection(client.me.get({ timeout: 2 ** 31 }))

    expect(isUsherError(error) && !isUsherNetworkError(error)).toBe(true)
    expect((error as Error).message).toMatch(/timeout/)
    expect(server.requests).toHaveLength(0)
  })

  it('accepts a relative baseUrl when creating the client, and fails its calls on the server with a clear message', async () => {
    let fetches = 0
    const fetchSpy: typeof fetch = (input, init) => {
      fetches++
      return fetch(input, init)
    }

    // A client made at module level during server-side rendering, to be used in the browser.
    const client = createUsherClient({ baseUrl: '/api/usher', token: 'tok', fetch: fetchSpy })
    const error = await rejection(client.me.get())

    expect(isUsherError(error)).toBe(true)
    expect(isUsherNetworkError(error)).toBe(false)
    expect((error as Error).message).toMatch(/absolute baseUrl/)
    expect((error as Error).message).toContain('/api/usher')
    expect(fetches).toBe(0)
  })
})

describe('given hooks.beforeError', () => {
  it('throws the error the hook returns instead, after seeing the endpoint and the original', async () => {
    server.on('GET', `/users/${owner.id}`, problemReply('forbidden'))
    const seen: Array<[string, unknown]> = []
    const replacement = new UsherApiError(createProblem('forbidden', { detail: 'Ask your administrator.' }))
    const client = clientFor({
      hooks: {
        beforeError: [
          ({ endpoint, error }) => {
            seen.push([endpoint, error])
            return replacement
          },
        ],
      },
    })

    const error = await rejection(client.users.get(owner.id))

    expect(error).toBe(replacement)
    expect(seen).toHaveLength(1)
    expect(seen[0]?.[0]).toBe('getUser')
    const original = seen[0]?.[1]
    expect(isUsherApiError(original) && original.code).toBe('forbidden')
  })

  it('keeps the original when the hook returns nothing', async () => {
    server.on('GET', `/users/${owner.id}`, problemReply('forbidden'))
    let calls = 0
    const client = clientFor({
      hooks: {
        beforeError: [
          () => {
            calls += 1
          },
        ],
      },
    })

    const error = await rejection(client.users.get(owner.id))

    expect(calls).toBe(1)
    expect(isUsherApiError(error) && error.code).toBe('forbidden')
  })

  it('sees every Usher error of a call: schema errors and local refusals too', async () => {
    server.on('GET', '/me', { status: 200, json: { user: 'nobody' } })
    const seen: string[] = []
    const client = clientFor({
      hooks: {
        beforeError: [
          ({ error }) => {
            seen.push(error.name)
          },
        ],
      },
    })

    await rejection(client.me.get())
    await rejection(client.users.list({ limit: 500 }))

    expect(seen).toEqual(['UsherSchemaError', 'UsherValidationError'])
  })
})

describe('given values that only look like Usher errors', () => {
  it('recognises an error that lost its symbol (JSON round trip) by its name, up the hierarchy', () => {
    const api = JSON.parse(JSON.stringify(new UsherApiError(createProblem('email_taken'))))
    const refused = JSON.parse(
      JSON.stringify(new sdk.UsherValidationError(createProblem('validation_failed', { errors: [] }))),
    )
    const network = JSON.parse(JSON.stringify(new UsherNetworkError('timeout')))

    expect(isUsherApiError(api)).toBe(true)
    expect(isUsherError(api)).toBe(true)
    expect(isUsherValidationError(api)).toBe(false)
    expect(isUsherValidationError(refused)).toBe(true)
    expect(isUsherApiError(refused)).toBe(true)
    expect(isUsherError(refused)).toBe(true)
    expect(isUsherNetworkError(network)).toBe(true)
    expect(isUsherError(network)).toBe(true)
    expect(isUsherApiError(network)).toBe(false)
  })

  it('matches a plain object with the right name', () => {
    expect(isUsherApiError({ name: 'UsherApiError', status: 409, code: 'email_taken' })).toBe(true)
    expect(isUsherSchemaError({ name: 'UsherSchemaError', issues: [] })).toBe(true)
  })

  it('refuses everything else', () => {
    for (const value of [
      null,
      undefined,
      'UsherApiError',
      42,
      new Error('boom'),
      new TypeError('fetch failed'),
      { name: 'HTTPError' },
      { name: 'usherapierror' },
    ]) {
      expect(isUsherError(value)).toBe(false)
      expect(isUsherApiError(value)).toBe(false)
      expect(isUsherNetworkError(value)).toBe(false)
      expect(isUsherSchemaError(value)).toBe(false)
      expect(isUsherValidationError(value)).toBe(false)
    }
  })
})

describe('given a duplicate copy of the package (another bundle, its own classes)', () => {
  type Sdk = typeof sdk
  let copy: Sdk
  let directory: string

  beforeAll(async () => {
    // A host app can end up with two copies (ESM and CJS, or two versions): bundle the source as a
    // self-contained CommonJS file, ky, zod and the contract included, and require it.
    directory = await mkdtemp(join(tmpdir(), 'usher-sdk-copy-'))
    const outfile = join(directory, 'index.cjs')
    await build({
      entryPoints: [fileURLToPath(new URL('../src/index.ts', import.meta.url))],
      outfile,
      bundle: true,
      format: 'cjs',
      platform: 'node',
      target: 'node20',
      logLevel: 'silent',
    })
    copy = createRequire(import.meta.url)(outfile) as Sdk
  })
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('is a real copy: instanceof fails across it', () => {
    const theirs = new copy.UsherApiError(createProblem('email_taken'))
    expect(copy.UsherApiError).not.toBe(UsherApiError)
    expect(theirs).not.toBeInstanceOf(UsherApiError)
    expect(new UsherApiError(createProblem('email_taken'))).not.toBeInstanceOf(copy.UsherApiError)
  })

  it('recognises the other copy’s errors with these guards, and these errors with the other’s', () => {
    const theirs = [
      new copy.UsherApiError(createProblem('email_taken')),
      new copy.UsherValidationError(createProblem('validation_failed')),
      new copy.UsherNetworkError('network'),
      new copy.UsherSchemaError([], { status: 200 }),
    ] as const
    expect(theirs.map((e) => isUsherError(e))).toEqual([true, true, true, true])
    expect(theirs.map((e) => isUsherApiError(e))).toEqual([true, true, false, false])
    expect(theirs.map((e) => isUsherValidationError(e))).toEqual([false, true, false, false])
    expect(theirs.map((e) => isUsherNetworkError(e))).toEqual([false, false, true, false])
    expect(theirs.map((e) => isUsherSchemaError(e))).toEqual([false, false, false, true])

    const ours = new UsherNetworkError('timeout')
    expect(copy.isUsherNetworkError(ours)).toBe(true)
    expect(copy.isUsherApiError(ours)).toBe(false)
  })

  it('recognises an error thrown by the other copy’s client', async () => {
    server.on('POST', '/invitations', problemReply('seat_limit_reached'))
    const client = copy.createUsherClient({ baseUrl: server.url, token: 'tok', retry: 0 })

    const error = await rejection(client.invitations.create(invite))

    expect(error).not.toBeInstanceOf(UsherApiError)
    expect(isUsherApiError(error)).toBe(true)
    expect(isUsherApiError(error) && error.code).toBe('seat_limit_reached')
  })
})

describe('given a newer server answering a code this SDK does not know', () => {
  it('keeps the body (detail, request id, field errors) and reports the status’s code', async () => {
    server.on('POST', '/invitations', {
      status: 409,
      json: {
        type: 'https://usher.dev/problems/plan-frozen',
        title: 'The plan is frozen.',
        status: 409,
        code: 'plan_frozen',
        detail: 'Billing froze the plan on 2026-11-20.',
        requestId: 'req-newer',
        errors: [{ path: 'invitations.0.role', code: 'role_frozen', message: 'Frozen.' }],
      },
    })

    const error = await rejection(clientFor().invitations.create(invite))

    expect(isUsherApiError(error)).toBe(true)
    const apiError = error as UsherApiError
    expect(apiError.code).toBe('conflict')
    expect(apiError.problem.serverCode).toBe('plan_frozen')
    expect(apiError.message).toBe('Billing froze the plan on 2026-11-20.')
    expect(apiError.requestId).toBe('req-newer')
    expect(apiError.fieldErrors).toEqual([
      { path: 'invitations.0.role', code: 'invalid_value', message: 'Frozen.' },
    ])
  })
})

describe('given a token function that fails', () => {
  it('rejects with an UsherError carrying the host’s error, sends nothing and does not retry', async () => {
    const refused = new Error('refresh token revoked')
    let calls = 0
    const client = createUsherClient({
      baseUrl: server.url,
      retry: { limit: 2, delay: () => 1 },
      token: async () => {
        calls++
        throw refused
      },
    })

    const error = await rejection(client.me.get())

    expect(isUsherError(error)).toBe(true)
    expect(isUsherNetworkError(error)).toBe(false)
    expect((error as Error).cause).toBe(refused)
    expect(calls).toBe(1)
    expect(server.requests).toHaveLength(0)
  })

  it('drops the Authorization header on a retry when the token function has none any more', async () => {
    server.on('GET', '/me', problemReply('service_unavailable'))
    server.on('GET', '/me', problemReply('unauthenticated'))
    let calls = 0
    const client = createUsherClient({
      baseUrl: server.url,
      retry: { limit: 1, delay: () => 1 },
      token: () => (calls++ === 0 ? 'first' : null),
    })

    await rejection(client.me.get())

    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer first', undefined])
  })
})
