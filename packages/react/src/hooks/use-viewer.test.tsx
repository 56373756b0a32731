import { createRoleCatalog } from '@usher/contract'
import {
  ACTION_CASES,
  ASSIGNABLE_ROLE_CASES,
  CASE_ROLES,
  HOST_ROLES,
  MANAGEABLE_ROLE_CASES,
  makeMe,
  makeUsers,
} from '@usher/fixtures'
import { describe, expect, it } from 'vitest'
import { viewerOf } from './use-viewer'

const catalog = createRoleCatalog(HOST_ROLES)
const [owner] = makeUsers(1)

function viewerWith(role: string) {
  if (!owner) throw new Error('no fixture user')
  const me = makeMe([owner], { ...owner, role })
  return viewerOf({ ...me, permissions: [...catalog.permissionsOf(role)] }, catalog)
}

describe('given the decision table', () => {
  it('offers each viewer exactly the roles they may give, in picker order', () => {
    for (const role of CASE_ROLES)
      expect(viewerWith(role).assignableRoles, role).toEqual(ASSIGNABLE_ROLE_CASES[role])
  })

  it('lets each viewer manage exactly the accounts of the table', () => {
    for (const role of CASE_ROLES) {
      const viewer = viewerWith(role)
      expect(
        CASE_ROLES.filter((target) => viewer.canManage(target)),
        role,
      ).toEqual(MANAGEABLE_ROLE_CASES[role])
    }
  })

  it('offers on each row exactly the actions of the table', () => {
    for (const c of ACTION_CASES) {
      const viewer = viewerWith(c.viewer)
      const target = {
        id: c.self ? viewer.id : 'someone-else',
        role: c.target,
        status: c.status,
        mustChangePassword: c.mustChangePassword ?? false,
        invitationId: c.status === 'invited' || c.status === 'expired' ? 'invitation' : null,
      }
      expect(viewer.actionsFor(target), c.name).toEqual(c.actions)
    }
  })

  it('offers bulk actions only to a viewer with users:update', () => {
    expect(viewerWith('owner').bulkActions).toContain('delete')
    expect(viewerWith('operator').bulkActions).toEqual([])
    expect(viewerWith('technician').bulkActions).toEqual([])
  })
})
