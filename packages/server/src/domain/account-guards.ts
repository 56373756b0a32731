import { selfLockedChanges } from '@usher/contract'
import type { UserRow } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import type { Actor } from './actor'

/**
 * 403 role_above_own when the actor may not write on `target` (edit, enable or disable, set the
 * password, delete, revoke or resend their invitation): the catalog's `canManage`, so nobody
 * writes on a role above their own, and a group-scoped role not on an equal one either. Oneself is
 * always allowed here (the self-locked fields are `requireSelfUnlocked`).
 */
export function requireOutranks(actor: Actor, target: Pick<UserRow, 'id' | 'role'>) {
  if (target.id === actor.user.id || actor.roles.canManage(actor.role, target.role)) return
  throw new ProblemError('role_above_own', {
    detail: actor.roles.ranksAbove(target.role, actor.role)
      ? 'This person’s role is above yours: you cannot change their account.'
      : 'This person’s role is the same as yours: only an organization-wide role may change their account.',
  })
}

/** 403 forbidden when a patch on one's own account touches a self-locked field (role, status, groups). */
export function requireSelfUnlocked(actor: Actor, target: Pick<UserRow, 'id'>, patch: object) {
  if (target.id !== actor.user.id) return
  const locked = selfLockedChanges(patch)
  if (locked.length) {
    throw new ProblemError('forbidden', { detail: `Nobody changes their own ${locked.join(', ')}.` })
  }
}

/**
 * 403 role_above_own when a group-scoped actor gives a role with powers (`hasPowers`) to someone
 * who belongs to a group outside the actor's scope: the powers would reach that group, which the
 * actor does not govern. `groupIds` are the person's groups once the change is made. People a
 * scoped actor creates or invites are only ever put in the actor's groups, so this matters for
 * role changes.
 */
export function requireGrantWithinScope(actor: Actor, role: string, groupIds: readonly string[]) {
  const scope = actor.scope
  if (scope === null || !actor.roles.hasPowers(role)) return
  if (groupIds.some((id) => !scope.has(id))) {
    throw new ProblemError('role_above_own', {
      detail: `This person also belongs to groups you do not manage: only an organization-wide role may make them ${role}.`,
      errors: [
        {
          path: 'role',
          code: 'role_above_own',
          message: 'This person belongs to groups outside yours.',
        },
      ],
    })
  }
}

/**
 * 403 role_above_own when `target` ranks above the actor: nothing is done on such an account, not
 * even on its shared groups (`userActionsFor` offers nothing there). On a peer a group-scoped
 * actor may not manage, the shared groups within their scope stay theirs to change.
 */
export function requireNotAbove(actor: Actor, target: Pick<UserRow, 'id' | 'role'>) {
  if (target.id === actor.user.id || !actor.roles.ranksAbove(target.role, actor.role)) return
  throw new ProblemError('role_above_own', {
    detail: 'This person’s role is above yours: you cannot change their shared groups.',
  })
}
