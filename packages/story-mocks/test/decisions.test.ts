import {
  CreateImportSchema,
  CreateInvitationsSchema,
  ImportChunkSchema,
  USER_ACTIONS,
  type User,
  type UserAction,
  type UserStatus,
} from '@usher/contract'
import {
  ACTION_CASES,
  type ActionCase,
  ASSIGNABLE_ROLE_CASES,
  CASE_ROLES,
  type CaseRole,
  FIXTURE_NOW,
  SEAT_CASES,
} from '@usher/fixtures'
import { describe, expect, it } from 'vitest'
import { MockApiError } from '../src/errors'
import { MockDb } from '../src/mock-db'

const DAY = 86_400_000
/** "an admin", "an operator", "a technician". */
const a = (word: string) => `${/^[aeiou]/.test(word) ? 'an' : 'a'} ${word}`
let serial = 0

/** A story database with no seat limit, and the group everyone of a case belongs to. */
function freshDb() {
  const db = new MockDb({ seats: null, userCount: 6 })
  return { db, group: db.groups[1]?.id as string }
}

/** Adds someone with `role` and `status` to `db` (an invitation when invited or lapsed). */
function addPerson(
  db: MockDb,
  groupId: string,
  role: string,
  status: UserStatus,
  patch: Partial<User> = {},
): User {
  serial++
  const pending = status === 'invited' || status === 'expired'
  const person: User = {
    ...(db.users[3] as User),
    id: crypto.randomUUID(),
    email: `person.${serial}@example.fr`,
    role,
    status,
    groupIds: [groupId],
    invitationId: pending ? crypto.randomUUID() : null,
    invitationExpiresAt: pending
      ? new Date(FIXTURE_NOW.getTime() + (status === 'invited' ? 5 : -5) * DAY).toISOString()
      : null,
    mustChangePassword: false,
    version: 1,
    ...patch,
  }
  db.users = [...db.users, person]
  return person
}

/** The state a write would change: the person, and their shares. */
const stateOf = (db: MockDb, id: string) =>
  JSON.stringify([db.users.find((u) => u.id === id) ?? null, db.shares.get(id) ?? null])

/**
 * Takes `action` on `target` through the mock's own write path; true when it went through and
 * changed something, false when it was refused or changed nothing.
 */
function takes(db: MockDb, viewer: User, target: User, group: string, action: UserAction): boolean {
  const before = stateOf(db, target.id)
  const role = () =>
    db.roles.assignableBy(viewer.role).find((r) => r !== target.role) ??
    db.roles.keys.find((r) => r !== target.role) ??
    target.role
  try {
    switch (action) {
      case 'edit':
        db.updateUser(viewer, target.id, { department: 'Maintenance' })
        break
      case 'changeRole':
        db.updateUser(viewer, target.id, { role: role() })
        break
      case 'shareGroups':
        db.replaceShares(viewer, target.id, [{ groupId: group, permission: 'view' }])
        break
      case 'resendInvitation':
      case 'revokeInvitation':
        if (!target.invitationId) return false
        if (action === 'resendInvitation') db.resendInvitation(viewer, target.invitationId)
        else db.revokeInvitation(viewer, target.invitationId)
        break
      case 'enable':
      case 'disable':
        db.updateUser(viewer, target.id, { enabled: action === 'enable' })
        break
      case 'forcePasswordChange':
        db.updateUser(viewer, target.id, { mustChangePassword: true })
        break
      case 'delete':
        db.deleteUser(viewer, target.id)
        break
    }
  } catch (error) {
    if (error instanceof MockApiError) return false
    throw error
  }
  return stateOf(db, target.id) !== before
}

/** One case's viewer and person in a fresh database. */
function setUp(c: ActionCase) {
  const { db, group } = freshDb()
  const viewer = addPerson(db, group, c.viewer, 'active')
  const target = c.self
    ? viewer
    : addPerson(db, group, c.target, c.status, { mustChangePassword: c.mustChangePassword ?? false })
  return { db, group, viewer, target }
}

describe('given the decision table of actions on a person', () => {
  for (const c of ACTION_CASES) {
    it(`accepts exactly the actions of ${c.name}`, () => {
      const taken = USER_ACTIONS.filter((action) => {
        const { db, group, viewer, target } = setUp(c)
        return takes(db, viewer, target, group, action)
      })
      expect(taken).toEqual(c.actions)
    })
  }
})

