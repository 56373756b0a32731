import { isUsherApiError } from '@usher/sdk'
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

  it('lists the built-in roles and their permissions', async () => {
    const org = await createTestOrg(t)
    const roles = await org.owner.client.roles.list()
    expect(roles.items.map((r) => r.key)).toEqual(['owner', 'admin', 'technician'])
  })

  it('answers an unknown route with a 404 problem', async () => {
    const org = await createTestOrg(t)
    const error = await org.owner.client.users.get('00000000-0000-4000-8000-000000000000').catch((e) => e)
    expect(isUsherApiError(error) || error instanceof Error).toBe(true)
  })
})
