import { type FieldError, isActionAllowed, type UpdateUserSchema } from '@usher/contract'
import type * as z from 'zod'
import type { UserRow, UserUpdate } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { requireGrantWithinScope, requireOutranks, requireSelfUnlocked } from './account-guards'
import { roleRefusal } from './admission'
import { profileReferenceErrors } from './profile-references'
import { groupInScope } from './scope'
import { searchColumns } from './search'
import { ACCOUNT_COLUMNS, PROFILE_COLUMNS } from './user-columns'
import { isEnabledOwner, type UserWrites, versionMismatch } from './user-writes'
import { userStatus } from './users'

export type UserPatch = z.output<typeof UpdateUserSchema>

/** Wire field → column, for the plain fields of a patch. */
const PATCH_COLUMNS = { ...PROFILE_COLUMNS, ...ACCOUNT_COLUMNS }

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i])

/**
 * Applies a PATCH (or the patch a bulk action stands for) to `target`, which the caller found in
 * the actor's scope and whose version it checked. Every check runs before the first write, so a
 * refused patch changes nothing. Returns the updated row (the same row when nothing changed).
 */
export async function applyUserPatch(w: UserWrites, target: UserRow, patch: UserPatch): Promise<UserRow> {
  const { actor, now, trx } = w
  requireSelfUnlocked(actor, target, patch)
  requireOutranks(actor, target)

  const status = userStatus(target, now)
  const set: UserUpdate = {}
  const changes: Record<string, [unknown, unknown]> = {}
  const errors: FieldError[] = []

  let role = target.role
  if (patch.role !== undefined && patch.role !== target.role) {
    const refused = roleRefusal(actor, patch.role, 'role')
    if (refused?.code === 'role_above_own') {
      throw new ProblemError('role_above_own', { detail: `You cannot give the role ${patch.role}.` })
    }
    if (refused) errors.push(...refused.errors)
    else {
      role = patch.role
      set.role = role
    }
  }

  let enabled = target.enabled
  if (patch.enabled !== undefined && patch.enabled !== target.enabled) {
    if (!isActionAllowed(status, patch.enabled ? 'enable' : 'disable')) {
      throw new ProblemError('status_not_allowed', {
        detail: `A ${status} account cannot be ${patch.enabled ? 'enabled' : 'disabled'}${status === 'invited' || status === 'expired' ? ': revoke the invitation instead' : ''}.`,
      })
    }
    enabled = patch.enabled
    set.enabled = enabled
  }

  let forced = false
  if (patch.mustChangePassword !== undefined && patch.mustChangePassword !== target.must_change_password) {
    if (patch.mustChangePassword && !isActionAllowed(status, 'forcePasswordChange')) {
      throw new ProblemError('status_not_allowed', {
        detail: `Only an active account can be made to change its password (this one is ${status}).`,
      })
    }
    forced = patch.mustChangePassword
    set.must_change_password = patch.mustChangePassword
    if (!forced) changes.mustChangePassword = [true, false]
  }

  for (const [field, column] of Object.entries(PATCH_COLUMNS) as [keyof typeof PATCH_COLUMNS, string][]) {
    const value = patch[field]
    if (value === undefined) continue
    const before = target[column as keyof UserRow]
    if (value === before) continue
    ;(set as Record<string, unknown>)[column] = value
    changes[field] = [before, value]
  }
  if (set.first_name !== undefined || set.last_name !== undefined) {
    Object.assign(set, searchColumns(set.first_name ?? target.first_name, set.last_name ?? target.last_name))
  }

  let contactFor: string[] | undefined
  if (patch.contactFor !== undefined) {
    contactFor = [...new Set(patch.contactFor)]
    if (!sameList(contactFor, target.contact_for ?? [])) {
      set.contact_for = contactFor
      changes.contactFor = [target.contact_for ?? [], contactFor]
    }
  }

  // Memberships: the actor replaces those within their scope; the others stay as they are.
  const currentGroups = (
    await trx.selectFrom('user_groups').select('group_id').where('user_id', '=', target.id).execute()
  ).map((g) => g.group_id)
  let nextGroups: string[] | undefined
  if (patch.groupIds !== undefined) {
    const kept = currentGroups.filter((id) => !groupInScope(actor, id))
    nextGroups = [...new Set([...patch.groupIds, ...kept])]
    if (sameList(nextGroups, currentGroups)) nextGroups = undefined
  }
  if (role !== target.role) requireGrantWithinScope(actor, role, nextGroups ?? currentGroups)

  errors.push(
    ...(await profileReferenceErrors(
      trx,
      actor,
      {
        groupIds: patch.groupIds,
        contactFor: patch.contactFor,
        assignedAgentId: patch.assignedAgentId,
        externalId: patch.externalId,
      },
      target,
    )),
  )
  if (errors.length) throw new ProblemError('validation_failed', { errors })

  // The plan and the organization's owners, last: they take the organization's lock.
  const wasOwner = isEnabledOwner(target.role, target.enabled)
  const isOwner = isEnabledOwner(role, enabled)
  if (wasOwner && !isOwner) await w.requireOwnerLeft()
  const statusAfter = userStatus({ ...target, enabled }, now)
  const seatBefore = actor.roles.holdsSeat({ role: target.role, status })
  const seatAfter = actor.roles.holdsSeat({ role, status: statusAfter })
  if (seatAfter && !seatBefore) await w.requireSeat()

  if (Object.keys(set).length === 0 && nextGroups === undefined) return target

  const updated = await trx
    .updateTable('users')
    .set({ ...set, version: target.version + 1 })
    .where('id', '=', target.id)
    .where('version', '=', target.version)
    .returningAll()
    .executeTakeFirst()
  if (!updated) throw versionMismatch()
  if (nextGroups !== undefined) {
    const next = new Set(nextGroups)
    const removed = currentGroups.filter((id) => !next.has(id))
    const added = nextGroups.filter((id) => !currentGroups.includes(id))
    if (removed.length) {
      await trx
        .deleteFrom('user_groups')
        .where('user_id', '=', target.id)
        .where('group_id', 'in', removed)
        .execute()
    }
    if (added.length) {
      await trx
        .insertInto('user_groups')
        .values(added.map((group_id) => ({ user_id: target.id, group_id, org_id: target.org_id })))
        .execute()
    }
    changes.groupIds = [[...currentGroups].sort(), [...nextGroups].sort()]
  }
  w.record({
    seats: Number(seatAfter) - Number(seatBefore),
    owners: Number(isOwner) - Number(wasOwner),
  })

  const subject = { type: 'user' as const, id: target.id, label: target.email }
  if (role !== target.role) {
    await w.audit({ action: 'user.role_changed', target: subject, changes: { role: [target.role, role] } })
  }
  if (enabled !== target.enabled) {
    await w.audit({
      action: enabled ? 'user.enabled' : 'user.disabled',
      target: subject,
      changes: { enabled: [target.enabled, enabled] },
    })
  }
  if (forced) {
    await w.audit({
      action: 'user.password_change_forced',
      target: subject,
      changes: { mustChangePassword: [false, true] },
    })
  }
  if (Object.keys(changes).length) await w.audit({ action: 'user.updated', target: subject, changes })
  return updated
}
