import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'
import { connectDirectory, type Directory, directoryWith, ownerCall } from './support/scim'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(() => t.close())

let n = 0
const person = (overrides: Record<string, unknown> = {}) => {
  n++
  return {
    schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
    userName: `person.${n}.${process.pid}@acme.example`,
    name: { givenName: 'Ada', familyName: `Person ${n}` },
    emails: [{ type: 'work', value: `person.${n}.${process.pid}@acme.example`, primary: true }],
    active: true,
    ...overrides,
  }
}

async function provisioned(directory: Directory, overrides: Record<string, unknown> = {}) {
  const created = await directory.request('POST', '/Users', { body: person(overrides) })
  expect(created.status, JSON.stringify(created.json)).toBe(201)
  return created.json as { id: string; userName: string; meta: { version: string } }
}

describe('given a directory token', () => {
  it('reaches its own organization only, and stops working once revoked', async () => {
    const a = await createTestOrg(t)
    const b = await createTestOrg(t)
    const dirA = await connectDirectory(t, a)
    const dirB = await connectDirectory(t, b)
    const alice = await provisioned(dirA)
    expect((await dirB.request('GET', `/Users/${alice.id}`)).status).toBe(404)
    const listed = await dirB.request('GET', `/Users?filter=userName eq "${alice.userName}"`)
    expect(listed.json.totalResults).toBe(0)
    expect((await dirB.request('DELETE', `/Users/${alice.id}`)).status).toBe(404)

    const tokens = await ownerCall(t, a, 'GET', '/directory-sync')
    expect(tokens.json.tokens).toHaveLength(1)
    expect(tokens.json.tokens[0].lastUsedAt).not.toBeNull()
    expect(JSON.stringify(tokens.json)).not.toContain(dirA.token)
    const stored = await t.server.db.selectFrom('directory_tokens').select('token_hash').execute()
    expect(stored.map((s) => s.token_hash)).not.toContain(dirA.token)

    const revoked = await ownerCall(t, a, 'DELETE', `/directory-sync/tokens/${tokens.json.tokens[0].id}`)
    expect(revoked.status).toBe(204)
    const refused = await dirA.request('GET', '/Users')
    expect(refused.status).toBe(401)
    expect(refused.json.schemas).toEqual(['urn:ietf:params:scim:api:messages:2.0:Error'])
    expect((await directoryWith(t, 'usher_scim_guessed').request('GET', '/Users')).status).toBe(401)
  })

  it('answers SCIM errors with their scimType', async () => {
    const org = await createTestOrg(t)
    const directory = await connectDirectory(t, org)
    const badFilter = await directory.request('GET', '/Users?filter=userName eq')
    expect(badFilter.status).toBe(400)
    expect(badFilter.json.scimType).toBe('invalidFilter')
    const unknownAttribute = await directory.request('GET', '/Users?filter=shoeSize eq "42"')
    expect(unknownAttribute.json.scimType).toBe('invalidFilter')

    const noEmail = await directory.request('POST', '/Users', {
      body: {
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName: 'jdoe',
        name: { givenName: 'J' },
      },
    })
    expect(noEmail.status).toBe(400)
    expect(noEmail.json.scimType).toBe('invalidValue')
    expect(noEmail.json.detail).toMatch(/email address/)

    const mailbox = await directory.request('POST', '/Users', {
      body: person({
        userName: 'support@acme.example',
        emails: [{ type: 'work', value: 'support@acme.example' }],
      }),
    })
    expect(mailbox.status).toBe(400)
    expect(mailbox.json.scimType).toBe('invalidValue')

    const first = await provisioned(directory)
    const taken = await directory.request('POST', '/Users', {
      body: person({ userName: first.userName.toUpperCase() }),
    })
    expect(taken.status).toBe(409)
    expect(taken.json.scimType).toBe('uniqueness')

    const badPath = await directory.request('PATCH', `/Users/${first.id}`, {
      body: { Operations: [{ op: 'replace', path: 'emails[type eq', value: 'x' }] },
    })
    expect(badPath.status).toBe(400)
    expect(badPath.json.scimType).toBe('invalidPath')
    const removeAll = await directory.request('PATCH', `/Users/${first.id}`, {
      body: { Operations: [{ op: 'remove' }] },
    })
    expect(removeAll.json.scimType).toBe('noTarget')
    const badPhone = await directory.request('PATCH', `/Users/${first.id}`, {
      body: {
        Operations: [{ op: 'add', path: 'phoneNumbers', value: [{ type: 'work', value: 'not a phone' }] }],
      },
    })
    expect(badPhone.status).toBe(400)
    expect(badPhone.json.scimType).toBe('invalidValue')
    expect(badPhone.json.detail).toContain('phoneNumbers')
    expect((await directory.request('POST', '/Bulk', { body: {} })).status).toBe(501)

    // The owner's panel lists the refusals with their reason.
    const log = await ownerCall(t, org, 'GET', '/directory-sync/requests?failed=true')
    expect(log.json.items.map((r: { scimType: string | null }) => r.scimType)).toEqual(
      expect.arrayContaining(['invalidFilter', 'invalidValue', 'uniqueness', 'invalidPath', 'noTarget']),
    )
    expect(log.json.items.find((r: { scimType: string }) => r.scimType === 'uniqueness')).toMatchObject({
      operation: 'user.create',
      status: 409,
      tokenName: 'Test directory',
    })
  })

  it('honours If-Match: a stale version is 412 and changes nothing', async () => {
    const org = await createTestOrg(t)
    const directory = await connectDirectory(t, org)
    const ada = await provisioned(directory)
    const renamed = await directory.request('PATCH', `/Users/${ada.id}`, {
      headers: { 'If-Match': ada.meta.version },
      body: { Operations: [{ op: 'replace', path: 'name.givenName', value: 'Grace' }] },
    })
    expect(renamed.status).toBe(200)
    expect(renamed.headers.get('etag')).toBe(renamed.json.meta.version)
    const stale = await directory.request('PATCH', `/Users/${ada.id}`, {
      headers: { 'If-Match': ada.meta.version },
      body: { Operations: [{ op: 'replace', path: 'name.givenName', value: 'Stale' }] },
    })
    expect(stale.status).toBe(412)
    const stalePut = await directory.request('PUT', `/Users/${ada.id}`, {
      headers: { 'If-Match': ada.meta.version },
      body: person({ userName: ada.userName }),
    })
    expect(stalePut.status).toBe(412)
    expect((await directory.request('GET', `/Users/${ada.id}`)).json.name.givenName).toBe('Grace')
  })

  it('applies two concurrent PATCHes on one person one after the other', async () => {
    const org = await createTestOrg(t)
    const directory = await connectDirectory(t, org)
    const ada = await provisioned(directory)
    const [a, b] = await Promise.all([
      directory.request('PATCH', `/Users/${ada.id}`, {
        body: { Operations: [{ op: 'Replace', path: 'name.givenName', value: 'Grace' }] },
      }),
      directory.request('PATCH', `/Users/${ada.id}`, {
        body: { Operations: [{ op: 'Replace', path: 'title', value: 'Engineer' }] },
      }),
    ])
    expect([a.status, b.status]).toEqual([200, 200])
    const after = await directory.request('GET', `/Users/${ada.id}`)
    // Both changes stand: neither PATCH overwrote the other with what it read before.
    expect(after.json.name.givenName).toBe('Grace')
    expect(after.json.title).toBe('Engineer')
    expect(after.json.meta.version).toBe('W/"3"')
  })

  it('leaves a group admin’s groups and scope alone, and acts only on its own groups', async () => {
    const org = await createTestOrg(t)
    const directory = await connectDirectory(t, org)
    const paris = await org.owner.client.groups.create({ name: 'Paris' })
    const admin = await org.addMember({ role: 'admin', groupIds: [paris.id] })
    const tech = await org.addMember({ role: 'technician', groupIds: [paris.id] })
    const before = (await admin.client.users.list({ limit: 100 })).items.map((u) => u.id).sort()

    // Directory groups only: the organization's own groups are not the directory's to see or change.
    expect((await directory.request('GET', '/Groups')).json.totalResults).toBe(0)
    expect((await directory.request('DELETE', `/Groups/${paris.id}`)).status).toBe(404)
    const pushed = await directory.request('POST', '/Groups', { body: { displayName: 'Sales' } })
    const ada = await provisioned(directory)
    await directory.request('PATCH', `/Groups/${pushed.json.id}`, {
      body: {
        Operations: [{ op: 'add', path: 'members', value: [{ value: ada.id }, { value: tech.user.id }] }],
      },
    })
    const clash = await directory.request('POST', '/Groups', { body: { displayName: 'paris' } })
    expect(clash.status).toBe(409)
    expect(clash.json.scimType).toBe('uniqueness')

    const scope = (await admin.client.users.list({ limit: 100 })).items.map((u) => u.id).sort()
    expect(scope).toEqual(before)
    expect(scope).not.toContain(ada.id)
    const techNow = await org.owner.client.users.get(tech.user.id)
    expect(techNow.groupIds.sort()).toEqual([paris.id, pushed.json.id].sort())
    const events = await t.server.db
      .selectFrom('audit_events')
      .select(['actor_name'])
      .where('org_id', '=', org.id)
      .where('target_id', '=', pushed.json.id)
      .execute()
    expect(events.every((e) => e.actor_name === 'Directory sync (Test directory)')).toBe(true)
  })

  it('refuses a push beyond the plan’s seats, person by person', async () => {
    const org = await createTestOrg(t, { seats: 1 })
    const directory = await connectDirectory(t, org, { invitations: 'none' })
    await provisioned(directory)
    const over = await directory.request('POST', '/Users', { body: person() })
    expect(over.status).toBe(403)
    expect(over.json.detail).toMatch(/seats/)
    const log = await ownerCall(t, org, 'GET', '/directory-sync/requests?failed=true')
    expect(log.json.items[0]).toMatchObject({ status: 403, operation: 'user.create' })
    // A disabled person holds no seat: the directory may still push them.
    expect((await directory.request('POST', '/Users', { body: person({ active: false }) })).status).toBe(201)
  })

  it('deletes or disables on DELETE as the organization chose', async () => {
    const org = await createTestOrg(t)
    const directory = await connectDirectory(t, org, { invitations: 'none', defaultRole: 'admin' })
    const kept = await provisioned(directory)
    expect((await directory.request('DELETE', `/Users/${kept.id}`)).status).toBe(204)
    const row = await org.owner.client.users.get(kept.id)
    expect(row).toMatchObject({ status: 'disabled', role: 'admin', source: 'scim' })
    // Taken back when the directory creates them again.
    const again = await directory.request('POST', '/Users', {
      body: person({ userName: kept.userName, emails: [{ type: 'work', value: kept.userName }] }),
    })
    expect(again.status).toBe(201)
    expect(again.json.id).toBe(kept.id)
    expect((await org.owner.client.users.get(kept.id)).status).toBe('active')

    await ownerCall(t, org, 'PATCH', '/directory-sync/settings', { deprovisioning: 'delete' })
    expect((await directory.request('DELETE', `/Users/${kept.id}`)).status).toBe(204)
    const gone = await t.server.db
      .selectFrom('users')
      .select('id')
      .where('id', '=', kept.id)
      .executeTakeFirst()
    expect(gone).toBeUndefined()

    const owner = await ownerCall(t, org, 'PATCH', '/directory-sync/settings', { defaultRole: 'owner' })
    expect(owner.status).toBe(422)
  })
})
