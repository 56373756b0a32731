import type { Me } from '@usher/contract'
import {
  type ActionTarget,
  BULK_USER_ACTIONS,
  type BulkUserAction,
  canTakeBulkAction,
  type Permission,
  type RoleCatalog,
  type UserAction,
  userActionsFor,
} from '@usher/contract/rules'
import { useMemo } from 'react'
import { useMe } from './use-me'
import { useRoleCatalog } from './use-role-catalog'

/**
 * Who is looking, and what they may do: every component asks this instead of deciding itself.
 * The decisions are the contract's, over the organization's roles from `GET /roles` (built-in
 * and the host's), so the screens offer what the server accepts.
 */
export interface Viewer {
  me: Me
  /** The organization's roles (the built-in ones until `GET /roles` answers). */
  roles: RoleCatalog
  id: string
  role: string
  rank: number
  scope: 'organization' | 'groups'
  permissions: readonly Permission[]
  can(permission: Permission): boolean
  /** The roles the viewer may give, highest first: what every role picker offers. */
  assignableRoles: readonly string[]
  /** Whether the viewer may write on the account of someone holding `role` (oneself aside). */
  canManage(role: string): boolean
  /** The actions a row offers on `user`; `canEdit`: whether an edit screen exists. */
  actionsFor(user: ActionTarget, options?: { canEdit?: boolean }): UserAction[]
  /** The bulk actions the viewer may take, in the order a bulk bar offers them. */
  bulkActions: readonly BulkUserAction[]
}

export type UseViewerResult =
  | { status: 'pending'; viewer: null; error: null }
  | { status: 'error'; viewer: null; error: unknown }
  | { status: 'success'; viewer: Viewer; error: null }

/** The viewer of `me` over `roles`: the same decisions as `useViewer`, outside React. */
export function viewerOf(me: Me, roles: RoleCatalog): Viewer {
  const role = me.user.role
  const who = { id: me.user.id, role, permissions: me.permissions }
  return {
    me,
    roles,
    id: me.user.id,
    role,
    rank: roles.rankOf(role),
    scope: roles.scopeOf(role),
    permissions: me.permissions,
    can: (permission) => me.permissions.includes(permission),
    assignableRoles: roles.assignableBy(role),
    canManage: (target) => roles.canManage(role, target),
    actionsFor: (user, options) => userActionsFor(user, who, roles, options),
    bulkActions: BULK_USER_ACTIONS.filter((action) => canTakeBulkAction(who, action)),
  }
}

/**
 * The signed-in viewer: `GET /me` and `GET /roles` combined into the decisions the UI needs.
 * Pending until `/me` answers; if `/roles` fails, the built-in roles are used (the server checks
 * every write again).
 */
export function useViewer(): UseViewerResult {
  const me = useMe()
  const catalog = useRoleCatalog()
  return useMemo<UseViewerResult>(() => {
    if (me.data) return { status: 'success', viewer: viewerOf(me.data, catalog), error: null }
    if (me.isError) return { status: 'error', viewer: null, error: me.error }
    return { status: 'pending', viewer: null, error: null }
  }, [me.data, me.isError, me.error, catalog])
}
