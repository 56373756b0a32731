import { randomUUID } from 'node:crypto'
import type { Problem } from '@usher/contract'
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

async function addGroup(orgId: string, name: string, parentId: string | null = null) {
  const id = randomUUID()
  await t.server.db
    .insertInto('groups')
    .values({ id, org_id: orgId, name, parent_id: parentId, created_at: t.clock.now() })
    .execute()
  return id
}

const outboxFor = (email: string) =>
  t.server.db.selectFrom('outbox').selectAll().where('to_address', '=', email).orderBy('created_at').execute()

const auditFor = (targetId: string) =>
  t.server.db
    .selectFrom('audit_events')
    .select(['action', 'changes', 'actor_id'])
    .where('target_id', '=', targetId)
    .orderBy('at')
    .execute()

const unique = () => Math.random().toString(36).slice(2, 8)
const STRONG = 'correct horse battery staple 42'

/** A raw request with the member's token: for what the SDK would refuse before sending. */
async function raw(
  org: TestOrg,
  method: string,
  path: string,
  body?: unknown,
  headers: Record<string, string> = {},
) {
  const res = await fetch(`${t.url}${path}`, {
    method,
    headers: {
      authorization: `Bearer ${await org.owner.token()}`,
      ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      ...headers,
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  return {
    status: res.status,
    headers: res.headers,
    body: (await res.json().catch(() => null)) as Problem | null,
  }
}

describe('creating a user', () => {
  it('with a password: active at once, to change at next sign-in by default', async () => {
    const org = await createTestOrg(t)
    const email = `anna.${unique()}@example.com`
    const user = await org.owner.client.users.create({
      firstName: 'Anna',
      lastName: 'Karlsson',
      email: email.toUpperCase(),
      role: 'technician',
      password: STRONG,
    })
    expect(user).toMatchObject({
      email,
      status: 'active',
      mustChangePassword: true,
      source: 'manual',
      invitationId: null,
      version: 1,
    })
    expect(await outboxFor(email)).toEqual([])
    expect((await auditFor(user.id)).map((e) => e.action)).toEqual(['user.created'])
    const row = await t.server.db
      .selectFrom('users as u')
      .innerJoin('accounts as a', 'a.id', 'u.account_id')
      .select('a.password_hash')
      .where('u.id', '=', user.id)
      .executeTakeFirst()
    expect(row?.password_hash).toMatch(/^\$argon2id\$/)

    const kept = await org.owner.client.users.create({
      firstName: 'Bo',
      email: `bo.${unique()}@example.com`,
      role: 'technician',
      password: STRONG,
      mustChangePassword: false,
    })
    expect(kept.mustChangePassword).toBe(false)
  })

  it('refuses a password the policy refuses, on the password field', async () => {
    const org = await createTestOrg(t)
    const error = await rejection(
      org.owner.client.users.create({
        firstName: 'Weak',
        email: `weak.${unique()}@example.com`,
        role: 'technician',
        password: 'short',
      }),
    )
    expect(error.status).toBe(422)
    expect(error.code).toBe('password_too_weak')
    expect(error.fieldErrors[0]).toMatchObject({ path: 'password', code: 'password_too_weak' })
  })

  it('without a password: invited, with the invitation email in the outbox', async () => {
    const org = await createTestOrg(t)
    const email = `ines.${unique()}@example.com`
    const user = await org.owner.client.users.create({
      firstName: 'Inès',
      lastName: 'Moreau',
      email,
      role: 'technician',
      locale: 'fr',
      phone: '+33 6 12 34 56 78',
      jobTitle: 'Technicienne',
    })
    expect(user).toMatchObject({ status: 'invited', locale: 'fr', jobTitle: 'Technicienne' })
    expect(user.invitationId).toBeTypeOf('string')
    expect(user.invitationExpiresAt).toBeTypeOf('string')
    const mail = await outboxFor(email)
    expect(mail).toHaveLength(1)
    expect(mail[0]).toMatchObject({ kind: 'invitation', locale: 'fr' })
    expect(mail[0]?.link).toMatch(/^http:\/\/app\.test\/accept\?token=[A-Za-z0-9_-]{43}$/)
    expect((await auditFor(user.id)).map((e) => e.action)).toEqual(['user.created'])
    expect((await auditFor(user.invitationId as string)).map((e) => e.action)).toEqual(['invitation.created'])

    const silent = await org.owner.client.users.create({
      firstName: 'Silent',
      email: `silent.${unique()}@example.com`,
      role: 'admin',
      sendInvitation: false,
    })
    expect(silent.status).toBe('invited')
    expect(await outboxFor(silent.email)).toEqual([])
  })

  it('refuses shared mailboxes, taken addresses and pending invitations', async () => {
    const org = await createTestOrg(t)
    const mailbox = await rejection(
      org.owner.client.users.create({
        firstName: 'Support',
        email: 'support@acme.example',
        role: 'technician',
      }),
    )
    expect(mailbox).toMatchObject({ status: 422, code: 'shared_mailbox_refused' })
    expect(mailbox.fieldErrors[0]).toMatchObject({ path: 'email', code: 'shared_mailbox_refused' })

    const member = await org.addMember({ role: 'technician' })
    const taken = await rejection(
      org.owner.client.users.create({
        firstName: 'Twin',
        email: member.user.email.toUpperCase(),
        role: 'technician',
      }),
    )
    expect(taken).toMatchObject({ status: 409, code: 'email_taken' })

    const invited = await org.owner.client.users.create({
      firstName: 'Invited',
      email: `inv.${unique()}@example.com`,
      role: 'technician',
    })
    const again = await rejection(
      org.owner.client.users.create({ firstName: 'Again', email: invited.email, role: 'technician' }),
    )
    expect(again).toMatchObject({ status: 409, code: 'invitation_pending' })
  })

  it('needs an activated team', async () => {
    const org = await createTestOrg(t, { activated: false })
    const error = await rejection(
      org.owner.client.users.create({
        firstName: 'Early',
        email: `early.${unique()}@example.com`,
        role: 'admin',
      }),
    )
    expect(error).toMatchObject({ status: 409, code: 'team_not_activated' })
  })

  it('stops at the plan’s seats for technicians, not for admins', async () => {
    const org = await createTestOrg(t, { seats: 1 })
    await org.owner.client.users.create({
      firstName: 'One',
      email: `one.${unique()}@example.com`,
      role: 'technician',
    })
    const error = await rejection(
      org.owner.client.users.create({
        firstName: 'Two',
        email: `two.${unique()}@example.com`,
        role: 'technician',
        password: STRONG,
      }),
    )
    expect(error).toMatchObject({ status: 409, code: 'seat_limit_reached' })
    const admin = await org.owner.client.users.create({
      firstName: 'Admin',
      email: `adm.${unique()}@example.com`,
      role: 'admin',
    })
    expect(admin.role).toBe('admin')
    // A disabled technician holds no seat.
    const parked = await org.owner.client.users.create({
      firstName: 'Parked',
      email: `parked.${unique()}@example.com`,
      role: 'technician',
      password: STRONG,
      enabled: false,
    })
    expect(parked.status).toBe('disabled')
  })

  it('keeps a group-scoped admin within their role and their groups', async () => {
    const org = await createTestOrg(t)
    const mine = await addGroup(org.id, 'Mine')
    const theirs = await addGroup(org.id, 'Theirs')
    const admin = await org.addMember({ role: 'admin', groupIds: [mine] })
    const person = (extra: { role: string; groupIds?: string[] }) => ({
      firstName: 'New',
      email: `new.${unique()}@example.com`,
      ...extra,
    })

    const above = await rejection(admin.client.users.create(person({ role: 'owner', groupIds: [mine] })))
    expect(above).toMatchObject({ status: 403, code: 'role_above_own' })

    const none = await rejection(admin.client.users.create(person({ role: 'technician' })))
    expect(none.status).toBe(422)
    expect(none.fieldErrors).toEqual([expect.objectContaining({ path: 'groupIds', code: 'required' })])

    const outside = await rejection(
      admin.client.users.create(person({ role: 'technician', groupIds: [mine, theirs, randomUUID()] })),
    )
    expect(outside.fieldErrors.map((e) => [e.path, e.code])).toEqual([
      ['groupIds.1', 'not_found'],
      ['groupIds.2', 'not_found'],
    ])

    const created = await admin.client.users.create(person({ role: 'admin', groupIds: [mine] }))
    expect(created.groupIds).toEqual([mine])
    expect((await admin.client.users.get(created.id)).id).toBe(created.id)
  })

  it('accepts only the organization’s contact topics and its own users as agents', async () => {
    const org = await createTestOrg(t)
    const bad = await rejection(
      org.owner.client.users.create({
        firstName: 'Tagged',
        email: `tag.${unique()}@example.com`,
        role: 'technician',
        contactFor: ['billing'],
        assignedAgentId: randomUUID(),
      }),
    )
    expect(bad.fieldErrors.map((e) => [e.path, e.code])).toEqual([
      ['contactFor.0', 'invalid_value'],
      ['assignedAgentId', 'not_found'],
    ])
    const me = await org.owner.client.me.get()
    await org.owner.client.organization.update(
      { settings: { contactTopics: [{ key: 'billing', label: 'Billing' }] } },
      { ifMatch: me.organization.version },
    )
    const ok = await org.owner.client.users.create({
      firstName: 'Tagged',
      email: `tag.${unique()}@example.com`,
      role: 'technician',
      contactFor: ['billing', 'billing'],
      assignedAgentId: org.owner.user.id,
    })
    expect(ok).toMatchObject({ contactFor: ['billing'], assignedAgentId: org.owner.user.id })
  })

  it('replays a keyed create instead of creating twice', async () => {
    const org = await createTestOrg(t)
    const input = { firstName: 'Once', email: `once.${unique()}@example.com`, role: 'technician' }
    const first = await org.owner.client.users.create(input, { idempotencyKey: 'create-once-123' })
    const second = await org.owner.client.users.create(input, { idempotencyKey: 'create-once-123' })
    expect(second.id).toBe(first.id)
    expect(await outboxFor(input.email)).toHaveLength(1)
  })
})

describe('reading a user', () => {
  it('lets everyone read themselves, and nobody else without users:read', async () => {
    const org = await createTestOrg(t)
    const tech = await org.addMember({ role: 'technician' })
    expect((await tech.client.users.get(tech.user.id)).id).toBe(tech.user.id)
    expect((await rejection(tech.client.users.get(org.owner.user.id))).code).toBe('forbidden')
  })

  it('answers 404 for another organization’s user and for an id that is not one', async () => {
    const org = await createTestOrg(t)
    const other = await createTestOrg(t)
    expect((await rejection(org.owner.client.users.get(other.owner.user.id))).status).toBe(404)
    expect((await rejection(org.owner.client.users.get('not-a-uuid'))).status).toBe(404)
  })
})

describe('updating a user', () => {
  it('needs If-Match: 428 without it, 412 when stale, and a stale write changes nothing', async () => {
    const org = await createTestOrg(t)
    const tech = await org.addMember({ role: 'technician', firstName: 'Tina' })
    const missing = await raw(org, 'PATCH', `/users/${tech.user.id}`, { firstName: 'Tess' })
    expect(missing.status).toBe(428)
    expect(missing.body?.code).toBe('precondition_required')

    const updated = await org.owner.client.users.update(
      tech.user.id,
      { firstName: 'Teresa', lastName: 'Ávila', jobTitle: 'Lead' },
      { ifMatch: tech.user.version },
    )
    expect(updated).toMatchObject({ firstName: 'Teresa', lastName: 'Ávila', jobTitle: 'Lead', version: 2 })

    const stale = await rejection(
      org.owner.client.users.update(tech.user.id, { firstName: 'Lost', role: 'admin' }, { ifMatch: 1 }),
    )
    expect(stale).toMatchObject({ status: 412, code: 'version_mismatch' })
    expect(await org.owner.client.users.get(tech.user.id)).toMatchObject({
      firstName: 'Teresa',
      role: 'technician',
      version: 2,
    })
    // The new name is searchable at once, accents folded.
    const found = await org.owner.client.users.list({ q: 'avila' })
    expect(found.items.map((u) => u.id)).toEqual([tech.user.id])

    const etag = await raw(org, 'PATCH', `/users/${tech.user.id}`, { nickname: 'T' }, { 'if-match': '"2"' })
    expect(etag.status).toBe(200)
    expect(etag.headers.get('etag')).toBe('"3"')
    const audit = await auditFor(tech.user.id)
    expect(audit.map((e) => e.action)).toEqual(['user.updated', 'user.updated'])
    // Both writes may carry the same timestamp (the test clock): find each by what it changed.
    expect(audit.map((e) => e.changes)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({ firstName: ['Tina', 'Teresa'], jobTitle: [null, 'Lead'] }),
        expect.objectContaining({ nickname: [null, 'T'] }),
      ]),
    )
  })

  it('refuses fields the contract does not have (no mass assignment)', async () => {
    const org = await createTestOrg(t)
    const tech = await org.addMember({ role: 'technician' })
    const res = await raw(
      org,
      'PATCH',
      `/users/${tech.user.id}`,
      { passwordHash: 'x', firstName: 'Eve' },
      { 'if-match': '"1"' },
    )
    expect(res.status).toBe(422)
    expect(res.body?.errors).toEqual([
      expect.objectContaining({ path: 'passwordHash', code: 'unknown_field' }),
    ])
    expect((await org.owner.client.users.get(tech.user.id)).firstName).not.toBe('Eve')
  })

  it('lets nobody change their own role, enabled flag or groups, but their own profile', async () => {
    const org = await createTestOrg(t)
    const me = org.owner
    for (const patch of [{ role: 'admin' }, { enabled: false }, { groupIds: [] }]) {
      const error = await rejection(me.client.users.update(me.user.id, patch, { ifMatch: me.user.version }))
      expect(error).toMatchObject({ status: 403, code: 'forbidden' })
    }
    const renamed = await me.client.users.update(
      me.user.id,
      { nickname: 'Liv' },
      { ifMatch: me.user.version },
    )
    expect(renamed.nickname).toBe('Liv')
  })

  it('changes roles within the actor’s own rank, and never above', async () => {
    const org = await createTestOrg(t)
    const group = await addGroup(org.id, 'Team')
    const admin = await org.addMember({ role: 'admin', groupIds: [group] })
    const tech = await org.addMember({ role: 'technician', groupIds: [group] })
    const coOwner = await org.addMember({ role: 'owner', groupIds: [group] })

    const raise = await rejection(admin.client.users.update(tech.user.id, { role: 'owner' }, { ifMatch: 1 }))
    expect(raise).toMatchObject({ status: 403, code: 'role_above_own' })
    const touch = await rejection(
      admin.client.users.update(coOwner.user.id, { nickname: 'x' }, { ifMatch: 1 }),
    )
    expect(touch).toMatchObject({ status: 403, code: 'role_above_own' })

    const promoted = await admin.client.users.update(tech.user.id, { role: 'admin' }, { ifMatch: 1 })
    expect(promoted.role).toBe('admin')
    const events = await auditFor(tech.user.id)
    expect(events).toEqual([
      expect.objectContaining({ action: 'user.role_changed', changes: { role: ['technician', 'admin'] } }),
    ])
  })

  it('keeps at least one enabled owner when two owners demote each other at once', async () => {
    const org = await createTestOrg(t)
    const other = await org.addMember({ role: 'owner' })
    const results = await Promise.allSettled([
      org.owner.client.users.update(other.user.id, { role: 'admin' }, { ifMatch: other.user.version }),
      other.client.users.update(org.owner.user.id, { role: 'admin' }, { ifMatch: org.owner.user.version }),
    ])
    const owners = await t.server.db
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', org.id)
      .where('role', '=', 'owner')
      .where('enabled', '=', true)
      .execute()
    expect(owners.length).toBeGreaterThanOrEqual(1)
    // Whichever runs second finds itself demoted: an admin of no group, it sees nobody (not_found);
    // or, when both were signed in as owners before either wrote, the last owner is left (last_owner).
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1)
    const refused = results
      .filter((r) => r.status === 'rejected')
      .map((r) => (r as PromiseRejectedResult).reason)
    for (const error of refused) {
      expect(['last_owner', 'not_found', 'role_above_own']).toContain((error as UsherApiError).code)
    }
  })

  it('checks seats when someone becomes a technician or a technician is enabled again', async () => {
    const org = await createTestOrg(t, { seats: 1 })
    const tech = await org.addMember({ role: 'technician' })
    const admin = await org.addMember({ role: 'admin' })
    const full = await rejection(
      org.owner.client.users.update(admin.user.id, { role: 'technician' }, { ifMatch: 1 }),
    )
    expect(full).toMatchObject({ status: 409, code: 'seat_limit_reached' })

    const off = await org.owner.client.users.update(tech.user.id, { enabled: false }, { ifMatch: 1 })
    expect(off.status).toBe('disabled')
    const moved = await org.owner.client.users.update(admin.user.id, { role: 'technician' }, { ifMatch: 1 })
    expect(moved.role).toBe('technician')
    const back = await rejection(
      org.owner.client.users.update(tech.user.id, { enabled: true }, { ifMatch: off.version }),
    )
    expect(back).toMatchObject({ status: 409, code: 'seat_limit_reached' })
    expect((await auditFor(tech.user.id)).map((e) => e.action)).toEqual(['user.disabled'])
  })

  it('enables, disables and forces a password change only where the status allows it', async () => {
    const org = await createTestOrg(t)
    const active = await org.addMember({ role: 'technician' })
    const invited = await org.owner.client.users.create({
      firstName: 'Pending',
      email: `pending.${unique()}@example.com`,
      role: 'technician',
    })
    const disableInvited = await rejection(
      org.owner.client.users.update(invited.id, { enabled: false }, { ifMatch: invited.version }),
    )
    expect(disableInvited).toMatchObject({ status: 409, code: 'status_not_allowed' })
    const forceInvited = await rejection(
      org.owner.client.users.update(invited.id, { mustChangePassword: true }, { ifMatch: invited.version }),
    )
    expect(forceInvited.code).toBe('status_not_allowed')

    const forced = await org.owner.client.users.update(
      active.user.id,
      { mustChangePassword: true },
      { ifMatch: 1 },
    )
    expect(forced.mustChangePassword).toBe(true)
    const off = await org.owner.client.users.update(active.user.id, { enabled: false }, { ifMatch: 2 })
    expect(off.status).toBe('disabled')
    // A disabled account cannot sign in: its own requests are refused.
    expect((await rejection(active.client.me.get())).code).toBe('account_disabled')
    const on = await org.owner.client.users.update(active.user.id, { enabled: true }, { ifMatch: 3 })
    expect(on.status).toBe('active')
    expect((await auditFor(active.user.id)).map((e) => e.action)).toEqual([
      'user.password_change_forced',
      'user.disabled',
      'user.enabled',
    ])
  })

  it('replaces groups within the admin’s scope and keeps the others', async () => {
    const org = await createTestOrg(t)
    const a = await addGroup(org.id, 'A')
    const a2 = await addGroup(org.id, 'A2')
    const b = await addGroup(org.id, 'B')
    const admin = await org.addMember({ role: 'admin', groupIds: [a, a2] })
    const tech = await org.addMember({ role: 'technician', groupIds: [a, b] })
    const moved = await admin.client.users.update(tech.user.id, { groupIds: [a2] }, { ifMatch: 1 })
    // The admin is shown their own groups only; B, outside their scope, stays.
    expect(moved.groupIds).toEqual([a2])
    expect((await org.owner.client.users.get(tech.user.id)).groupIds).toEqual([a2, b].sort())
    const outside = await rejection(
      admin.client.users.update(tech.user.id, { groupIds: [b] }, { ifMatch: 2 }),
    )
    expect(outside.fieldErrors.map((e) => [e.path, e.code])).toEqual([['groupIds.0', 'not_found']])
    const emptied = await rejection(admin.client.users.update(tech.user.id, { groupIds: [] }, { ifMatch: 2 }))
    expect(emptied.fieldErrors.map((e) => [e.path, e.code])).toEqual([['groupIds', 'required']])
  })
})