describe('given the decision table of the roles each actor may give', () => {
  const invite = (db: MockDb, viewer: User, group: string, role: string) => {
    const input = CreateInvitationsSchema.parse({
      invitations: [
        { firstName: 'Ninon', lastName: 'Petit', email: 'ninon.petit@exemple.fr', role, groupIds: [group] },
      ],
    })
    try {
      return db.createInvitations(viewer, input).created === 1
    } catch (error) {
      if (error instanceof MockApiError) return false
      throw error
    }
  }
  const importAs = (db: MockDb, viewer: User, group: string, role: string) => {
    try {
      const job = db.createImport(
        viewer,
        CreateImportSchema.parse({
          fileName: 'people.csv',
          format: 'csv',
          totalRows: 1,
          options: { targetGroupId: group },
        }),
      )
      const chunk = ImportChunkSchema.parse({
        index: 0,
        rows: [{ line: 2, firstName: 'Ninon', email: 'ninon.petit@exemple.fr', role }],
      })
      return db.addImportChunk(viewer, job.id, chunk).results[0]?.status === 'created'
    } catch (error) {
      if (error instanceof MockApiError) return false
      throw error
    }
  }
  const giveRole = (db: MockDb, viewer: User, group: string, role: CaseRole) => {
    const target = addPerson(db, group, role === 'technician' ? 'operator' : 'technician', 'active')
    try {
      return db.updateUser(viewer, target.id, { role }).role === role
    } catch (error) {
      if (error instanceof MockApiError) return false
      throw error
    }
  }
  const paths = { invite: 'users:invite', import: 'imports:run', changeRole: 'users:update' } as const
  for (const actor of CASE_ROLES) {
    for (const [path, permission] of Object.entries(paths) as [keyof typeof paths, string][]) {
      it(`lets ${a(actor)} give exactly the table's roles (${path})`, () => {
        const given = CASE_ROLES.filter((role) => {
          const { db, group } = freshDb()
          const viewer = addPerson(db, group, actor, 'active')
          if (path === 'invite') return invite(db, viewer, group, role)
          if (path === 'import') return importAs(db, viewer, group, role)
          return giveRole(db, viewer, group, role)
        })
        // Without the path's permission nothing goes through, whatever the role.
        const { db } = freshDb()
        const allowed = (db.roles.permissionsOf(actor) as readonly string[]).includes(permission)
        expect(given).toEqual(allowed ? ASSIGNABLE_ROLE_CASES[actor] : [])
      })
    }
  }
})

describe('given the decision table of seats', () => {
  for (const c of SEAT_CASES) {
    it(`counts ${c.holdsSeat ? 'a seat' : 'no seat'} for ${a(`${c.status} ${c.role}`)}`, () => {
      const { db, group } = freshDb()
      const before = db.me(db.viewer('owner')).seats.used
      addPerson(db, group, c.role, c.status)
      expect(db.me(db.viewer('owner')).seats.used - before).toBe(c.holdsSeat ? 1 : 0)
    })
  }
})

describe('given the story organization', () => {
  it('lists the demo’s host role in GET /roles, in picker order', () => {
    expect(new MockDb().roleList().map((r) => r.key)).toEqual(CASE_ROLES)
  })
  it('has operators among its people, one of them a viewer of the toolbar', () => {
    const db = new MockDb()
    expect(db.users.filter((u) => u.role === 'operator').length).toBeGreaterThan(1)
    expect(db.viewer('operator').role).toBe('operator')
    expect(db.me(db.viewer('operator')).permissions).toEqual(['users:read'])
  })
})

describe('given a write that names the version it read', () => {
  it('refuses a stale version with 412 and takes the current one', () => {
    const { db, group } = freshDb()
    const viewer = db.viewer('owner')
    const target = addPerson(db, group, 'technician', 'active')
    expect(() => db.updateUser(viewer, target.id, { department: 'Maintenance' }, target.version + 1)).toThrow(
      expect.objectContaining({ code: 'version_mismatch' }),
    )
    expect(db.updateUser(viewer, target.id, { department: 'Maintenance' }, target.version).version).toBe(
      target.version + 1,
    )
    const shares = db.userShares(viewer, target.id)
    expect(() => db.replaceShares(viewer, target.id, [], shares.version + 1)).toThrow(
      expect.objectContaining({ code: 'version_mismatch' }),
    )
    expect(db.replaceShares(viewer, target.id, [], shares.version).version).toBe(shares.version + 1)
  })
})
