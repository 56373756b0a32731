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

  it('names the file of an import beside the person who ran it, and nothing for the same change by hand', async () => {
    const org = await createTestOrg(t)
    const owner = org.owner.client
    const team = await owner.groups.create({ name: 'Support Lyon' })
    const existing = await org.addMember({ role: 'technician', email: `eve.${process.pid}@acme.test` })
    const byHand = await org.addMember({ role: 'technician' })

    const job = await owner.imports.create({
      fileName: 'people.csv',
      format: 'csv',
      totalRows: 2,
      options: { targetGroupId: team.id, updateExisting: true },
    })
    const chunk = await owner.imports.addChunk(job.id, {
      index: 0,
      rows: [
        { line: 2, firstName: 'Ana', lastName: 'Lopez', email: `ana.${process.pid}@acme.test` },
        { line: 3, firstName: 'Ève', lastName: 'Martin', email: existing.user.email, role: 'admin' },
      ],
    })
    expect(chunk.results.map((r) => r.status)).toEqual(['created', 'updated'])
    await owner.imports.complete(job.id)
    await owner.users.update(byHand.user.id, { department: 'Nord' }, { ifMatch: byHand.user.version })

    const asRunBy = {
      id: org.owner.user.id,
      name: `${org.owner.user.firstName} ${org.owner.user.lastName}`,
      email: org.owner.user.email,
      via: { kind: 'import', name: 'people.csv' },
    }
    const ana = chunk.results[0]?.userId as string
    const { items } = await owner.audit.list({ limit: 200 })
    const caused = items.filter((e) => e.actor?.via?.kind === 'import')
    // The new person, their invitation, the existing one's profile and role: all the import's.
    expect(caused.map((e) => `${e.action} ${e.target.label}`).sort()).toEqual(
      [
        `invitation.created ana.${process.pid}@acme.test`,
        `user.created ana.${process.pid}@acme.test`,
        `user.role_changed ${existing.user.email}`,
        `user.updated ${existing.user.email}`,
      ].sort(),
    )
    for (const event of caused) expect(event.actor).toEqual(asRunBy)
    expect(items.find((e) => e.action === 'user.created' && e.target.id === ana)?.actor).toEqual(asRunBy)

    // The import's own events are about the file already; the change by hand is the owner's alone.
    for (const event of items.filter((e) => e.target.type === 'import'))
      expect(event.actor?.via).toBeUndefined()
    const manual = await owner.audit.list({ targetId: byHand.user.id })
    expect(manual.items[0]).toMatchObject({ action: 'user.updated', actor: { id: org.owner.user.id } })
    expect(manual.items[0]?.actor?.via).toBeUndefined()

    // Filtering by who acted still finds the owner's imported changes.
    const mine = await owner.audit.list({ actorId: org.owner.user.id, targetId: existing.user.id })
    expect(mine.items.map((e) => e.actor?.via?.kind)).toEqual(['import', 'import'])
  })
})
