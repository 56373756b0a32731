import { type Invitation, USER_ACTIONS, type User, type UserAction, type UserStatus } from '@usher/contract'
import {
  ACTION_CASES,
  type ActionCase,
  ASSIGNABLE_ROLE_CASES,
  CASE_ROLES,
  type CaseRole,
  HOST_ROLES,
  MANAGEABLE_ROLE_CASES,
  SEAT_CASES,
} from '@usher/fixtures'
import { isUsherApiError, type UsherClient } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'

// The decision table of @usher/fixtures, run through the API of a server that declares the host's
// roles: the contract's tests run the same table through its rules, the React tests through what
// the components offer. Every attempt is made on a fresh person, so none sees another's effect.

let t: TestServer
beforeAll(async () => {
  // Resends are throttled per invitation; here every invitation is resent once, at once.
  t = await startTestServer({ roles: HOST_ROLES, limits: { resendIntervalSeconds: 0 } })
})
afterAll(() => t.close())

let counter = 0
const unique = () => `${process.pid}.${++counter}.${Math.random().toString(36).slice(2, 7)}`

/** Whether a call succeeded (and `ok` holds of its answer): an API refusal is false, anything else is thrown. */
async function succeeds<T>(call: Promise<T>, ok: (answer: T) => boolean = () => true): Promise<boolean> {
  try {
    return ok(await call)
  } catch (error) {
    if (isUsherApiError(error)) return false
    throw error
  }
}

/** An organization with one group that every scoped person of the cases belongs to. */
async function world(seats: number | null = null) {
  const org = await createTestOrg(t, { seats })
  const group = (await org.owner.client.groups.create({ name: `Cases ${unique()}` })).id
  return { org, group }
}
type World = Awaited<ReturnType<typeof world>>

/** A person of `role` in the world's group, active (the owner of the organization for `owner` when asked). */
async function member(w: World, role: CaseRole): Promise<{ user: User; client: UsherClient }> {
  const person = await w.org.addMember({
    role,
    groupIds: [w.group],
    email: `${role}.${unique()}@example.com`,
  })
  return { user: person.user, client: person.client }
}

/** An invitation by the owner: the person is `invited`. */
async function invited(w: World, role: CaseRole): Promise<{ user: User; invitation: Invitation }> {
  const result = await w.org.owner.client.invitations.create({
    invitations: [
      {
        firstName: 'Ivy',
        lastName: 'Invited',
        email: `inv.${unique()}@example.com`,
        role,
        groupIds: [w.group],
      },
    ],
  })
  const row = result.results[0]
  if (row?.status !== 'created') throw new Error(`could not invite: ${JSON.stringify(row)}`)
  return { user: row.user, invitation: row.invitation }
}

/** A person of `role` with `status` (and `mustChangePassword`), as the owner leaves them. */
async function person(
  w: World,
  role: CaseRole,
  status: UserStatus,
  mustChangePassword = false,
): Promise<{ user: User; invitationId: string | null }> {
  if (status === 'invited' || status === 'expired') {
    const { user, invitation } = await invited(w, role)
    if (status === 'expired') {
      // A lapsed invitation, without moving the clock every other case reads.
      const past = new Date(t.clock.now().getTime() - 1000)
      await t.server.db
        .updateTable('users')
        .set({ invitation_expires_at: past })
        .where('id', '=', user.id)
        .execute()
      await t.server.db
        .updateTable('invitations')
        .set({ expires_at: past })
        .where('id', '=', invitation.id)
        .execute()
    }
    return { user: await w.org.owner.client.users.get(user.id), invitationId: invitation.id }
  }
  const { user } = await member(w, role)
  let current = user
  if (status === 'disabled') {
    current = await w.org.owner.client.users.update(user.id, { enabled: false }, { ifMatch: current.version })
  }
  if (mustChangePassword) {
    current = await w.org.owner.client.users.update(
      user.id,
      { mustChangePassword: true },
      { ifMatch: current.version },
    )
  }
  return { user: current, invitationId: null }
}

const seatsUsed = async (w: World) => (await w.org.owner.client.me.get()).seats.used

