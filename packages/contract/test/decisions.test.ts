import { describe, expect, it } from 'vitest'
import {
  ACTION_CASES,
  ASSIGNABLE_ROLE_CASES,
  CASE_ROLES,
  HOST_ROLES,
  MANAGEABLE_ROLE_CASES,
  SEAT_CASES,
} from '../../fixtures/src/index'
import {
  BUILT_IN_ROLE_CATALOG,
  BULK_USER_ACTION_PERMISSIONS,
  type BulkUserAction,
  BulkUsersRequestSchema,
  buildGroupTree,
  canTakeBulkAction,
  coveredGroupIds,
  createRoleCatalog,
  customRoleProblems,
  DEFAULT_PASSWORD_POLICY,
  endpoints,
  flattenGroupTree,
  PASSWORD_ESTIMATE_MAX_LENGTH,
  passwordEstimatorInputs,
  passwordProblems,
  RoleListSchema,
  roleCatalogFromList,
  roleEntries,
  SELF_LOCKED_ACTIONS,
  selfLockedChanges,
  USER_ACTION_ENDPOINTS,
  USER_ACTION_PERMISSIONS,
  USER_ACTIONS,
  userActionsFor,
} from '../src/index'

const catalog = createRoleCatalog(HOST_ROLES)

describe('given the built-in roles and a host-defined operator', () => {
  it('orders every role highest rank first, the order pickers offer', () => {
    expect(catalog.keys).toEqual(CASE_ROLES)
  })

  it('gives each actor exactly the roles of the decision table', () => {
    for (const actor of CASE_ROLES)
      expect(catalog.assignableBy(actor), actor).toEqual(ASSIGNABLE_ROLE_CASES[actor])
  })

  it('lets each actor manage exactly the accounts of the decision table', () => {
    for (const actor of CASE_ROLES) {
      expect(
        CASE_ROLES.filter((target) => catalog.canManage(actor, target)),
        actor,
      ).toEqual(MANAGEABLE_ROLE_CASES[actor])
    }
  })

  it('ranks each role above exactly the roles below it', () => {
    expect(catalog.ranksAbove('owner', 'admin')).toBe(true)
    expect(catalog.ranksAbove('operator', 'technician')).toBe(true)
    expect(catalog.ranksAbove('admin', 'admin')).toBe(false)
    expect(catalog.ranksAbove('technician', 'operator')).toBe(false)
    expect(catalog.ranksAbove('technician', 'ghost')).toBe(true)
  })

  it('counts seats as the decision table says', () => {
    for (const c of SEAT_CASES) expect(catalog.holdsSeat(c), `${c.role} ${c.status}`).toBe(c.holdsSeat)
    expect(catalog.seatRoles).toEqual(['operator', 'technician'])
  })

  it('offers on each row exactly the actions of the decision table', () => {
    for (const c of ACTION_CASES) {
      const viewer = { id: 'viewer', role: c.viewer, permissions: catalog.permissionsOf(c.viewer) }
      const target = {
        id: c.self ? 'viewer' : 'target',
        role: c.target,
        status: c.status,
        mustChangePassword: c.mustChangePassword ?? false,
        invitationId: c.status === 'invited' || c.status === 'expired' ? 'inv' : null,
      }
      expect(userActionsFor(target, viewer, catalog), c.name).toEqual(c.actions)
    }
  })

  it('survives the trip through GET /roles: a client rebuilds the same decisions', () => {
    const list = RoleListSchema.parse({ items: roleEntries(catalog) })
    const client = roleCatalogFromList(list.items)
    expect(client.keys).toEqual(catalog.keys)
    for (const actor of CASE_ROLES) {
      expect(client.assignableBy(actor)).toEqual(catalog.assignableBy(actor))
      for (const target of CASE_ROLES)
        expect(client.canManage(actor, target)).toBe(catalog.canManage(actor, target))
      expect(client.permissionsOf(actor)).toEqual(catalog.permissionsOf(actor))
    }
    expect(client.labelOf('operator', 'fr')).toBe('Opérateur')
    expect(client.labelOf('owner', 'fr')).toBeUndefined()
    expect(list.items.find((r) => r.key === 'owner')?.label).toBeNull()
  })

  it('treats an unknown role as powerless, never as an error', () => {
    expect(catalog.rankOf('ghost')).toBe(0)
    expect(catalog.permissionsOf('ghost')).toEqual([])
    expect(catalog.scopeOf('ghost')).toBe('groups')
    expect(catalog.canAssign('owner', 'ghost')).toBe(false)
    expect(catalog.has('constructor')).toBe(false)
    expect(BUILT_IN_ROLE_CATALOG.has('operator')).toBe(false)
  })
})

