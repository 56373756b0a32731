import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUsherServer } from '../src/index'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'

const APP = 'https://app.example.com'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ cors: { origins: [APP, 'http://localhost:5173'] } })
})
afterAll(() => t.close())

function preflight(path: string, origin: string, method: string, headers: string) {
  return fetch(`${t.url}${path}`, {
    method: 'OPTIONS',
    headers: {
      Origin: origin,
      'Access-Control-Request-Method': method,
      'Access-Control-Request-Headers': headers,
    },
  })
}

describe('given a server with a cors allowlist', () => {
  it('answers an allowed origin’s preflight with the methods and headers the SDK sends', async () => {
    const res = await preflight('/users/u1', APP, 'PATCH', 'authorization,content-type,if-match')
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    const methods = res.headers.get('access-control-allow-methods')?.split(',') ?? []
    expect(methods).toEqual(expect.arrayContaining(['GET', 'POST', 'PUT', 'PATCH', 'DELETE']))
    const headers = res.headers.get('access-control-allow-headers')?.toLowerCase().split(',') ?? []
    expect(headers).toEqual(
      expect.arrayContaining([
        'authorization',
        'content-type',
        'if-match',
        'idempotency-key',
        'x-request-id',
      ]),
    )
    expect(res.headers.get('access-control-max-age')).toBe('600')
    expect(res.headers.get('access-control-allow-credentials')).toBeNull()
  })

  it('gives no allow-origin to an origin outside the list (the browser then blocks the call)', async () => {
    const res = await preflight('/me', 'https://evil.example.net', 'GET', 'authorization')
    expect(res.headers.get('access-control-allow-origin')).toBeNull()
    const get = await fetch(`${t.url}/me`, { headers: { Origin: 'https://evil.example.net' } })
    expect(get.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('names the origin on an error too, so the page can read the problem', async () => {
    const res = await fetch(`${t.url}/me`, { headers: { Origin: APP } })
    expect(res.status).toBe(401)
    expect(res.headers.get('access-control-allow-origin')).toBe(APP)
    expect(res.headers.get('vary')).toMatch(/origin/i)
    expect((await res.json()).code).toBe('unauthenticated')
  })

  it('exposes the ETag a later If-Match needs, and the request id and Retry-After', async () => {
    const org = await createTestOrg(t)
    const res = await fetch(`${t.url}/users/${org.owner.user.id}`, {
      headers: { Origin: APP, Authorization: `Bearer ${await org.owner.token()}` },
    })
    expect(res.status).toBe(200)
    expect(res.headers.get('etag')).toBeTruthy()
    const exposed = res.headers.get('access-control-expose-headers')?.toLowerCase().split(',') ?? []
    expect(exposed).toEqual(expect.arrayContaining(['etag', 'retry-after', 'x-request-id']))
  })
})

describe('given a server without the cors option', () => {
  it('answers a preflight with 404 and names no origin', async () => {
    const plain = createUsherServer({ database: { kysely: t.server.db }, scheduler: false, logger: quiet })
    const answer = await plain.request('/me', {
      method: 'OPTIONS',
      headers: { Origin: APP, 'Access-Control-Request-Method': 'GET' },
    })
    expect(answer.status).toBe(404)
    expect(answer.headers.get('access-control-allow-origin')).toBeNull()
  })

  it('refuses an allowlist entry that is not an origin, naming it', () => {
    expect(() =>
      createUsherServer({
        database: { kysely: t.server.db },
        scheduler: false,
        logger: quiet,
        cors: { origins: [`${APP}/`] },
      }),
    ).toThrow(/"https:\/\/app.example.com\/" is not an origin/)
  })

  it('takes a predicate and cookies when the host asks for them', async () => {
    const server = createUsherServer({
      database: { kysely: t.server.db },
      scheduler: false,
      logger: quiet,
      cors: { origins: (origin) => origin.endsWith('.example.com'), credentials: true, maxAgeSeconds: 60 },
    })
    const res = await server.request('/me', {
      method: 'OPTIONS',
      headers: { Origin: 'https://eu.example.com', 'Access-Control-Request-Method': 'GET' },
    })
    expect(res.status).toBe(204)
    expect(res.headers.get('access-control-allow-origin')).toBe('https://eu.example.com')
    expect(res.headers.get('access-control-allow-credentials')).toBe('true')
    expect(res.headers.get('access-control-max-age')).toBe('60')
  })
})

const quiet = { info() {}, warn() {}, error() {} }