describe('given a server whose host declares an operator role', () => {
  it('lists the host role with its labels among the built-in ones, highest rank first', async () => {
    const { org } = await world()
    const { items } = await org.owner.client.roles.list()
    expect(items.map((r) => r.key)).toEqual([...CASE_ROLES])
    expect(items.find((r) => r.key === 'operator')).toEqual({
      key: 'operator',
      builtIn: false,
      rank: 15,
      scope: 'groups',
      takesSeat: true,
      permissions: ['users:read'],
      label: { en: 'Operator', fr: 'Opérateur' },
    })
    expect(items.find((r) => r.key === 'admin')).toMatchObject({ builtIn: true, label: null })
  })

  it('seats an operator an admin invited', async () => {
    const w = await world(3)
    const admin = await member(w, 'admin')
    const result = await admin.client.invitations.create({
      invitations: [
        { firstName: 'Otto', email: `op.${unique()}@example.com`, role: 'operator', groupIds: [w.group] },
      ],
    })
    expect(result.results[0]).toMatchObject({
      status: 'created',
      user: { role: 'operator', status: 'invited' },
    })
    expect(await seatsUsed(w)).toBe(1)
  })

  it('refuses a role the catalog does not know, on every way in', async () => {
    const w = await world()
    const invite = await w.org.owner.client.invitations.create({
      invitations: [{ firstName: 'Una', email: `un.${unique()}@example.com`, role: 'pilot', groupIds: [] }],
    })
    expect(invite.results[0]).toMatchObject({
      status: 'failed',
      error: { code: 'validation_failed', errors: [{ path: 'invitations.0.role', code: 'invalid_value' }] },
    })
    const tech = await member(w, 'technician')
    const bulk = await w.org.owner.client.users.bulk({
      action: 'changeRole',
      role: 'pilot',
      userIds: [tech.user.id],
    })
    expect(bulk.results[0]).toMatchObject({ ok: false, error: { code: 'validation_failed' } })
    const created = await w.org.owner.client.users
      .create({ firstName: 'Una', email: `un.${unique()}@example.com`, role: 'pilot' })
      .then(
        () => 'created',
        (error: unknown) => (isUsherApiError(error) ? error.code : error),
      )
    expect(created).toBe('validation_failed')
  })

  it('shares groups in bulk with a peer but not with someone ranked above', async () => {
    const w = await world()
    const admin = await member(w, 'admin')
    const peer = await member(w, 'admin')
    const owner = await member(w, 'owner')
    const result = await admin.client.shares.bulk({
      action: 'share',
      userIds: [peer.user.id, owner.user.id],
      groupIds: [w.group],
      permission: 'view',
    })
    expect(result.results).toMatchObject([
      { userId: peer.user.id, ok: true, added: 1 },
      { userId: owner.user.id, ok: false, error: { code: 'role_above_own' } },
    ])
    expect((await w.org.owner.client.shares.get(owner.user.id)).items).toEqual([])
  })

  describe('who may give which role', () => {
    for (const actor of CASE_ROLES) {
      const assignable = ASSIGNABLE_ROLE_CASES[actor]
      it(`gives ${actor}: ${assignable.join(', ') || 'none'}`, async () => {
        const w = await world()
        const viewer = actor === 'owner' ? w.org.owner : await member(w, actor)
        const me = await viewer.client.me.get()
        for (const role of CASE_ROLES) {
          const invite = await succeeds(
            viewer.client.invitations.create({
              invitations: [
                { firstName: 'Ada', email: `a.${unique()}@example.com`, role, groupIds: [w.group] },
              ],
            }),
            (r) => r.results[0]?.status === 'created',
          )
          const target = await member(w, 'technician')
          const patched = await succeeds(
            viewer.client.users.update(target.user.id, { role }, { ifMatch: target.user.version }),
          )
          if (me.permissions.includes('users:invite')) {
            expect({ role, invite }).toEqual({ role, invite: assignable.includes(role) })
            expect({ role, patched }).toEqual({ role, patched: assignable.includes(role) })
          } else {
            // The table says which roles rank and permissions let this actor give; holding no
            // users:invite nor users:update, they give none (the UI offers them no invite form).
            expect({ role, invite, patched }).toEqual({ role, invite: false, patched: false })
          }
        }
      })
    }
  })

  describe('whose account each role may write on', () => {
    for (const actor of CASE_ROLES) {
      const manageable = MANAGEABLE_ROLE_CASES[actor]
      it(`${actor} writes on: ${manageable.join(', ') || 'nobody'}`, async () => {
        const w = await world()
        const viewer = actor === 'owner' ? w.org.owner : await member(w, actor)
        const me = await viewer.client.me.get()
        for (const role of CASE_ROLES) {
          const target = await member(w, role)
          const wrote = await succeeds(
            viewer.client.users.update(
              target.user.id,
              { jobTitle: 'Checked' },
              { ifMatch: target.user.version },
            ),
          )
          // Without users:update nobody writes on any account, whatever the ranks allow (the
          // operator's row of the table is the rank rule; ACTION_CASES holds the combination).
          const expected = me.permissions.includes('users:update') && manageable.includes(role)
          expect({ role, wrote }).toEqual({ role, wrote: expected })
        }
      })
    }
  })

  describe('who holds a seat', () => {
    for (const seat of SEAT_CASES) {
      it(`a ${seat.status} ${seat.role} ${seat.holdsSeat ? 'holds' : 'does not hold'} one`, async () => {
        const w = await world(10)
        expect(await seatsUsed(w)).toBe(0)
        await person(w, seat.role, seat.status)
        expect(await seatsUsed(w)).toBe(seat.holdsSeat ? 1 : 0)
      })
    }
  })

  describe('what a viewer may do to a person', () => {
    for (const c of ACTION_CASES) {
      it(`${c.name}: ${c.actions.join(', ') || 'nothing'}`, async () => {
        const w = await world()
        const taken: UserAction[] = []
        for (const action of USER_ACTIONS) {
          if (await attempt(w, c, action)) taken.push(action)
        }
        expect(taken).toEqual([...c.actions])
      })
    }
  })
})