describe('setting a password', () => {
  it('activates an invited person and kills their invitation link', async () => {
    const org = await createTestOrg(t)
    const invited = await org.owner.client.users.create({
      firstName: 'Later',
      email: `later.${unique()}@example.com`,
      role: 'technician',
    })
    const weak = await rejection(org.owner.client.users.setPassword(invited.id, { password: 'abc' }))
    expect(weak).toMatchObject({ status: 422, code: 'password_too_weak' })

    await org.owner.client.users.setPassword(invited.id, { password: STRONG })
    const now = await org.owner.client.users.get(invited.id)
    expect(now).toMatchObject({ status: 'active', mustChangePassword: true, invitationId: null })
    const invitation = await t.server.db
      .selectFrom('invitations')
      .select('status')
      .where('id', '=', invited.invitationId as string)
      .executeTakeFirst()
    expect(invitation?.status).toBe('revoked')

    await org.owner.client.users.setPassword(invited.id, { password: STRONG, mustChangePassword: false })
    const row = await t.server.db
      .selectFrom('users as u')
      .innerJoin('accounts as a', 'a.id', 'u.account_id')
      .select(['a.session_epoch', 'u.must_change_password'])
      .where('u.id', '=', invited.id)
      .executeTakeFirstOrThrow()
    expect(row).toEqual({ session_epoch: 2, must_change_password: false })
  })

  it('is refused on oneself, on a higher role and outside the scope', async () => {
    const org = await createTestOrg(t)
    const group = await addGroup(org.id, 'G')
    const admin = await org.addMember({ role: 'admin', groupIds: [group] })
    const coOwner = await org.addMember({ role: 'owner', groupIds: [group] })
    const stranger = await org.addMember({ role: 'technician' })
    expect((await rejection(admin.client.users.setPassword(admin.user.id, { password: STRONG }))).code).toBe(
      'forbidden',
    )
    expect(
      (await rejection(admin.client.users.setPassword(coOwner.user.id, { password: STRONG }))).code,
    ).toBe('role_above_own')
    expect(
      (await rejection(admin.client.users.setPassword(stranger.user.id, { password: STRONG }))).status,
    ).toBe(404)
  })
})

