import { randomUUID } from 'node:crypto'
import { PROBLEM_CONTENT_TYPE } from '@usher/contract'
import { SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createUsherServer, signHostToken } from '../src/index'
import { createTestOrg, startTestServer, TEST_SECRET, type TestOrg, type TestServer } from './support/harness'

let t: TestServer
let org: TestOrg
beforeAll(async () => {
  t = await startTestServer()
  org = await createTestOrg(t)
})
afterAll(() => t.close())

const key = new TextEncoder().encode(TEST_SECRET)
const seconds = () => Math.floor(t.clock.now().getTime() / 1000)

async function call(path: string, init: RequestInit & { token?: string } = {}) {
  const { token, ...rest } = init
  const headers = new Headers(rest.headers)
  if (token) headers.set('Authorization', `Bearer ${token}`)
  const response = await fetch(`${t.url}${path}`, { ...rest, headers })
  const type = response.headers.get('Content-Type') ?? ''
  const body = type.includes('json') ? ((await response.json()) as Record<string, unknown>) : null
  return { status: response.status, type, body }
}

const ownerToken = () => org.owner.token()

async function invitePerson() {
  const email = `never.joined.${randomUUID().slice(0, 8)}@example.com`
  const result = await org.owner.client.invitations.create({
    invitations: [{ firstName: 'Noémie', lastName: 'Attente', email, role: 'admin' }],
    sendEmail: false,
  })
  const row = result.results[0]
  if (row?.status !== 'created') throw new Error(JSON.stringify(row))
  return row.user.id
}

describe('a person who never accepted their invitation', () => {
  it('is refused with account_not_activated while invited, on /me and on the API', async () => {
    const userId = await invitePerson()
    const token = await signHostToken({ secret: TEST_SECRET, userId, orgId: org.id, now: t.clock.now() })
    for (const path of ['/me', '/users', '/groups']) {
      const answer = await call(path, { token })
      expect([answer.status, answer.body?.code], path).toEqual([403, 'account_not_activated'])
      expect(answer.type).toContain(PROBLEM_CONTENT_TYPE)
    }
    // Being refused neither activates the person nor shows them as recently active.
    const row = await t.server.db
      .selectFrom('users')
      .select(['activated_at', 'last_active_at'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ activated_at: null, last_active_at: null })
  })

  it('is refused the same way once the invitation has expired', async () => {
    const userId = await invitePerson()
    t.clock.advanceDays(31)
    try {
      const token = await signHostToken({ secret: TEST_SECRET, userId, orgId: org.id, now: t.clock.now() })
      const user = await org.owner.client.users.get(userId)
      expect(user.status).toBe('expired')
      const answer = await call('/me', { token })
      expect([answer.status, answer.body?.code]).toEqual([403, 'account_not_activated'])
    } finally {
      t.clock.advanceDays(-31)
    }
  })

  it('a disabled account keeps its own code, and an active member still gets in', async () => {
    const member = await org.addMember({ role: 'technician' })
    expect((await call('/me', { token: await member.token() })).status).toBe(200)
    const user = await org.owner.client.users.get(member.user.id)
    await org.owner.client.users.update(member.user.id, { enabled: false }, { ifMatch: user.version })
    const answer = await call('/me', { token: await member.token() })
    expect([answer.status, answer.body?.code]).toEqual([403, 'account_disabled'])
  })
})

