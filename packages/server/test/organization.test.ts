import { DEFAULT_PASSWORD_POLICY, type Problem } from '@usher/contract'
import { isUsherApiError, type UsherApiError } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestOrg, type TestServer } from './support/harness'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(() => t.close())

async function rejection(promise: Promise<unknown>): Promise<UsherApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!isUsherApiError(error)) throw new Error(`Expected an API error, got ${String(error)}`)
  return error
}

async function patchRaw(org: TestOrg, body: unknown, ifMatch?: string) {
  const res = await fetch(`${t.url}/organization`, {
    method: 'PATCH',
    headers: {
      authorization: `Bearer ${await org.owner.token()}`,
      'content-type': 'application/json',
      ...(ifMatch ? { 'if-match': ifMatch } : {}),
    },
    body: JSON.stringify(body),
  })
  return { status: res.status, etag: res.headers.get('etag'), body: (await res.json()) as Problem }
}

const auditOf = (orgId: string, action: string) =>
  t.server.db
    .selectFrom('audit_events')
    .select(['action', 'changes'])
    .where('org_id', '=', orgId)
    .where('action', '=', action)
    .execute()

const unique = () => Math.random().toString(36).slice(2, 8)

describe('activating the team', () => {
  it('names the team once, after which users can be managed', async () => {
    const org = await createTestOrg(t, { activated: false })
    const me = await org.owner.client.me.get()
    expect(me.organization.activatedAt).toBeNull()

    const activated = await org.owner.client.organization.activate({ name: '  Équipe Support Nord ' })
    expect(activated.name).toBe('Équipe Support Nord')
    expect(activated.activatedAt).toBe(t.clock.now().toISOString())
    expect(activated.version).toBe(me.organization.version + 1)
    const user = await org.owner.client.users.create({
      firstName: 'First',
      email: `first.${unique()}@example.com`,
      role: 'technician',
    })
    expect(user.status).toBe('invited')

    const again = await rejection(org.owner.client.organization.activate({ name: 'Another name' }))
    expect(again).toMatchObject({ status: 409, code: 'conflict' })
    expect((await org.owner.client.me.get()).organization.name).toBe('Équipe Support Nord')
    expect(await auditOf(org.id, 'organization.activated')).toHaveLength(1)
  })

  it('is the owner’s alone', async () => {
    const org = await createTestOrg(t, { activated: false })
    const admin = await org.addMember({ role: 'admin' })
    expect((await rejection(admin.client.organization.activate({ name: 'Mine now' }))).code).toBe('forbidden')
  })
})