describe('deleting a user', () => {
  it('deletes within the rules and writes an audit event', async () => {
    const org = await createTestOrg(t)
    const group = await addGroup(org.id, 'G')
    const admin = await org.addMember({ role: 'admin', groupIds: [group] })
    const coOwner = await org.addMember({ role: 'owner', groupIds: [group] })
    const tech = await org.addMember({ role: 'technician', groupIds: [group] })

    expect((await rejection(org.owner.client.users.delete(org.owner.user.id))).code).toBe('forbidden')
    expect((await rejection(admin.client.users.delete(coOwner.user.id))).code).toBe('role_above_own')
    await admin.client.users.delete(tech.user.id)
    expect((await rejection(org.owner.client.users.get(tech.user.id))).status).toBe(404)
    expect(await auditFor(tech.user.id)).toEqual([
      expect.objectContaining({ action: 'user.deleted', actor_id: admin.user.id }),
    ])
    const memberships = await t.server.db
      .selectFrom('user_groups')
      .selectAll()
      .where('user_id', '=', tech.user.id)
      .execute()
    expect(memberships).toEqual([])
  })

  it('revokes the pending invitation of an invited person it deletes', async () => {
    const org = await createTestOrg(t)
    const invited = await org.owner.client.users.create({
      firstName: 'Gone',
      email: `gone.${unique()}@example.com`,
      role: 'technician',
    })
    await org.owner.client.users.delete(invited.id)
    const invitation = await t.server.db
      .selectFrom('invitations')
      .select('status')
      .where('id', '=', invited.invitationId as string)
      .executeTakeFirst()
    // The row outlives its person (its link then answers "revoked").
    expect(invitation).toEqual({ status: 'revoked' })
  })
})

