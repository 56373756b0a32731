import { randomBytes } from 'node:crypto'
import type { InvitationLookup, UserShares } from '@usher/contract'
import { makeGroups, makeMe, makeOrganization, makeUsers } from '@usher/fixtures'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { createUsherClient } from '../src/index'
import { problemReply, startTestServer, type TestServer } from './support/test-server'

const groups = makeGroups()
const users = makeUsers(6, { groupIds: groups.map((g) => g.id) })
const [owner, technician] = users as [(typeof users)[0], (typeof users)[0]]

let server: TestServer
beforeEach(async () => {
  server = await startTestServer()
})
afterEach(async () => {
  await server.close()
})

describe('given a client on a server at the root', () => {
  it('sends users.list filters as query parameters, a list as repeated parameters', async () => {
    server.on('GET', '/users', { status: 200, json: { items: users, nextCursor: null } })
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })

    await client.users.list({
      status: ['invited', 'expired'],
      limit: 20,
      q: 'Hélène & co',
      sort: '-createdAt',
    })

    const [request] = server.requests
    expect(request?.method).toBe('GET')
    expect(request?.path).toBe('/users')
    expect(request?.query.getAll('status')).toEqual(['invited', 'expired'])
    expect(request?.query.get('limit')).toBe('20')
    expect(request?.query.get('q')).toBe('Hélène & co')
    expect(request?.query.get('sort')).toBe('-createdAt')
    expect(request?.query.has('cursor')).toBe(false)
  })

  it('puts the id in the path and parses the answer into the contract type', async () => {
    server.on('GET', `/users/${technician.id}`, { status: 200, json: technician })
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })

    const user = await client.users.get(technician.id)

    expect(server.requests[0]?.path).toBe(`/users/${technician.id}`)
    expect(user).toEqual(technician)
  })

  it('returns me, users pages and groups pages as the fixtures the server sent', async () => {
    const me = makeMe(users)
    server
      .on('GET', '/me', { status: 200, json: me })
      .on('GET', '/users', { status: 200, json: { items: users, nextCursor: 'next-page' } })
      .on('GET', '/groups', { status: 200, json: { items: groups, nextCursor: null } })
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })

    expect(await client.me.get()).toEqual(me)
    expect(await client.users.list()).toEqual({ items: users, nextCursor: 'next-page' })
    expect(await client.groups.list()).toEqual({ items: groups, nextCursor: null })
  })

  it('resolves undefined on a 204 (users.delete, invitations.revoke)', async () => {
    const invitationId = technician.invitationId ?? owner.id
    server
      .on('DELETE', `/users/${technician.id}`, { status: 204 })
      .on('DELETE', `/invitations/${invitationId}`, { status: 204 })
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })

    await expect(client.users.delete(technician.id)).resolves.toBeUndefined()
    await expect(client.invitations.revoke(invitationId)).resolves.toBeUndefined()
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `DELETE /users/${technician.id}`,
      `DELETE /invitations/${invitationId}`,
    ])
  })
})

describe('given a baseUrl with a path prefix', () => {
  it.each([
    ['without a trailing slash', '/api/usher'],
    ['with a trailing slash', '/api/usher/'],
    ['with several trailing slashes', '/api/usher//'],
  ])('calls under the prefix %s', async (_, prefix) => {
    server.on('GET', '/api/usher/users', { status: 200, json: { items: [], nextCursor: null } })
    const client = createUsherClient({ baseUrl: `${server.url}${prefix}`, token: 'tok' })

    await expect(client.users.list({ limit: 5 })).resolves.toEqual({ items: [], nextCursor: null })
    expect(server.requests[0]?.path).toBe('/api/usher/users')
    expect(server.requests[0]?.query.get('limit')).toBe('5')
  })
})

describe('given a baseUrl ending in a long run of slashes', () => {
  it('creates the client at once (the trim does not backtrack)', () => {
    // A regex trim (/\/+$/) is quadratic on this: some 30 s on a 2-core VM for 200,000 slashes;
    // the loop takes well under a millisecond. The bound is a thousand times what it needs.
    const baseUrl = `${server.url}/api${'/'.repeat(200_000)}usher//`
    const started = performance.now()

    createUsherClient({ baseUrl, token: 'tok' })

    expect(performance.now() - started).toBeLessThan(5_000)
  })
})