describe('host tokens', () => {
  const sign = (claims: { iat?: number; exp?: number }, userId = org.owner.user.id) => {
    let jwt = new SignJWT({ org: org.id }).setProtectedHeader({ alg: 'HS256' }).setSubject(userId)
    if (claims.iat !== undefined) jwt = jwt.setIssuedAt(claims.iat)
    if (claims.exp !== undefined) jwt = jwt.setExpirationTime(claims.exp)
    return jwt.sign(key)
  }

  it('without exp are refused', async () => {
    const answer = await call('/me', { token: await sign({ iat: seconds() }) })
    expect([answer.status, answer.body?.code]).toEqual([401, 'unauthenticated'])
    expect(answer.body?.detail).toContain('exp')
  })

  it('living longer than an hour are refused, by exp - iat or by exp from now', async () => {
    const now = seconds()
    const long = await call('/me', { token: await sign({ iat: now, exp: now + 3601 }) })
    expect([long.status, long.body?.code]).toEqual([401, 'unauthenticated'])
    expect(long.body?.detail).toContain('3600')
    const noIat = await call('/me', { token: await sign({ exp: now + 2 * 3600 }) })
    expect([noIat.status, noIat.body?.code]).toEqual([401, 'unauthenticated'])
    // An hour exactly is the most a token may live, with or without iat.
    expect((await call('/me', { token: await sign({ iat: now, exp: now + 3600 }) })).status).toBe(200)
    expect((await call('/me', { token: await sign({ exp: now + 3600 }) })).status).toBe(200)
  })

  it('issued in the future beyond the clock skew are refused; a host clock a little ahead is fine', async () => {
    const now = seconds()
    const ahead = await call('/me', { token: await sign({ iat: now + 120, exp: now + 600 }) })
    expect([ahead.status, ahead.body?.code]).toEqual([401, 'unauthenticated'])
    expect(ahead.body?.detail).toContain('iat')
    expect((await call('/me', { token: await sign({ iat: now + 30, exp: now + 600 }) })).status).toBe(200)
  })

  it('expired ones answer token_expired', async () => {
    const now = seconds()
    const answer = await call('/me', { token: await sign({ iat: now - 600, exp: now - 1 }) })
    expect([answer.status, answer.body?.code]).toEqual([401, 'token_expired'])
  })

  it('the cap and the skew are options of the server', async () => {
    // A second server on the same database: only the options differ.
    const other = createUsherServer({
      database: { kysely: t.server.db },
      scheduler: false,
      auth: { secret: TEST_SECRET, maxTokenLifetimeSeconds: 8 * 3600, clockSkewSeconds: 0 },
      clock: t.clock.now,
      logger: { info() {}, warn() {}, error() {} },
    })
    await other.ready
    const now = seconds()
    const me = async (claims: { iat: number; exp: number }) =>
      (
        await other.fetch(
          new Request('http://usher.test/me', {
            headers: { Authorization: `Bearer ${await sign(claims)}` },
          }),
        )
      ).status
    expect(await me({ iat: now, exp: now + 4 * 3600 })).toBe(200)
    expect(await me({ iat: now, exp: now + 9 * 3600 })).toBe(401)
    expect(await me({ iat: now + 5, exp: now + 600 })).toBe(401)
  })
})

describe('control characters never reach the database', () => {
  const json = (token: string, method: string, body: unknown, headers: Record<string, string> = {}) => ({
    token,
    method,
    headers: { 'Content-Type': 'application/json', ...headers },
    body: JSON.stringify(body),
  })

  it('a NUL in the search term answers 422 on query.q', async () => {
    const answer = await call(`/users?q=${encodeURIComponent('du\u0000pont')}`, { token: await ownerToken() })
    expect(answer.status).toBe(422)
    expect(answer.body?.errors).toEqual([
      { path: 'query.q', code: 'control_character', message: expect.any(String) },
    ])
  })

  it('a NUL in a group name answers 422 on name, and no group is made', async () => {
    const name = `Nord\u0000${randomUUID().slice(0, 4)}`
    const answer = await call('/groups', json(await ownerToken(), 'POST', { name }))
    expect(answer.status).toBe(422)
    expect(answer.body?.errors).toMatchObject([{ path: 'name', code: 'control_character' }])
    const groups = await org.owner.client.groups.list()
    expect(groups.items.some((group) => group.name.startsWith('Nord'))).toBe(false)
  })

  it("a NUL in a person's name answers 422 on the name's path, on update and on invitation", async () => {
    const member = await org.addMember({ role: 'technician' })
    const user = await org.owner.client.users.get(member.user.id)
    const update = await call(
      `/users/${user.id}`,
      json(await ownerToken(), 'PATCH', { firstName: 'Jean\u0000' }, { 'If-Match': `"${user.version}"` }),
    )
    expect(update.status).toBe(422)
    expect(update.body?.errors).toMatchObject([{ path: 'firstName', code: 'control_character' }])
    expect((await org.owner.client.users.get(user.id)).firstName).toBe(user.firstName)

    const invite = await call(
      '/invitations',
      json(await ownerToken(), 'POST', {
        invitations: [
          { firstName: 'Élo\u0000die', lastName: 'Roy', email: 'elodie.roy@exemple.fr', role: 'technician' },
        ],
      }),
    )
    expect(invite.status).toBe(422)
    expect(invite.body?.errors).toMatchObject([
      { path: 'invitations.0.firstName', code: 'control_character' },
    ])
  })
})

describe('If-Match', () => {
  it('takes a strong tag; a weak one never matches and answers 428, as the document says', async () => {
    const member = await org.addMember({ role: 'technician' })
    const user = await org.owner.client.users.get(member.user.id)
    const withToken = async (ifMatch: string) => {
      const token = await ownerToken()
      const response = await fetch(`${t.url}/users/${user.id}`, {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/json',
          'If-Match': ifMatch,
        },
        body: JSON.stringify({ jobTitle: 'Technicienne' }),
      })
      return { status: response.status, body: (await response.json()) as { code?: string } }
    }
    const weak = await withToken(`W/"${user.version}"`)
    expect([weak.status, weak.body.code]).toEqual([428, 'precondition_required'])
    expect((await withToken(`"${user.version}"`)).status).toBe(200)
  })
})
