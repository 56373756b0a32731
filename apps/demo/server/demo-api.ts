import type { DemoOrganization, DemoSeedResult, UsherServer } from '@usher/server'
import { Hono } from 'hono'
import type { DemoAccountsResponse, DemoOutboxResponse, DemoPersona, DemoSessionResponse } from './api-types'

/** A host backend keeps tokens short and lets the app ask again; the app refreshes before this. */
export const SESSION_SECONDS = 15 * 60
const OUTBOX_LIMIT = 200
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i

/** The seeded people the account switch offers, in its order. */
function personas(org: DemoOrganization): Array<{ id: string; persona: DemoPersona }> {
  return [
    { id: org.ownerId, persona: 'owner' },
    { id: org.adminId, persona: 'admin' },
    { id: org.technicianId, persona: 'technician' },
  ]
}

/**
 * The demo's own endpoints: what a host product's backend would do around Usher. No auth: the
 * demo lets anyone sign in as any seeded person, which is the point of a demo and nothing else.
 */
export function createDemoApi(usher: UsherServer, seed: DemoSeedResult) {
  const api = new Hono()
  const demoOrgIds = seed.organizations.map((org) => org.id)

  // Read at every call: roles, names and the accounts themselves may have changed in the demo.
  api.get('/accounts', async (c) => {
    const [orgRows, userRows] = await Promise.all([
      usher.db
        .selectFrom('organizations')
        .select(['id', 'name', 'slug'])
        .where('id', 'in', demoOrgIds)
        .execute(),
      usher.db
        .selectFrom('users')
        .select(['id', 'org_id', 'first_name', 'last_name', 'email', 'role', 'enabled'])
        .where(
          'id',
          'in',
          seed.organizations.flatMap((org) => personas(org).map((p) => p.id)),
        )
        .execute(),
    ])
    const users = new Map(userRows.map((row) => [row.id, row]))
    const body: DemoAccountsResponse = {
      organizations: seed.organizations.flatMap((org) => {
        const row = orgRows.find((r) => r.id === org.id)
        if (!row) return []
        const accounts = personas(org).flatMap(({ id, persona }) => {
          const user = users.get(id)
          // Deleted in the demo since the seed: no longer offered.
          if (!user || user.org_id !== org.id) return []
          return [
            {
              userId: user.id,
              persona,
              name: `${user.first_name} ${user.last_name}`.trim(),
              email: user.email,
              role: user.role,
              enabled: user.enabled,
            },
          ]
        })
        return [{ id: org.id, slug: row.slug, name: row.name, locale: org.locale, accounts }]
      }),
    }
    return c.json(body)
  })

  // What a host's backend does once its own sign-in succeeded: sign a short token for that person.
  api.post('/session', async (c) => {
    const body: unknown = await c.req.json().catch(() => null)
    const userId = typeof body === 'object' && body && 'userId' in body ? body.userId : undefined
    if (typeof userId !== 'string' || !UUID.test(userId)) {
      return c.json({ error: 'Send { "userId": "<a user id from /api/demo/accounts>" }.' }, 400)
    }
    const user = await usher.db
      .selectFrom('users')
      .select(['id', 'org_id'])
      .where('id', '=', userId)
      .executeTakeFirst()
    if (!user || !demoOrgIds.includes(user.org_id)) {
      return c.json({ error: 'No such user in the demo organizations.' }, 404)
    }
    const token = await usher.provision.token({
      userId: user.id,
      orgId: user.org_id,
      expiresInSeconds: SESSION_SECONDS,
    })
    const session: DemoSessionResponse = {
      token,
      expiresAt: new Date(Date.now() + SESSION_SECONDS * 1000).toISOString(),
      userId: user.id,
      orgId: user.org_id,
    }
    return c.json(session)
  })

  // Usher keeps every email in its outbox table (no SMTP here): the demo's "mailbox".
  api.get('/outbox', async (c) => {
    const orgId = c.req.query('orgId')
    if (orgId !== undefined && !UUID.test(orgId)) return c.json({ error: 'orgId is not an id.' }, 400)
    let query = usher.db
      .selectFrom('outbox')
      .select([
        'id',
        'org_id',
        'kind',
        'locale',
        'to_address',
        'subject',
        'text',
        'html',
        'link',
        'created_at',
        'sent_at',
      ])
      .orderBy('created_at', 'desc')
      .orderBy('id', 'desc')
      .limit(OUTBOX_LIMIT)
    if (orgId) query = query.where('org_id', '=', orgId)
    const rows = await query.execute()
    const body: DemoOutboxResponse = {
      messages: rows.map((row) => ({
        id: row.id,
        orgId: row.org_id,
        kind: row.kind,
        locale: row.locale,
        to: row.to_address,
        subject: row.subject,
        text: row.text,
        html: row.html,
        link: row.link,
        createdAt: new Date(row.created_at).toISOString(),
        sentAt: row.sent_at ? new Date(row.sent_at).toISOString() : null,
      })),
    }
    return c.json(body)
  })

  api.all('*', (c) => c.json({ error: 'Not found' }, 404))
  return api
}
