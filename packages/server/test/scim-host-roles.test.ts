import { HOST_ROLES } from '@usher/fixtures'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'
import { connectDirectory, ownerCall } from './support/scim'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ roles: HOST_ROLES })
})
afterAll(() => t.close())

describe('given a host that declares its own roles', () => {
  it('lets the owner make a host role the role of provisioned people, and counts its seats', async () => {
    const org = await createTestOrg(t, { seats: 1 })
    const directory = await connectDirectory(t, org, { defaultRole: 'operator', invitations: 'none' })
    const settings = await ownerCall(t, org, 'GET', '/directory-sync')
    expect(settings.json.settings.defaultRole).toBe('operator')

    const first = await directory.request('POST', '/Users', {
      body: { userName: 'op.one@host.example', name: { givenName: 'Op', familyName: 'One' } },
    })
    expect(first.status, JSON.stringify(first.json)).toBe(201)
    const person = await org.owner.client.users.get(first.json.id)
    expect(person).toMatchObject({ role: 'operator', source: 'scim', status: 'active' })
    // The operator takes a seat: the plan's one seat is gone, the next push is refused.
    const second = await directory.request('POST', '/Users', {
      body: { userName: 'op.two@host.example', name: { givenName: 'Op', familyName: 'Two' } },
    })
    expect(second.status).toBe(403)

    const unknown = await ownerCall(t, org, 'PATCH', '/directory-sync/settings', { defaultRole: 'janitor' })
    expect(unknown.status).toBe(422)
  })
})
