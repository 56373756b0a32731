import { PERMISSIONS } from '@usher/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(() => t.close())

describe('given a running server', () => {
  it('answers /me for the owner with their organization and permissions', async () => {
    const org = await createTestOrg(t, { seats: 3 })
    const me = await org.owner.client.me.get()
    expect(me.user.role).toBe('owner')
    expect(me.user.status).toBe('active')
    expect(me.organization.id).toBe(org.id)
    expect(me.permissions).toContain('organization:manage')
    expect(me.seats).toEqual({ used: 0, allowed: 3 })
    expect(me.counts).toEqual({ users: 1, operators: 0 })
  })

  it('refuses a request without a token with 401 problem+json', async () => {
    const res = await fetch(`${t.url}/me`)
    expect(res.status).toBe(401)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    const body = await res.json()
    expect(body).toMatchObject({ code: 'unauthenticated', status: 401 })
    expect(body.requestId).toBeTypeOf('string')
  })

  it('serves the OpenAPI document', async () => {
    const res = await fetch(`${t.url}/openapi.json`)
    expect(res.status).toBe(200)
    expect((await res.json()).openapi).toBe('3.1.0')
  })

  it('lists the built-in roles and their permissions, highest rank first', async () => {
    const org = await createTestOrg(t)
    const roles = await org.owner.client.roles.list()
    expect(roles.items.map((r) => [r.key, r.rank, r.scope, r.takesSeat, r.builtIn, r.label])).toEqual([
      ['owner', 30, 'organization', false, true, null],
      ['admin', 20, 'groups', false, true, null],
      ['technician', 10, 'groups', true, true, null],
    ])
    const [owner, admin, technician] = roles.items
    expect(owner?.permissions).toEqual([...PERMISSIONS])
    expect(admin?.permissions).toEqual(PERMISSIONS.filter((p) => p !== 'organization:manage'))
    expect(technician?.permissions).toEqual([])
  })

  it('answers an unknown route with a 404 problem', async () => {
    const org = await createTestOrg(t)
    const res = await fetch(`${t.url}/no-such-route`, {
      headers: { Authorization: `Bearer ${await org.owner.token()}` },
    })
    expect(res.status).toBe(404)
    expect(res.headers.get('content-type')).toBe('application/problem+json')
    expect(await res.json()).toMatchObject({
      code: 'not_found',
      status: 404,
      detail: 'No route GET /no-such-route.',
    })
  })
})
