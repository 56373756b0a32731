import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'
import { connectDirectory } from './support/scim'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(() => t.close())

describe('the audit log’s actor', () => {
  it('names the directory and its token when directory sync acted, and nothing more for a person', async () => {
    const org = await createTestOrg(t)
    const directory = await connectDirectory(t, org)
    const created = await directory.request('POST', '/Users', {
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: `ada.synced.${process.pid}@acme.example`,
        name: { givenName: 'Ada', familyName: 'Synced' },
        emails: [{ type: 'work', value: `ada.synced.${process.pid}@acme.example`, primary: true }],
        active: true,
      },
    })
    expect(created.status).toBe(201)
    const tech = await org.addMember({ role: 'technician' })
    await org.owner.client.users.update(tech.user.id, { department: 'Nord' }, { ifMatch: tech.user.version })

    const synced = await org.owner.client.audit.list({ targetId: created.json.id })
    expect(synced.items[0]?.actor?.via).toEqual({ kind: 'directory', name: 'Test directory' })
    const byOwner = await org.owner.client.audit.list({ targetId: tech.user.id })
    expect(byOwner.items[0]?.actor).toMatchObject({ id: org.owner.user.id })
    expect(byOwner.items[0]?.actor?.via).toBeUndefined()
  })
})
