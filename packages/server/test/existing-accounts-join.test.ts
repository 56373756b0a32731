import { randomUUID } from 'node:crypto'
import type { CreateInvitationsInput } from '@usher/contract'
import { createUsherClient } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestOrg, type TestServer } from './support/harness'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({
    links: {
      acceptInvitationUrl: 'http://app.test/accept',
      resetPasswordUrl: 'http://app.test/reset',
      signInUrl: 'http://app.test/sign-in',
    },
  })
})
afterAll(() => t.close())

const PASSWORD = 'a long enough password 123'
const uniqueEmail = (name: string) => `${name}.${randomUUID().slice(0, 8)}@example.com`

async function addExistingAccounts(org: TestOrg) {
  const me = await org.owner.client.me.get()
  await org.owner.client.organization.update(
    { settings: { existingAccounts: 'add' } },
    { ifMatch: me.organization.version },
  )
}

const mailsTo = (email: string) =>
  t.server.db
    .selectFrom('outbox')
    .select(['kind', 'locale', 'subject', 'text', 'link'])
    .where('to_address', '=', email)
    .execute()

const invitationsOf = (userId: string) =>
  t.server.db.selectFrom('invitations').select('id').where('user_id', '=', userId).execute()

const oliver = (email: string): CreateInvitationsInput['invitations'][number] => ({
  firstName: 'Oliver',
  lastName: 'Bennett',
  email,
  role: 'technician',
})

describe('an organization that adds existing accounts at once', () => {
  it('makes a person who signs in elsewhere an active member, with one notice in their language and no invitation', async () => {
    const email = uniqueEmail('oliver.bennett')
    const northwind = await createTestOrg(t, { name: 'Northwind' })
    const durand = await createTestOrg(t, { name: 'Atelier Durand', seats: 2 })
    const first = await northwind.addMember({ role: 'technician', email, password: PASSWORD })
    // The account's language, not the one of whoever adds them (the owner writes in English).
    await t.server.db.updateTable('accounts').set({ locale: 'fr' }).where('email', '=', email).execute()
    await addExistingAccounts(durand)

    const answer = await durand.owner.client.invitations.create({ invitations: [oliver(email)] })
    const row = answer.results[0]
    if (row?.status !== 'joined') throw new Error(JSON.stringify(row))
    expect([answer.created, answer.joined, answer.failed]).toEqual([1, 1, 0])
    expect(row.user.status).toBe('active')
    expect(await invitationsOf(row.user.id)).toEqual([])

    // Takes a seat as an accepted invitation would.
    expect((await durand.owner.client.me.get()).seats).toEqual({ used: 1, allowed: 2 })

    const mails = await mailsTo(email)
    expect(mails.map((m) => [m.kind, m.locale, m.link])).toEqual([
      ['membership_added', 'fr', 'http://app.test/sign-in'],
    ])
    expect(mails[0]?.subject).toBe('Olivia Owner a ajouté votre compte à Atelier Durand sur Usher')
    expect(mails[0]?.text).toContain('en tant que Technicien.')
    expect(mails[0]?.text).not.toMatch(/ [:;?!]/)

    // Audited as an addition, saying the person is active at once.
    const events = await durand.owner.client.audit.list({ targetId: row.user.id })
    expect(events.items.map((e) => [e.action, e.changes?.status])).toEqual([
      ['user.created', [null, 'active']],
    ])

    // The same password opens both organizations; the first membership is as it was.
    const login = await t.anonymous.auth.login({ email, password: PASSWORD, organization: durand.slug })
    expect(login.user.id).toBe(row.user.id)
    expect(login.memberships.map((m) => m.organization.id).sort()).toEqual([northwind.id, durand.id].sort())
    const before = first.user
    const after = await northwind.owner.client.users.get(before.id)
    expect([after.status, after.role, after.version]).toEqual([before.status, before.role, before.version])
  })

  it('says in a dry run which rows would join at once', async () => {
    const known = uniqueEmail('known')
    const northwind = await createTestOrg(t)
    const durand = await createTestOrg(t)
    await northwind.addMember({ role: 'technician', email: known, password: PASSWORD })
    await addExistingAccounts(durand)
    const answer = await durand.owner.client.invitations.create({
      dryRun: true,
      invitations: [oliver(known), oliver(uniqueEmail('nina'))],
    })
    expect(
      answer.results.map((r) => (r.status === 'valid' ? [r.existingAccount, r.joinsAtOnce] : r.status)),
    ).toEqual([
      [true, true],
      [false, false],
    ])
    expect(await mailsTo(known)).toEqual([])
  })

  it('replays an idempotent request without adding or mailing twice', async () => {
    const email = uniqueEmail('replay')
    const northwind = await createTestOrg(t)
    const durand = await createTestOrg(t)
    await northwind.addMember({ role: 'technician', email, password: PASSWORD })
    await addExistingAccounts(durand)
    const key = randomUUID()
    const body = { invitations: [oliver(email)] }
    const once = await durand.owner.client.invitations.create(body, { idempotencyKey: key })
    const twice = await durand.owner.client.invitations.create(body, { idempotencyKey: key })
    expect(twice).toEqual(once)
    expect((await mailsTo(email)).length).toBe(1)
  })

  it('invites an address whose account has no password yet (invited elsewhere, never accepted)', async () => {
    const email = uniqueEmail('pending')
    const northwind = await createTestOrg(t)
    const durand = await createTestOrg(t)
    await northwind.owner.client.invitations.create({ invitations: [oliver(email)] })
    await addExistingAccounts(durand)

    const answer = await durand.owner.client.invitations.create({ invitations: [oliver(email)] })
    const row = answer.results[0]
    if (row?.status !== 'created') throw new Error(JSON.stringify(row))
    expect(row.user.status).toBe('invited')
    expect((await mailsTo(email)).map((m) => m.kind)).toEqual(['invitation', 'invitation'])
  })

  it('keeps inviting existing accounts while the setting says invite (the default)', async () => {
    const email = uniqueEmail('default')
    const northwind = await createTestOrg(t)
    const durand = await createTestOrg(t)
    await northwind.addMember({ role: 'technician', email, password: PASSWORD })
    expect((await durand.owner.client.me.get()).organization.settings.existingAccounts).toBe('invite')

    const answer = await durand.owner.client.invitations.create({ invitations: [oliver(email)] })
    const row = answer.results[0]
    if (row?.status !== 'created') throw new Error(JSON.stringify(row))
    expect(row.user.status).toBe('invited')
    expect(await invitationsOf(row.user.id)).toHaveLength(1)
    expect((await mailsTo(email)).map((m) => m.kind)).toEqual(['invitation'])
  })

  it('reads an organization stored before the setting existed as invite', async () => {
    const org = await createTestOrg(t)
    const stored = await t.server.db
      .selectFrom('organizations')
      .select('settings')
      .where('id', '=', org.id)
      .executeTakeFirstOrThrow()
    const raw = typeof stored.settings === 'string' ? JSON.parse(stored.settings) : stored.settings
    delete raw.existingAccounts
    await t.server.db
      .updateTable('organizations')
      .set({ settings: JSON.stringify(raw) })
      .where('id', '=', org.id)
      .execute()
    const client = createUsherClient({ baseUrl: t.url, token: org.owner.token, retry: 0 })
    expect((await client.me.get()).organization.settings.existingAccounts).toBe('invite')
  })
})
