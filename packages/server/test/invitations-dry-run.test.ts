import { randomUUID } from 'node:crypto'
import { isUsherApiError } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(() => t.close())

const uniqueEmail = (name: string) => `${name}.${randomUUID().slice(0, 8)}@example.com`

describe('a dry run of POST /invitations', () => {
  it('says which addresses already have an account in another organization, and creates nothing', async () => {
    const northwind = await createTestOrg(t, { name: 'Northwind' })
    const durand = await createTestOrg(t, { name: 'Atelier Durand' })
    const known = uniqueEmail('oliver.bennett')
    await northwind.addMember({ role: 'technician', email: known, password: 'a long enough password 123' })
    const unknown = uniqueEmail('nina.roux')

    const answer = await durand.owner.client.invitations.create({
      dryRun: true,
      invitations: [
        // Typed differently from the stored address: the account is still found.
        { firstName: 'Oliver', lastName: 'Bennett', email: known.toUpperCase(), role: 'technician' },
        { firstName: 'Nina', lastName: 'Roux', email: unknown, role: 'technician' },
      ],
    })
    expect(answer.results.map((row) => [row.status, row.status === 'valid' && row.existingAccount])).toEqual([
      ['valid', true],
      ['valid', false],
    ])
    expect([answer.created, answer.failed]).toEqual([0, 0])
    const written = await t.server.db
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', durand.id)
      .where('email', 'in', [known, unknown])
      .execute()
    expect(written).toEqual([])
  })

  it('refuses a caller who may not invite', async () => {
    const org = await createTestOrg(t)
    const technician = await org.addMember({ role: 'technician' })
    const error = await technician.client.invitations
      .create({
        dryRun: true,
        invitations: [{ firstName: 'Nina', email: uniqueEmail('nina'), role: 'technician' }],
      })
      .then(
        () => null,
        (e: unknown) => e,
      )
    expect(isUsherApiError(error) && error.status).toBe(403)
  })
})
