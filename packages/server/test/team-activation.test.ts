import { randomUUID } from 'node:crypto'
import { endpoints, requiresActivatedTeam } from '@usher/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(() => t.close())

// Every write the contract's activation rule gates, walked from the endpoint table: a new
// endpoint that manages people is covered without a line here.
const gated = Object.entries(endpoints).filter(([, endpoint]) => requiresActivatedTeam(endpoint))

async function call(token: string, method: string, path: string, body: unknown = {}) {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${token}`,
      'content-type': 'application/json',
      'if-match': '"0"',
      'idempotency-key': randomUUID(),
    },
    body: method === 'GET' ? undefined : JSON.stringify(body),
  })
  return { status: res.status, body: (await res.json().catch(() => null)) as { code?: string } | null }
}

describe('a team not activated yet', () => {
  it('gates the writes that manage people, groups, shares and imports, and no other', () => {
    const names = gated.map(([name]) => name)
    expect(names).toEqual(
      expect.arrayContaining(['createInvitations', 'createUser', 'updateUser', 'bulkUsers', 'deleteUser']),
    )
    expect(names).toEqual(
      expect.arrayContaining(['createGroup', 'bulkShares', 'createImport', 'setUserPassword']),
    )
    for (const open of [
      'activateOrganization',
      'updateOrganization',
      'login',
      'changePassword',
      'listUsers',
    ]) {
      expect(names).not.toContain(open)
    }
  })

  it('refuses each gated write with team_not_activated before anything else, then allows it once named', async () => {
    const org = await createTestOrg(t, { activated: false })
    const tech = await org.addMember({ role: 'technician' })
    const owner = await org.owner.token()
    // The members' writes; the mail pipeline's (its own token) is judged by the same rule.
    for (const [name, endpoint] of gated.filter(([, e]) => e.auth !== 'inbound-email-token')) {
      const answer = await call(owner, endpoint.method, endpoint.path.replaceAll('{id}', tech.user.id))
      expect({ name, status: answer.status, code: answer.body?.code }).toEqual({
        name,
        status: 409,
        code: 'team_not_activated',
      })
    }
    // Reading stays open, and the person is untouched.
    expect((await call(owner, 'GET', `/users/${tech.user.id}`)).body).toMatchObject({ status: 'active' })

    await org.owner.client.organization.activate({ name: 'Atelier Durand' })
    const disabled = await org.owner.client.users.update(
      tech.user.id,
      { enabled: false },
      { ifMatch: tech.user.version },
    )
    expect(disabled.status).toBe('disabled')
  })
})