describe('given a host declaring its roles', () => {
  const label = { en: 'Auditor', fr: 'Auditeur' }
  it('refuses a redefined built-in role, a rank at the owner’s, unknown permissions and a missing label', () => {
    expect(
      customRoleProblems({ admin: { rank: 5, permissions: [], scope: 'groups', takesSeat: false, label } }),
    ).toHaveLength(1)
    expect(
      customRoleProblems({
        boss: { rank: 30, permissions: [], scope: 'groups', takesSeat: false, label },
      })[0],
    ).toMatch(/rank/)
    expect(
      customRoleProblems({
        spy: { rank: 5, permissions: ['users:spy' as never], scope: 'groups', takesSeat: false, label },
      })[0],
    ).toMatch(/unknown permissions users:spy/)
    expect(
      customRoleProblems({
        auditor: {
          rank: 5,
          permissions: [],
          scope: 'groups',
          takesSeat: false,
          label: { en: 'Auditor', fr: ' ' },
        },
      })[0],
    ).toMatch(/'fr'/)
    expect(() =>
      createRoleCatalog({ Bad: { rank: 5, permissions: [], scope: 'groups', takesSeat: false, label } }),
    ).toThrow(/role key/)
  })
})

describe('given the actions on a person', () => {
  it('needs for each action the permission of the endpoint it calls', () => {
    for (const action of USER_ACTIONS) {
      expect(endpoints[USER_ACTION_ENDPOINTS[action]].auth, action).toBe(USER_ACTION_PERMISSIONS[action])
    }
  })

  it('takes in bulk exactly the actions the bulk endpoint accepts, with their single-user permission', () => {
    const accepted = BulkUsersRequestSchema.options.map((o) => o.shape.action.value).sort()
    expect(Object.keys(BULK_USER_ACTION_PERMISSIONS).sort()).toEqual(accepted)
    expect(endpoints.bulkUsers.auth).toBe('users:update')
    const admin = { id: 'a', role: 'admin', permissions: catalog.permissionsOf('admin') }
    const operator = { id: 'o', role: 'operator', permissions: catalog.permissionsOf('operator') }
    for (const action of accepted as BulkUserAction[]) {
      expect(canTakeBulkAction(admin, action)).toBe(true)
      expect(canTakeBulkAction(operator, action)).toBe(false)
    }
  })

  it('locks on oneself the actions that write a self-locked field or the account itself', () => {
    expect(SELF_LOCKED_ACTIONS).toEqual(['changeRole', 'enable', 'disable', 'delete'])
    expect(selfLockedChanges({ role: 'admin', nickname: 'x' })).toEqual(['role'])
    expect(selfLockedChanges({ enabled: false, groupIds: [] })).toEqual(['enabled', 'groupIds'])
  })
})

describe('given groups shown as a flat list', () => {
  const groups = [
    { id: 'b', parentId: null, name: 'Bordeaux' },
    { id: 'a', parentId: null, name: 'Annecy' },
    { id: 'a1', parentId: 'a', name: 'Site 10' },
    { id: 'a2', parentId: 'a', name: 'Site 2' },
    { id: 'a21', parentId: 'a2', name: 'Atelier' },
  ]
  it('lists them in tree order with their depth', () => {
    expect(
      flattenGroupTree(buildGroupTree(groups)).map(({ group, depth }) => `${depth}:${group.name}`),
    ).toEqual(['0:Annecy', '1:Site 2', '2:Atelier', '1:Site 10', '0:Bordeaux'])
  })
  it('covers every subgroup of the groups given', () => {
    expect([...coveredGroupIds(groups, ['a2', 'b'])].sort()).toEqual(['a2', 'a21', 'b'])
  })
})

describe('given a password strength estimator', () => {
  it('feeds it the person’s names and address parts and at most the shared length', () => {
    const seen: Array<[string, readonly string[]]> = []
    const estimate = (password: string, inputs: readonly string[]) => {
      seen.push([password, inputs])
      return 1
    }
    const long = 'a'.repeat(150)
    expect(
      passwordProblems(
        long,
        DEFAULT_PASSWORD_POLICY,
        { email: 'jeanne.roy@exemple.fr', names: ['Jeanne'] },
        estimate,
      ),
    ).toEqual(['too_guessable'])
    expect(seen[0]?.[0]).toHaveLength(PASSWORD_ESTIMATE_MAX_LENGTH)
    expect(seen[0]?.[1]).toEqual(
      passwordEstimatorInputs({ email: 'jeanne.roy@exemple.fr', names: ['Jeanne'] }),
    )
    expect(seen[0]?.[1]).toEqual(['Jeanne', 'jeanne', 'roy', 'exemple', 'fr'])
  })
  it('does not ask the estimator when a rule is already broken', () => {
    let asked = false
    const estimate = () => {
      asked = true
      return 4
    }
    expect(passwordProblems('short', DEFAULT_PASSWORD_POLICY, {}, estimate)).toEqual(['min_length'])
    expect(asked).toBe(false)
  })
})