describe('given a token', () => {
  it('sends a string token as a bearer token', async () => {
    server.on('GET', '/me', { status: 200, json: makeMe(users) })
    const client = createUsherClient({ baseUrl: server.url, token: 'eyJhbGciOi.static' })

    await client.me.get()

    expect(server.requests[0]?.headers.authorization).toBe('Bearer eyJhbGciOi.static')
  })

  it('calls an async token function once per attempt, so a retry carries a fresh token', async () => {
    server.on('GET', '/me', problemReply('service_unavailable')).on('GET', '/me', {
      status: 200,
      json: makeMe(users),
    })
    let calls = 0
    const client = createUsherClient({
      baseUrl: server.url,
      token: async () => {
        await new Promise((resolve) => setTimeout(resolve, 1))
        calls += 1
        return `token-${calls}`
      },
      retry: { delay: () => 20 },
    })

    await client.me.get()

    expect(calls).toBe(2)
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(['Bearer token-1', 'Bearer token-2'])
  })

  it('sends no Authorization when the token function has none (signed out)', async () => {
    server.on('GET', '/roles', { status: 200, json: { items: [] } })
    const client = createUsherClient({ baseUrl: server.url, token: () => null })

    await expect(client.roles.list()).resolves.toEqual({ items: [] })

    expect(server.requests).toHaveLength(1)
    expect(server.requests[0]?.headers.authorization).toBeUndefined()
  })
})

describe('given an Authorization header from the host and no token option', () => {
  it('sends the client’s Authorization as is', async () => {
    server.on('GET', '/me', { status: 200, json: makeMe(users) })
    const client = createUsherClient({
      baseUrl: server.url,
      headers: { Authorization: 'Basic dXNlcjpwYXNz' },
    })

    await client.me.get()

    expect(server.requests[0]?.headers.authorization).toBe('Basic dXNlcjpwYXNz')
  })

  it('sends a per-call Authorization as is, on every attempt', async () => {
    server.on('GET', '/me', problemReply('service_unavailable')).on('GET', '/me', {
      status: 200,
      json: makeMe(users),
    })
    const client = createUsherClient({ baseUrl: server.url, retry: { delay: () => 1 } })

    await client.me.get({ headers: { authorization: 'Bearer from-the-host' } })

    expect(server.requests.map((r) => r.headers.authorization)).toEqual([
      'Bearer from-the-host',
      'Bearer from-the-host',
    ])
  })

  it('lets a token option own the header', async () => {
    server.on('GET', '/me', { status: 200, json: makeMe(users) })
    const client = createUsherClient({
      baseUrl: server.url,
      token: 'tok',
      headers: { Authorization: 'Basic dXNlcjpwYXNz' },
    })

    await client.me.get()

    expect(server.requests[0]?.headers.authorization).toBe('Bearer tok')
  })
})

describe('given a page served over plain HTTP (no crypto.randomUUID outside secure contexts)', () => {
  const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/
  beforeEach(() => {
    // An own property shadows Crypto.prototype.randomUUID, as a non-secure context lacks it.
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true })
  })
  afterEach(() => {
    Reflect.deleteProperty(globalThis.crypto, 'randomUUID')
  })

  it('still creates, with a v4 UUID key from getRandomValues, a new one per call', async () => {
    expect(globalThis.crypto.randomUUID).toBeUndefined()
    server.on('POST', '/groups', { status: 201, json: groups[0] })
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })

    await client.groups.create({ name: 'Site Lyon' })
    await client.groups.create({ name: 'Site Nantes' })

    const keys = server.requests.map((r) => r.headers['idempotency-key'])
    expect(keys).toHaveLength(2)
    for (const key of keys) expect(key).toMatch(UUID_V4)
    expect(keys[0]).not.toBe(keys[1])
  })
})

describe('given an administrator completing rows of the invite form', () => {
  it('asks for the verdicts as a dry run that sends no mail and leaves no idempotency record', async () => {
    server.on('POST', '/invitations', {
      status: 200,
      json: {
        results: [{ index: 0, status: 'valid', email: 'oliver@northwind.example', existingAccount: true }],
        created: 0,
        failed: 0,
      },
    })
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })

    const answer = await client.invitations.check({
      invitations: [{ firstName: 'Oliver', email: 'oliver@northwind.example', role: 'technician' }],
    })

    expect(answer.results[0]).toMatchObject({ status: 'valid', existingAccount: true })
    const [request] = server.requests
    expect(request?.body).toMatchObject({ dryRun: true, sendEmail: false })
    expect(request?.headers['idempotency-key']).toBeUndefined()
  })
})