/** The role `action` changeRole gives: another one the viewer may give, else any other. */
function otherRole(viewer: CaseRole, target: CaseRole): CaseRole {
  const mine = ASSIGNABLE_ROLE_CASES[viewer].find((role) => role !== target)
  return mine ?? (CASE_ROLES.find((role) => role !== target) as CaseRole)
}

/**
 * Tries `action` through its own endpoint, on a fresh target (and, on one's own account, a fresh
 * viewer): true when it took effect. A PATCH that changes nothing (enabling an enabled account,
 * forcing a change already due) is answered 200 like any idempotent write, and counts as not taken:
 * the version tells.
 */
async function attempt(w: World, c: ActionCase, action: UserAction): Promise<boolean> {
  const viewer = c.viewer === 'owner' && !c.self ? w.org.owner : await member(w, c.viewer)
  const target = c.self
    ? { user: viewer.user, invitationId: null }
    : await person(w, c.target, c.status, c.mustChangePassword)
  const { user } = target
  const client = viewer.client
  const patch = (body: Parameters<UsherClient['users']['update']>[1]) =>
    succeeds(
      client.users.update(user.id, body, { ifMatch: user.version }),
      (after) => after.version !== user.version,
    )
  switch (action) {
    case 'edit':
      return patch({ jobTitle: `Edited ${unique()}` })
    case 'changeRole':
      return patch({ role: otherRole(c.viewer, c.target) })
    case 'enable':
      return patch({ enabled: true })
    case 'disable':
      return patch({ enabled: false })
    case 'forcePasswordChange':
      return patch({ mustChangePassword: true })
    case 'shareGroups': {
      const { version } = await w.org.owner.client.shares.get(user.id)
      return succeeds(
        client.shares.replace(
          user.id,
          { shares: [{ groupId: w.group, permission: 'view' }] },
          { ifMatch: version },
        ),
      )
    }
    case 'resendInvitation':
      // Without an invitation there is nothing to address POST /invitations/{id}/resend to; the
      // bulk resend is the endpoint that takes the person instead.
      return target.invitationId
        ? succeeds(client.invitations.resend(target.invitationId))
        : succeeds(
            client.users.bulk({ action: 'resendInvitation', userIds: [user.id] }),
            (r) => r.results[0]?.ok === true,
          )
    case 'revokeInvitation':
      // DELETE /invitations/{id} needs an invitation: an account without one has nothing to revoke.
      return target.invitationId ? succeeds(client.invitations.revoke(target.invitationId)) : false
    case 'delete':
      return succeeds(client.users.delete(user.id))
  }
}
