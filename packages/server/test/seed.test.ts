import { createUsherClient } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { DEMO_PASSWORD, DEMO_SLUGS, type DemoSeedResult, seedDemo } from '../src/seed/demo-seed'
import { startTestServer, type TestServer } from './support/harness'

let t: TestServer
let first: DemoSeedResult
beforeAll(async () => {
  t = await startTestServer()
  // The demo's slugs are fixed: a PostgreSQL database kept from an earlier run may hold it already.
  await t.server.db.deleteFrom('organizations').where('slug', 'in', Object.values(DEMO_SLUGS)).execute()
  first = await seedDemo(t.server, { now: t.clock.now() })
})
afterAll(() => t.close())

const countRows = async (
  table: 'users' | 'groups' | 'shares' | 'invitations' | 'outbox',
  orgIds: string[],
) => {
  const row = await t.server.db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', 'in', orgIds)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

describe('the demo seed', () => {
  it('creates a French and an English organization with their owners', async () => {
    expect(first.organizations.map((o) => [o.name, o.locale, o.created])).toEqual([
      ['Atelier Durand Maintenance', 'fr', true],
      ['Northwind Support', 'en', true],
    ])
    const [fr] = first.organizations
    if (!fr) throw new Error('no French organization')
    const client = createUsherClient({
      baseUrl: t.url,
      token: () => t.server.provision.token({ userId: fr.ownerId, orgId: fr.id }),
    })
    const me = await client.me.get()
    expect(me.user).toMatchObject({ firstName: 'Camille', lastName: 'Durand', role: 'owner', locale: 'fr' })
    expect(me.organization.settings.seats).toBe(8)
    expect(me.organization.settings.contactTopics.map((topic) => topic.key)).toEqual([
      'billing',
      'alerts',
      'maintenance',
    ])
  })

  it('has every status in each organization, within the seats of the plan', async () => {
    for (const org of first.organizations) {
      const statuses = new Set(org.accounts.map((a) => a.status))
      expect([...statuses].sort()).toEqual(['active', 'disabled', 'expired', 'invited'])
      const operators = org.accounts.filter(
        (a) => a.role === 'technician' && (a.status === 'active' || a.status === 'invited'),
      )
      expect(operators.length).toBeLessThanOrEqual(org.locale === 'fr' ? 8 : 5)
      // Active and disabled accounts sign in with the documented password; invitees have none yet.
      for (const account of org.accounts) {
        const expected = account.status === 'active' || account.status === 'disabled' ? DEMO_PASSWORD : null
        expect(account.password, account.email).toBe(expected)
      }
    }
  })

  it('keeps an invited account invited and an expired one expired, whatever the clock', async () => {
    const [fr] = first.organizations
    if (!fr) throw new Error('no French organization')
    const invited = await t.server.db
      .selectFrom('users')
      .select(['email', 'invitation_expires_at'])
      .where('org_id', '=', fr.id)
      .where('activated_at', 'is', null)
      .execute()
    const now = t.clock.now().getTime()
    const byEmail = new Map(invited.map((u) => [u.email, new Date(u.invitation_expires_at ?? 0).getTime()]))
    expect(byEmail.get('chloe.roux@atelier-durand.example')).toBeGreaterThan(now + 20 * 86_400_000)
    expect(byEmail.get('thomas.fournier@atelier-durand.example')).toBeLessThan(now)
  })

  it('nests groups three levels deep and scopes the admin to one subtree', async () => {
    const [fr] = first.organizations
    if (!fr) throw new Error('no French organization')
    const groups = await t.server.db
      .selectFrom('groups')
      .select(['id', 'name', 'parent_id'])
      .where('org_id', '=', fr.id)
      .execute()
    const byId = new Map(groups.map((g) => [g.id, g]))
    const path = (name: string) => {
      const names: string[] = []
      let group = groups.find((g) => g.name === name)
      while (group) {
        names.unshift(group.name)
        group = group.parent_id ? byId.get(group.parent_id) : undefined
      }
      return names
    }
    expect(path('Résidence Voltaire')).toEqual(['Clients Île-de-France', 'Paris 11e', 'Résidence Voltaire'])
    expect(path('Lyon Part-Dieu')).toEqual(['Clients Rhône', 'Lyon Part-Dieu'])

    const memberships = await t.server.db
      .selectFrom('user_groups')
      .select('group_id')
      .where('user_id', '=', fr.adminId)
      .execute()
    expect(memberships.map((m) => byId.get(m.group_id)?.name)).toEqual(['Clients Île-de-France'])
  })

  it('shares groups with technicians, and leaves one technician with nothing shared yet', async () => {
    for (const org of first.organizations) {
      const shares = await t.server.db
        .selectFrom('shares')
        .select(['user_id', 'permission'])
        .where('org_id', '=', org.id)
        .execute()
      expect(new Set(shares.map((s) => s.permission))).toEqual(new Set(['view', 'manage']))
      expect(shares.some((s) => s.user_id === org.technicianId)).toBe(true)
      const activeTechnicians = org.accounts.filter((a) => a.role === 'technician' && a.status === 'active')
      const withoutShares = activeTechnicians.filter((a) => !shares.some((s) => s.user_id === a.userId))
      expect(withoutShares.length).toBeGreaterThanOrEqual(1)
    }
  })

  it('puts the pending invitations in the outbox with their accept link', async () => {
    const [fr] = first.organizations
    if (!fr) throw new Error('no French organization')
    const mail = await t.server.db
      .selectFrom('outbox')
      .selectAll()
      .where('to_address', '=', 'chloe.roux@atelier-durand.example')
      .executeTakeFirstOrThrow()
    expect(mail.locale).toBe('fr')
    expect(mail.link).toMatch(/\/accept-invitation\?token=/)
    expect(mail.text).toContain('Atelier Durand Maintenance')
  })

  it('adds nothing when run again, and returns the same ids', async () => {
    const ids = first.organizations.map((o) => o.id)
    const before = await Promise.all(
      (['users', 'groups', 'shares', 'invitations', 'outbox'] as const).map((table) => countRows(table, ids)),
    )
    const second = await seedDemo(t.server, { now: t.clock.now() })
    const after = await Promise.all(
      (['users', 'groups', 'shares', 'invitations', 'outbox'] as const).map((table) => countRows(table, ids)),
    )
    expect(after).toEqual(before)
    expect(second.organizations.map((o) => o.created)).toEqual([false, false])
    expect(second.organizations.map(({ created, ...rest }) => rest)).toEqual(
      first.organizations.map(({ created, ...rest }) => rest),
    )
    const orgCount = await t.server.db
      .selectFrom('organizations')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('slug', 'in', ['atelier-durand', 'northwind-support'])
      .executeTakeFirstOrThrow()
    expect(Number(orgCount.n)).toBe(2)
  })
})
