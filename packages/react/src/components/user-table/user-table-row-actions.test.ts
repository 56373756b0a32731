import { canManageAccountOf, type User } from '@usher/contract'
import { describe, expect, it } from 'vitest'
import { type UserTableViewer, userActionsFor } from './user-table-row-actions'

const viewer = (role: string, rank: number): UserTableViewer => ({
  id: 'viewer',
  permissions: ['users:read', 'users:update', 'users:invite', 'users:delete', 'shares:manage'],
  rank,
  rankOf: (r) => ({ owner: 30, admin: 20, technician: 10 })[r] ?? 0,
  canManage: (target) => canManageAccountOf(role, target),
  assignableRoles: [],
  canEdit: true,
})
const person = (role: string) => ({ id: 'someone', role, status: 'active' }) as User

describe('the row menu', () => {
  it('offers a group admin only the shared groups of a peer admin', () => {
    expect(userActionsFor(person('admin'), viewer('admin', 20))).toEqual(['shareGroups'])
  })

  it('offers a group admin everything on a technician, and an owner everything on a co-owner', () => {
    expect(userActionsFor(person('technician'), viewer('admin', 20))).toContain('edit')
    expect(userActionsFor(person('technician'), viewer('admin', 20))).toContain('delete')
    expect(userActionsFor(person('owner'), viewer('owner', 30))).toContain('edit')
  })

  it('offers nothing on a role above the viewer’s', () => {
    expect(userActionsFor(person('owner'), viewer('admin', 20))).toEqual([])
  })
})
