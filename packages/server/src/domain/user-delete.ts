import { SELF_LOCKED_ACTIONS } from '@usher/contract'
import type { UserRow } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { requireOutranks } from './account-guards'
import { revokePendingInvitation } from './invitations'
import { isEnabledOwner, type UserWrites } from './user-writes'
import { userStatus } from './users'

/** Deletes `target` (memberships, shares and invitations go with it). */
export async function deleteUserRow(w: UserWrites, target: UserRow): Promise<void> {
  const { actor, now, trx } = w
  // One of the contract's self-locked actions: nobody deletes their own account.
  if (target.id === actor.user.id && SELF_LOCKED_ACTIONS.includes('delete')) {
    throw new ProblemError('forbidden', { detail: 'You cannot delete your own account.' })
  }
  requireOutranks(actor, target)
  const wasOwner = isEnabledOwner(target.role, target.enabled)
  if (wasOwner) await w.requireOwnerLeft()
  // Invitations outlive their person (their link then answers "revoked"): close the pending one.
  await revokePendingInvitation(trx, target.id, now)
  await trx.deleteFrom('users').where('id', '=', target.id).execute()
  w.record({
    seats: -Number(actor.roles.holdsSeat({ role: target.role, status: userStatus(target, now) })),
    owners: -Number(wasOwner),
  })
  await w.audit({
    action: 'user.deleted',
    target: { type: 'user', id: target.id, label: target.email },
    changes: { role: [target.role, null] },
  })
}
