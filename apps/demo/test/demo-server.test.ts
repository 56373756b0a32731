import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoAccountsResponse, DemoOutboxResponse, DemoSessionResponse } from '../server/api-types'
import { MEMORY } from '../server/data-dir'
import { type DemoServer, startDemo } from '../server/start-demo'

// The demo's server in this process, API only (no Vite, no build), on a free port and an in-memory
// database: what the app's header and pages call, and a token that opens Usher's API.
let demo: DemoServer
let base: string

beforeAll(async () => {
  demo = await startDemo({ mode: 'api', port: 0, dataDir: MEMORY, log: () => {} })
  base = `http://127.0.0.1:${demo.port}`
})

afterAll(async () => {
  await demo?.close()
})

async function session(userId: string): Promise<Response> {
  return fetch(`${base}/api/demo/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ userId }),
  })
}

describe('the demo server', () => {
  it('signs a seeded account in with the demo password (Usher’s built-in sign-in, the sign-in page)', async () => {
    const login = await fetch(`${base}/api/usher/auth/login`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({
        email: 'camille.durand@atelier-durand.example',
        password: 'usher-demo-password',
      }),
    })
    expect(login.status).toBe(200)
    const { session, mustChangePassword } = (await login.json()) as {
      session: { token: string }
      mustChangePassword: boolean
    }
    expect(mustChangePassword).toBe(false)
    // The app uses that session as its bearer token in place of the account switch's.
    const me = await fetch(`${base}/api/usher/me`, { headers: { Authorization: `Bearer ${session.token}` } })
    expect(me.status).toBe(200)
  })

  it('lists the owner, the scoped admin and a technician of each seeded organization', async () => {
    const response = await fetch(`${base}/api/demo/accounts`)
    expect(response.status).toBe(200)
    const { organizations } = (await response.json()) as DemoAccountsResponse
    expect(organizations.map((org) => org.slug)).toEqual(['atelier-durand', 'northwind-support'])
    for (const org of organizations) {
      expect(org.accounts.map((a) => [a.persona, a.role])).toEqual([
        ['owner', 'owner'],
        ['admin', 'admin'],
        ['technician', 'technician'],
      ])
    }
    expect(organizations[0]?.accounts[0]?.name).toBe('Camille Durand')
  })

  it('signs a token that Usher accepts, for the account asked for', async () => {
    const { organizations } = (await (
      await fetch(`${base}/api/demo/accounts`)
    ).json()) as DemoAccountsResponse
    const admin = organizations[1]?.accounts.find((a) => a.persona === 'admin')
    if (!admin) throw new Error('no admin')
    const response = await session(admin.userId)
    expect(response.status).toBe(200)
    const { token, orgId } = (await response.json()) as DemoSessionResponse
    expect(orgId).toBe(organizations[1]?.id)

    const me = await fetch(`${base}/api/usher/me`, { headers: { Authorization: `Bearer ${token}` } })
    expect(me.status).toBe(200)
    const body = (await me.json()) as { user: { id: string }; permissions: string[] }
    expect(body.user.id).toBe(admin.userId)
    expect(body.permissions).toContain('users:invite')

    expect((await fetch(`${base}/api/usher/me`)).status).toBe(401)
    expect((await fetch(`${base}/api/usher/no-such-route`)).headers.get('content-type')).toContain(
      'application/problem+json',
    )
  })

  it('refuses a session for someone outside the demo', async () => {
    expect((await session('00000000-0000-4000-8000-000000000000')).status).toBe(404)
    expect((await session('not-an-id')).status).toBe(400)
  })

  it('shows the outbox, newest first, with links to the demo’s accept page', async () => {
    const response = await fetch(`${base}/api/demo/outbox`)
    expect(response.status).toBe(200)
    const { messages } = (await response.json()) as DemoOutboxResponse
    expect(messages.length).toBeGreaterThan(0)
    const times = messages.map((m) => Date.parse(m.createdAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    const invitation = messages.find((m) => m.kind === 'invitation')
    expect(invitation?.link).toMatch(new RegExp(`^${demo.url}/accept-invitation\\?token=`))
    // The subject names the organization the person is invited to, in its language.
    expect(invitation?.subject).toMatch(/Atelier Durand|Northwind Support/)

    const orgId = demo.seed.organizations[1]?.id ?? ''
    const { messages: ofOne } = (await (
      await fetch(`${base}/api/demo/outbox?orgId=${orgId}`)
    ).json()) as DemoOutboxResponse
    expect(ofOne.length).toBeGreaterThan(0)
    expect(ofOne.every((m) => m.orgId === orgId)).toBe(true)
  })

  it('declares its own operator role: listed by GET /roles, given by an owner, counted as a seat', async () => {
    const accounts = (await (await fetch(`${base}/api/demo/accounts`)).json()) as DemoAccountsResponse
    const owner = accounts.organizations[1]?.accounts.find((a) => a.persona === 'owner')
    if (!owner) throw new Error('no owner in the demo data')
    const { token } = (await (await session(owner.userId)).json()) as DemoSessionResponse
    const headers = { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' }
    const roles = (await (await fetch(`${base}/api/usher/roles`, { headers })).json()) as {
      items: Array<{ key: string; label: { en?: string; fr?: string } | null; takesSeat: boolean }>
    }
    expect(roles.items.map((r) => r.key)).toEqual(['owner', 'admin', 'operator', 'technician'])
    expect(roles.items[2]).toMatchObject({ label: { en: 'Operator', fr: 'Opérateur' }, takesSeat: true })
    const seatsBefore = ((await (await fetch(`${base}/api/usher/me`, { headers })).json()) as MeSeats).seats
      .used
    const invited = await fetch(`${base}/api/usher/invitations`, {
      method: 'POST',
      headers: { ...headers, 'Idempotency-Key': 'demo-operator-1' },
      body: JSON.stringify({
        invitations: [
          {
            email: 'nadia.operator@northwind.example',
            firstName: 'Nadia',
            lastName: 'Karim',
            role: 'operator',
          },
        ],
      }),
    })
    expect(invited.ok).toBe(true)
    const body = (await invited.json()) as { results: Array<{ status: string; user?: { role: string } }> }
    expect(body.results[0]).toMatchObject({ status: 'created', user: { role: 'operator' } })
    const seatsAfter = ((await (await fetch(`${base}/api/usher/me`, { headers })).json()) as MeSeats).seats
      .used
    expect(seatsAfter).toBe(seatsBefore + 1)
  })
})

interface MeSeats {
  seats: { used: number }
}