describe('given client headers and per-call headers', () => {
  it('sends both, the per-call value winning, with a JSON Accept', async () => {
    server.on('GET', '/me', { status: 200, json: makeMe(users) })
    const client = createUsherClient({
      baseUrl: server.url,
      token: 'tok',
      headers: { 'X-Tenant': 'acme', 'X-App-Version': '1.0.0' },
    })

    await client.me.get({ headers: { 'X-App-Version': '2.0.0', 'X-Trace-Id': 'trace-42' } })

    const headers = server.requests[0]?.headers
    expect(headers?.['x-tenant']).toBe('acme')
    expect(headers?.['x-app-version']).toBe('2.0.0')
    expect(headers?.['x-trace-id']).toBe('trace-42')
    expect(headers?.accept).toContain('application/json')
  })
})

describe('given a versioned update', () => {
  it('sends users.update as a JSON PATCH with If-Match: "7"', async () => {
    server.on('PATCH', `/users/${technician.id}`, {
      status: 200,
      json: { ...technician, firstName: 'Zoé', version: 8 },
    })
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })

    const updated = await client.users.update(technician.id, { firstName: 'Zoé' }, { ifMatch: 7 })

    const [request] = server.requests
    expect(request?.method).toBe('PATCH')
    expect(request?.headers['if-match']).toBe('"7"')
    expect(request?.headers['content-type']).toContain('application/json')
    expect(request?.body).toEqual({ firstName: 'Zoé' })
    expect(updated.version).toBe(8)
    expect(updated.firstName).toBe('Zoé')
  })

  it('sends shares.replace as a PUT with If-Match: "3"', async () => {
    const [site] = groups as [(typeof groups)[0]]
    const shares: UserShares = {
      userId: technician.id,
      items: [{ groupId: site.id, groupName: site.name, permission: 'manage' }],
      version: 4,
    }
    server.on('PUT', `/users/${technician.id}/shares`, { status: 200, json: shares })
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })

    const result = await client.shares.replace(
      technician.id,
      { shares: [{ groupId: site.id, permission: 'manage' }] },
      { ifMatch: 3 },
    )

    expect(server.requests[0]?.headers['if-match']).toBe('"3"')
    expect(server.requests[0]?.body).toEqual({ shares: [{ groupId: site.id, permission: 'manage' }] })
    expect(result).toEqual(shares)
  })

  it('throws a TypeError and sends nothing when ifMatch is missing', async () => {
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })

    // @ts-expect-error: the version is required by the types; a JavaScript caller may still forget it.
    await expect(client.users.update(technician.id, { firstName: 'Zoé' })).rejects.toThrow(TypeError)
    await expect(
      client.shares.replace(technician.id, { shares: [] }, { ifMatch: undefined as unknown as number }),
    ).rejects.toThrow(/ifMatch/)
    expect(server.requests).toHaveLength(0)
  })
})

describe('given a client without a token', () => {
  it('looks an invitation up without any Authorization header', async () => {
    const token = randomBytes(32).toString('base64url')
    const organization = makeOrganization()
    const lookup: InvitationLookup = {
      status: 'pending',
      organization: { name: organization.name },
      invitedBy: { name: `${owner.firstName} ${owner.lastName}` },
      email: technician.email,
      salutation: technician.salutation,
      firstName: technician.firstName,
      lastName: technician.lastName,
      role: technician.role,
      locale: technician.locale,
      expiresAt: '2026-12-23T09:00:00.000Z',
      passwordPolicy: organization.settings.passwordPolicy,
      existingAccount: false,
    }
    server.on('GET', '/invitations/lookup', { status: 200, json: lookup })
    const client = createUsherClient({ baseUrl: server.url })

    const result = await client.invitations.lookup(token)

    const [request] = server.requests
    expect(request?.query.get('token')).toBe(token)
    expect(request?.headers.authorization).toBeUndefined()
    expect(result).toEqual(lookup)
  })
})

describe('given an administrator creating people directly (seeds 003, 004)', () => {
  it('creates a user with an idempotency key and sets a password on another', async () => {
    server
      .on('POST', '/users', { status: 201, json: technician })
      .on('POST', `/users/${technician.id}/password`, { status: 204 })
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })

    const created = await client.users.create({
      firstName: 'Jean',
      lastName: 'Dupont',
      nickname: 'JD',
      email: 'jean.dupont@acme.fr',
      role: 'technician',
      password: 'correct horse battery staple',
    })
    await client.users.setPassword(technician.id, {
      password: 'another long secret',
      mustChangePassword: true,
    })

    expect(created).toEqual(technician)
    const [create, password] = server.requests
    expect(create?.headers['idempotency-key']).toMatch(/^[0-9a-f-]{36}$/)
    expect(create?.body).toMatchObject({ nickname: 'JD', password: 'correct horse battery staple' })
    expect(password?.path).toBe(`/users/${technician.id}/password`)
    expect(password?.body).toEqual({ password: 'another long secret', mustChangePassword: true })
  })
})