describe('updating the organization', () => {
  it('merges settings field by field, inside the password policy too, and audits the changes', async () => {
    const org = await createTestOrg(t, { seats: 4 })
    const before = (await org.owner.client.me.get()).organization
    const updated = await org.owner.client.organization.update(
      {
        name: 'Renamed',
        settings: { invitationLifetimeDays: 7, passwordPolicy: { minLength: 16 } },
      },
      { ifMatch: before.version },
    )
    expect(updated.name).toBe('Renamed')
    expect(updated.version).toBe(before.version + 1)
    expect(updated.settings).toEqual({
      ...before.settings,
      invitationLifetimeDays: 7,
      passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, minLength: 16 },
    })
    expect(updated.settings.seats).toBe(4)

    const next = await org.owner.client.organization.update(
      { settings: { passwordPolicy: { requireDigit: true } } },
      { ifMatch: updated.version },
    )
    expect(next.settings.passwordPolicy).toMatchObject({ minLength: 16, requireDigit: true })
    expect(next.settings.invitationLifetimeDays).toBe(7)

    const events = await auditOf(org.id, 'organization.updated')
    expect(events[0]?.changes).toEqual({
      name: [before.name, 'Renamed'],
      'settings.invitationLifetimeDays': [30, 7],
      'settings.passwordPolicy.minLength': [12, 16],
    })
    expect(events[1]?.changes).toEqual({ 'settings.passwordPolicy.requireDigit': [false, true] })
  })

  it('applies the new settings at once: invitation lifetime, refused mailboxes, password policy', async () => {
    const org = await createTestOrg(t)
    const { organization } = await org.owner.client.me.get()
    await org.owner.client.organization.update(
      {
        settings: { refusedMailboxes: ['ops'], invitationLifetimeDays: 3, passwordPolicy: { minLength: 40 } },
      },
      { ifMatch: organization.version },
    )
    const refused = await rejection(
      org.owner.client.users.create({ firstName: 'Ops', email: 'ops@acme.example', role: 'technician' }),
    )
    expect(refused.code).toBe('shared_mailbox_refused')
    // The default list no longer applies: the owner replaced it.
    const support = await org.owner.client.users.create({
      firstName: 'Sam',
      email: `support+${unique()}@acme.example`,
      role: 'technician',
    })
    const days =
      (new Date(support.invitationExpiresAt as string).getTime() - t.clock.now().getTime()) / 86_400_000
    expect(days).toBe(3)
    const weak = await rejection(
      org.owner.client.users.setPassword(support.id, { password: 'correct horse battery staple 42' }),
    )
    expect(weak.code).toBe('password_too_weak')
  })

  it('needs If-Match: 428 without, 412 when stale, and a stale write changes nothing', async () => {
    const org = await createTestOrg(t)
    const { organization } = await org.owner.client.me.get()
    const missing = await patchRaw(org, { name: 'No header' })
    expect(missing.status).toBe(428)
    expect(missing.body.code).toBe('precondition_required')

    const ok = await patchRaw(org, { name: 'With header' }, `"${organization.version}"`)
    expect(ok.status).toBe(200)
    expect(ok.etag).toBe(`"${organization.version + 1}"`)

    const stale = await rejection(
      org.owner.client.organization.update({ name: 'Stale' }, { ifMatch: organization.version }),
    )
    expect(stale).toMatchObject({ status: 412, code: 'version_mismatch' })
    expect((await org.owner.client.me.get()).organization.name).toBe('With header')
  })

  it('refuses duplicate topic keys, seats and unknown fields', async () => {
    const org = await createTestOrg(t, { seats: 2 })
    const { organization } = await org.owner.client.me.get()
    const duplicate = await rejection(
      org.owner.client.organization.update(
        {
          settings: {
            contactTopics: [
              { key: 'billing', label: 'Billing' },
              { key: 'safety', label: 'Safety' },
              { key: 'billing', label: 'Invoices' },
            ],
          },
        },
        { ifMatch: organization.version },
      ),
    )
    expect(duplicate.status).toBe(422)
    expect(duplicate.fieldErrors).toEqual([
      expect.objectContaining({ path: 'settings.contactTopics.2.key', code: 'duplicate' }),
    ])

    // Seats belong to the host's plan; the server refuses them even from a client that skips the SDK.
    const seats = await patchRaw(org, { settings: { seats: 1000 } }, `"${organization.version}"`)
    expect(seats.status).toBe(422)
    expect(seats.body.errors).toEqual([
      expect.objectContaining({ path: 'settings.seats', code: 'unknown_field' }),
    ])
    const extra = await patchRaw(org, { name: 'Fine name', slug: 'hijack' }, `"${organization.version}"`)
    expect(extra.body.errors).toEqual([expect.objectContaining({ path: 'slug', code: 'unknown_field' })])
    const after = (await org.owner.client.me.get()).organization
    expect(after).toMatchObject({
      version: organization.version,
      slug: organization.slug,
      name: organization.name,
    })
    expect(after.settings.seats).toBe(2)
  })

  it('is refused to admins', async () => {
    const org = await createTestOrg(t)
    const admin = await org.addMember({ role: 'admin' })
    const { organization } = await admin.client.me.get()
    const error = await rejection(
      admin.client.organization.update({ name: 'Nope' }, { ifMatch: organization.version }),
    )
    expect(error).toMatchObject({ status: 403, code: 'forbidden' })
  })
})
