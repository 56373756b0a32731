import type { CreateGroupSchema, Group, Organization, UpdateGroupSchema, User } from '@usher/contract'
import type * as z from 'zod'
import { MockApiError } from './errors'
import type { MockDb } from './mock-db'

/** POST /organization/activate: names the team and activates it. */
export function activate(db: MockDb, viewer: User, name: string): Organization {
  db.requirePermission(viewer, 'organization:manage')
  db.activatedAt = db.activatedAt ?? new Date().toISOString()
  return { ...db.organization(), name }
}

/** POST /groups. */
export function createGroup(db: MockDb, viewer: User, input: z.output<typeof CreateGroupSchema>): Group {
  db.requirePermission(viewer, 'groups:manage')
  const group: Group = {
    id: crypto.randomUUID(),
    name: input.name,
    description: null,
    parentId: input.parentId ?? null,
    memberCount: 0,
    shareCount: 0,
    createdAt: new Date().toISOString(),
    version: 1,
  }
  db.groups.push(group)
  return group
}

/** PATCH /groups/:id: rename or move (not under itself or a descendant). */
export function updateGroup(
  db: MockDb,
  viewer: User,
  id: string,
  patch: z.output<typeof UpdateGroupSchema>,
  version?: number,
): Group {
  db.requirePermission(viewer, 'groups:manage')
  const group = db.groups.find((g) => g.id === id)
  if (!group) throw new MockApiError('not_found')
  db.requireVersion(group.version, version)
  for (let at = patch.parentId ?? null; at; at = db.groups.find((g) => g.id === at)?.parentId ?? null) {
    if (at === id) throw new MockApiError('group_cycle')
  }
  Object.assign(group, {
    ...(patch.name !== undefined ? { name: patch.name } : {}),
    ...(patch.parentId !== undefined ? { parentId: patch.parentId } : {}),
    version: group.version + 1,
  })
  return group
}

/** DELETE /groups/:id: only an empty group. */
export function deleteGroup(db: MockDb, viewer: User, id: string) {
  db.requirePermission(viewer, 'groups:manage')
  const index = db.groups.findIndex((g) => g.id === id)
  if (index < 0) throw new MockApiError('not_found')
  const group = db.groups[index] as Group
  if (group.memberCount > 0 || db.groups.some((g) => g.parentId === id)) {
    throw new MockApiError('group_not_empty')
  }
  db.groups.splice(index, 1)
}
