// The host's own backend: its users live in its own table (here in memory, as a database would
// hold them), its own API speaks its own shapes. Usher never sees this server: the page's
// UsherClient (src/usher-client.ts) maps these answers onto Usher's.
import { serve } from '@hono/node-server'
import { serveStatic } from '@hono/node-server/serve-static'
import { Hono } from 'hono'

export interface Person {
  id: string
  email: string
  firstName: string
  lastName: string
  role: 'owner' | 'admin' | 'technician'
  status: 'active' | 'invited'
  createdAt: string
  sharedGroups: { groupId: string; permission: 'view' | 'manage' }[]
}

const people: Person[] = [
  { id: 'p1', email: 'ada@acme.example', firstName: 'Ada', lastName: 'Lovelace', role: 'owner' },
  { id: 'p2', email: 'alan@acme.example', firstName: 'Alan', lastName: 'Turing', role: 'technician' },
  { id: 'p3', email: 'grace@acme.example', firstName: 'Grace', lastName: 'Hopper', role: 'admin' },
].map((p) => ({ ...p, status: 'active', createdAt: '2026-01-05T09:00:00.000Z', sharedGroups: [] }) as Person)
const groups = [
  { id: 'g1', name: 'Paris office' },
  { id: 'g2', name: 'Lyon office' },
]
// The signed-in user: a real host reads it from its session.
const signedIn = 'p1'
const PAGE = 50

const api = new Hono()
  .get('/me', (c) => c.json(people.find((p) => p.id === signedIn)))
  .get('/people', (c) => {
    const q = (c.req.query('q') ?? '').toLowerCase()
    const start = Number(c.req.query('cursor') ?? 0)
    const found = people.filter((p) => `${p.firstName} ${p.lastName} ${p.email}`.toLowerCase().includes(q))
    const next = start + PAGE < found.length ? String(start + PAGE) : null
    return c.json({ people: found.slice(start, start + PAGE), next })
  })
  .post('/people', async (c) => {
    const body = await c.req.json<Pick<Person, 'email' | 'firstName' | 'lastName' | 'role'>>()
    if (people.some((p) => p.email.toLowerCase() === body.email.toLowerCase())) {
      return c.json({ error: 'email_taken' }, 409)
    }
    const person: Person = {
      ...body,
      id: `p${people.length + 1}`,
      status: 'invited',
      createdAt: new Date().toISOString(),
      sharedGroups: [],
    }
    people.push(person)
    return c.json(person, 201)
  })
  .get('/people/:id', (c) => {
    const person = people.find((p) => p.id === c.req.param('id'))
    return person ? c.json(person) : c.json({ error: 'not_found' }, 404)
  })
  .get('/groups', (c) => c.json(groups))
  .put('/people/:id/groups', async (c) => {
    const person = people.find((p) => p.id === c.req.param('id'))
    if (!person) return c.json({ error: 'not_found' }, 404)
    person.sharedGroups = await c.req.json()
    return c.json(person)
  })

const app = new Hono().route('/api', api).use('/*', serveStatic({ root: './dist' }))
const port = Number(process.env.PORT ?? 3100)
serve({ fetch: app.fetch, port, hostname: '127.0.0.1' }, () =>
  console.log(`Own-backend example on http://127.0.0.1:${port}`),
)