describe('bulk actions on users', () => {
  it('answers one result per id, in order, each checked like its single action', async () => {
    const org = await createTestOrg(t)
    const other = await createTestOrg(t)
    const active = await org.addMember({ role: 'technician' })
    const invited = await org.owner.client.users.create({
      firstName: 'Bulk',
      email: `bulk.${unique()}@example.com`,
      role: 'technician',
    })
    const ids = [active.user.id, invited.id, other.owner.user.id, org.owner.user.id, 'not-a-uuid']
    const result = await org.owner.client.users.bulk({ action: 'disable', userIds: ids })
    expect(result.succeeded).toBe(1)
    expect(result.failed).toBe(4)
    expect(result.results.map((r) => [r.id, r.ok ? 'ok' : r.error.code])).toEqual([
      [active.user.id, 'ok'],
      [invited.id, 'status_not_allowed'],
      [other.owner.user.id, 'not_found'],
      [org.owner.user.id, 'forbidden'],
      ['not-a-uuid', 'not_found'],
    ])
    expect((await org.owner.client.users.get(active.user.id)).status).toBe('disabled')

    const enabled = await org.owner.client.users.bulk({ action: 'enable', userIds: [active.user.id] })
    expect(enabled.results).toEqual([{ id: active.user.id, ok: true }])
  })

  it('changes roles up to the seats left, then refuses the rest', async () => {
    const org = await createTestOrg(t, { seats: 2 })
    const admins = await Promise.all([1, 2, 3].map(() => org.addMember({ role: 'admin' })))
    const result = await org.owner.client.users.bulk({
      action: 'changeRole',
      role: 'technician',
      userIds: admins.map((a) => a.user.id),
    })
    expect(result.results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'ok',
      'ok',
      'seat_limit_reached',
    ])
    expect((await org.owner.client.me.get()).seats).toEqual({ used: 2, allowed: 2 })

    const above = await org.owner.client.users.bulk({
      action: 'changeRole',
      role: 'superuser',
      userIds: [admins[0]?.user.id as string],
    })
    expect(above.results[0]).toMatchObject({ ok: false, error: { code: 'validation_failed' } })
  })

  it('resends invitations with a new link, throttled per invitation', async () => {
    const org = await createTestOrg(t)
    const invited = await org.owner.client.users.create({
      firstName: 'Again',
      email: `again.${unique()}@example.com`,
      role: 'technician',
    })
    const active = await org.addMember({ role: 'technician' })
    const soon = await org.owner.client.users.bulk({
      action: 'resendInvitation',
      userIds: [invited.id, active.user.id],
    })
    expect(soon.results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual([
      'rate_limited',
      'status_not_allowed',
    ])

    t.clock.advanceDays(31)
    const expired = await org.owner.client.users.get(invited.id)
    expect(expired.status).toBe('expired')
    const later = await org.owner.client.users.bulk({ action: 'resendInvitation', userIds: [invited.id] })
    expect(later.results).toEqual([{ id: invited.id, ok: true }])
    const mail = await outboxFor(invited.email)
    expect(mail.map((m) => m.kind)).toEqual(['invitation', 'invitation_reminder'])
    expect(mail[1]?.link).not.toBe(mail[0]?.link)
    const renewed = await org.owner.client.users.get(invited.id)
    expect(renewed.status).toBe('invited')
    expect(new Date(renewed.invitationExpiresAt as string).getTime()).toBeGreaterThan(t.clock.now().getTime())
    expect((await auditFor(invited.invitationId as string)).map((e) => e.action)).toEqual([
      'invitation.created',
      'invitation.resent',
    ])
  })

  it('forces password changes and deletes, per the action’s own permission', async () => {
    const org = await createTestOrg(t)
    const group = await addGroup(org.id, 'G')
    const admin = await org.addMember({ role: 'admin', groupIds: [group] })
    const a = await org.addMember({ role: 'technician', groupIds: [group] })
    const b = await org.addMember({ role: 'technician', groupIds: [group] })
    const forced = await admin.client.users.bulk({
      action: 'forcePasswordChange',
      userIds: [a.user.id, b.user.id],
    })
    expect(forced.succeeded).toBe(2)
    expect((await admin.client.users.get(a.user.id)).mustChangePassword).toBe(true)

    const deleted = await admin.client.users.bulk({ action: 'delete', userIds: [a.user.id, admin.user.id] })
    expect(deleted.results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['ok', 'forbidden'])

    const tech = await org.addMember({ role: 'technician', groupIds: [group] })
    expect((await rejection(tech.client.users.bulk({ action: 'delete', userIds: [b.user.id] }))).code).toBe(
      'forbidden',
    )
  })

  it('refuses the same id twice in one request', async () => {
    const org = await createTestOrg(t)
    const tech = await org.addMember({ role: 'technician' })
    const error = await rejection(
      org.owner.client.users.bulk({ action: 'disable', userIds: [tech.user.id, tech.user.id] }),
    )
    expect(error.status).toBe(422)
    expect(error.fieldErrors).toEqual([expect.objectContaining({ path: 'userIds.1', code: 'duplicate' })])
    expect((await org.owner.client.users.get(tech.user.id)).status).toBe('active')
  })
})