describe('given a group shared with several people (seed 002, Groups tab)', () => {
  it('walks every person the group is shared with', async () => {
    const group = groups[0] as (typeof groups)[0]
    const share = (u: (typeof users)[0]) => ({
      userId: u.id,
      name: `${u.firstName} ${u.lastName}`,
      email: u.email,
      permission: 'view' as const,
    })
    server
      .on('GET', `/groups/${group.id}/shares`, {
        status: 200,
        json: { items: [share(owner)], nextCursor: 'c2' },
      })
      .on('GET', `/groups/${group.id}/shares`, {
        status: 200,
        json: { items: [share(technician)], nextCursor: null },
      })
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })

    const seen: string[] = []
    for await (const s of client.groups.shares.listAll(group.id, { limit: 1 })) seen.push(s.userId)

    expect(seen).toEqual([owner.id, technician.id])
    expect(server.requests[1]?.query.get('cursor')).toBe('c2')
  })
})

describe("given an owner connecting the organization's mail pipeline", () => {
  const token = {
    id: '018f0c1e-7a35-7c39-9d4b-5e0f6a1b2c3d',
    name: 'Helpdesk mailbox',
    prefix: 'usher_ie_ab12',
    createdAt: '2026-12-01T09:00:00.000Z',
    lastUsedAt: null,
  }

  it('lists, creates (the secret answered once) and revokes its tokens', async () => {
    server
      .on('GET', '/inbound-email/tokens', { status: 200, json: { tokens: [token] } })
      .on('POST', '/inbound-email/tokens', { status: 201, json: { ...token, secret: 'usher_ie_ab12secret' } })
      .on('DELETE', `/inbound-email/tokens/${token.id}`, { status: 204 })
    const client = createUsherClient({ baseUrl: server.url, token: 'owner' })

    expect(await client.inboundEmail?.listTokens()).toEqual([token])
    const created = await client.inboundEmail?.createToken({ name: 'Helpdesk mailbox' })
    expect(created?.secret).toBe('usher_ie_ab12secret')
    expect(await client.inboundEmail?.revokeToken(token.id)).toBeUndefined()

    const [list, create, revoke] = server.requests
    expect(list?.path).toBe('/inbound-email/tokens')
    expect(create?.method).toBe('POST')
    expect(create?.body).toEqual({ name: 'Helpdesk mailbox' })
    expect(revoke?.method).toBe('DELETE')
    expect(revoke?.path).toBe(`/inbound-email/tokens/${token.id}`)
  })

  it('sends a whole message as raw, or the sender fields, with the pipeline token', async () => {
    const result = {
      outcome: 'refused',
      person: null,
      created: false,
      replayed: false,
      address: 'marie@client-nord.fr',
      messageId: '<1@client-nord.fr>',
      refusal: { reason: 'creation_off', message: 'This organization creates nobody from email.' },
    }
    server.on('POST', '/inbound-email', { status: 200, json: result })
    const pipeline = createUsherClient({ baseUrl: server.url, token: 'usher_ie_ab12secret' })
    const raw = 'From: Marie Curie <marie@client-nord.fr>\r\nMessage-ID: <1@client-nord.fr>\r\n\r\nBonjour'

    expect(await pipeline.inboundEmail?.receive(raw)).toEqual(result)
    await pipeline.inboundEmail?.receive({ from: { address: 'marie@client-nord.fr', name: 'Marie Curie' } })

    const [whole, fields] = server.requests
    expect(whole?.headers.authorization).toBe('Bearer usher_ie_ab12secret')
    expect(whole?.headers['content-type']).toMatch(/^application\/json/)
    expect(whole?.body).toEqual({ raw })
    expect(fields?.body).toEqual({ from: { address: 'marie@client-nord.fr', name: 'Marie Curie' } })
  })

  it('refuses a message with both raw and from before sending anything', async () => {
    const pipeline = createUsherClient({ baseUrl: server.url, token: 'usher_ie_ab12secret' })

    await expect(
      pipeline.inboundEmail?.receive({ raw: 'From: a@b.fr\r\n\r\n', from: { address: 'a@b.fr' } }),
    ).rejects.toMatchObject({ name: 'UsherValidationError' })
    expect(server.requests).toEqual([])
  })
})
