import {
  canAssignRole,
  type FieldError,
  holdsSeat,
  isActionAllowed,
  isBuiltInRole,
  permissionsOf,
  ROLE_DEFINITIONS,
  roleRank,
  selfLockedChanges,
  type UpdateUserSchema,
  type UserStatus,
} from '@usher/contract'
import { type Kysely, sql } from 'kysely'
import type * as z from 'zod'
import type { Database, UserRow, UserUpdate } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { type Actor, isUuid } from './actor'
import type { AuditInput } from './audit'
import { checkGroupIds, groupInScope, usersInScope } from './scope'
import { searchColumns } from './search'
import { lockOrganization, seatsUsed, takesSeat } from './seats'
import { userStatus } from './users'

export type UserPatch = z.output<typeof UpdateUserSchema>

/**
 * The writes of one request on users (one PATCH, one DELETE, or every item of a bulk action), in
 * one transaction. It takes the organization's lock once and keeps the seat and owner counts up to
 * date as items change them, so a bulk action of 500 items counts once, not 500 times.
 *
 * Checks never change a count: `requireSeat` and `requireOwnerLeft` throw or pass, and `record`
 * applies what an item changed once all its checks passed, so a refused item leaves the counts as
 * they were.
 */
export class UserWrites {
  readonly #trx: Kysely<Database>
  readonly actor: Actor
  readonly now: Date
  readonly #audit: (trx: Kysely<Database>, event: AuditInput) => Promise<void>
  #locked = false
  #seats: number | undefined
  #owners: number | undefined

  constructor(
    trx: Kysely<Database>,
    actor: Actor,
    now: Date,
    audit: (trx: Kysely<Database>, event: AuditInput) => Promise<void>,
  ) {
    this.#trx = trx
    this.actor = actor
    this.now = now
    this.#audit = audit
  }

  get trx() {
    return this.#trx
  }

  audit(event: AuditInput) {
    return this.#audit(this.#trx, event)
  }

  async #lock() {
    if (this.#locked) return
    await lockOrganization(this.#trx, this.actor.org.id)
    this.#locked = true
  }

  /** 409 seat_limit_reached when one more seat-holder would exceed the plan. */
  async requireSeat() {
    const allowed = this.actor.settings.seats
    if (allowed === null) return
    await this.#lock()
    this.#seats ??= await seatsUsed(this.#trx, this.actor.org.id, this.now)
    if (this.#seats + 1 > allowed) {
      throw new ProblemError('seat_limit_reached', {
        detail: `All ${allowed} seats of the plan are taken.`,
      })
    }
  }

  /** 409 last_owner when taking away one enabled owner would leave none. */
  async requireOwnerLeft() {
    await this.#lock()
    this.#owners ??= await countEnabledOwners(this.#trx, this.actor.org.id)
    if (this.#owners <= 1) throw lastOwner()
  }

  /** Applies an item's effect on the counts, once it is written. */
  record(effect: { seats?: number; owners?: number }) {
    if (effect.seats && this.#seats !== undefined) this.#seats += effect.seats
    if (effect.owners && this.#owners !== undefined) this.#owners += effect.owners
  }
}

const isEnabledOwner = (role: string, enabled: boolean) => role === 'owner' && enabled
const holdsSeatAs = (role: string, status: UserStatus) => holdsSeat(takesSeat(role), status)

/** The enabled owners of the organization: a disabled owner cannot keep it running. */
export async function countEnabledOwners(db: Kysely<Database>, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .where('enabled', '=', true)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

const lastOwner = () =>
  new ProblemError('last_owner', { detail: 'The organization must keep at least one enabled owner.' })

/**
 * 403 role_above_own when the actor may not write on `target` (edit, enable or disable, set the
 * password, delete, revoke or resend their invitation): nobody writes on a role above their own,
 * and a group-scoped actor (admin) not on an equal one either — a peer admin may govern groups
 * outside the actor's, and taking over their account would open those groups. Organization-wide
 * roles (owner) keep the plain rank rule: an owner manages a co-owner.
 */
export function requireOutranks(actor: Actor, target: Pick<UserRow, 'id' | 'role'>) {
  if (target.id === actor.user.id) return
  const rank = roleRank(target.role)
  if (rank > actor.rank) {
    throw new ProblemError('role_above_own', {
      detail: 'This person’s role is above yours: you cannot change their account.',
    })
  }
  if (actor.scope !== null && rank >= actor.rank) {
    throw new ProblemError('role_above_own', {
      detail:
        'This person’s role is the same as yours: only an organization-wide role may change their account.',
    })
  }
}

/** Whether a role grants anything beyond one's own account: any permission, or organization scope. */
export function roleHasPowers(role: string): boolean {
  if (permissionsOf(role).length > 0) return true
  return isBuiltInRole(role) && ROLE_DEFINITIONS[role].scope === 'organization'
}

/**
 * 403 role_above_own when a group-scoped actor gives a role with powers to someone who belongs to
 * a group outside the actor's scope: the powers would reach that group, which the actor does not
 * govern. `groupIds` are the person's groups once the change is made. People a scoped actor
 * creates or invites are only ever put in the actor's groups, so this matters for role changes.
 */
export function requireGrantWithinScope(actor: Actor, role: string, groupIds: readonly string[]) {
  const scope = actor.scope
  if (scope === null || !roleHasPowers(role)) return
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
 * Group ids, contact-for topics, the assigned agent and the SSO id of a create or update, checked
 * against the organization: one field error per bad entry. `current` is the user being updated:
 * topics they already carry stay valid after the organization drops them, so their edit dialog
 * does not fail on a tag nobody touched.
 */
export async function profileReferenceErrors(
  db: Kysely<Database>,
  actor: Actor,
  input: {
    groupIds?: readonly string[]
    contactFor?: readonly string[]
    assignedAgentId?: string | null
    externalId?: string | null
  },
  current?: UserRow,
): Promise<FieldError[]> {
  const errors: FieldError[] = []
  if (input.groupIds !== undefined) {
    const { missing } = await checkGroupIds(db, actor, input.groupIds)
    for (const index of missing) {
      errors.push({ path: `groupIds.${index}`, code: 'not_found', message: 'No such group in your scope.' })
    }
    // A group-scoped actor sees only the members of their groups: someone they put in none of them
    // would vanish from their list the moment they created or saved them.
    const inScope = input.groupIds.filter((id) => groupInScope(actor, id))
    if (
      actor.scope !== null &&
      inScope.length === 0 &&
      missing.length === 0 &&
      current?.id !== actor.user.id
    ) {
      errors.push({ path: 'groupIds', code: 'required', message: 'Choose at least one of your groups.' })
    }
  }
  if (input.contactFor !== undefined) {
    const topics = new Set(actor.settings.contactTopics.map((t) => t.key))
    const kept = new Set(current?.contact_for ?? [])
    input.contactFor.forEach((key, index) => {
      if (!topics.has(key) && !kept.has(key)) {
        errors.push({
          path: `contactFor.${index}`,
          code: 'invalid_value',
          message: 'Not a topic of this organization.',
        })
      }
    })
  }
  if (input.assignedAgentId && input.assignedAgentId !== current?.assigned_agent_id) {
    // Someone outside the actor's scope does not exist for them: not_found, as an unknown id.
    const agent = isUuid(input.assignedAgentId)
      ? await db
          .selectFrom('users as u')
          .select('u.id')
          .where('u.org_id', '=', actor.org.id)
          .where('u.id', '=', input.assignedAgentId)
          .where(usersInScope(actor))
          .executeTakeFirst()
      : undefined
    if (!agent) {
      errors.push({
        path: 'assignedAgentId',
        code: 'not_found',
        message: 'No such user in your organization.',
      })
    }
  }
  if (input.externalId && input.externalId !== current?.external_id) {
    let taken = db
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', actor.org.id)
      .where('external_id', '=', input.externalId)
    if (current) taken = taken.where('id', '!=', current.id)
    if (await taken.executeTakeFirst()) {
      errors.push({ path: 'externalId', code: 'duplicate', message: 'Another user has this SSO id.' })
    }
  }
  return errors
}

/** Wire field → column, for the plain profile fields of a patch. */
const PROFILE_COLUMNS = {
  salutation: 'salutation',
  firstName: 'first_name',
  lastName: 'last_name',
  nickname: 'nickname',
  phone: 'phone',
  mobile: 'mobile',
  jobTitle: 'job_title',
  department: 'department',
  description: 'description',
  externalId: 'external_id',
  locale: 'locale',
  primaryContact: 'primary_contact',
  assignedAgentId: 'assigned_agent_id',
} as const satisfies Partial<Record<keyof UserPatch, keyof UserRow>>

const sameList = (a: readonly string[], b: readonly string[]) =>
  a.length === b.length && [...a].sort().every((value, i) => value === [...b].sort()[i])

/**
 * Applies a PATCH (or the patch a bulk action stands for) to `target`, which the caller found in
 * the actor's scope and whose version it checked. Every check runs before the first write, so a
 * refused patch changes nothing. Returns the updated row (the same row when nothing changed).
 */
export async function applyUserPatch(w: UserWrites, target: UserRow, patch: UserPatch): Promise<UserRow> {
  const { actor, now, trx } = w
  const self = target.id === actor.user.id
  if (self) {
    const locked = selfLockedChanges(patch)
    if (locked.length) {
      throw new ProblemError('forbidden', { detail: `Nobody changes their own ${locked.join(', ')}.` })
    }
  }
  requireOutranks(actor, target)

  const status = userStatus(target, now)
  const set: UserUpdate = {}
  const changes: Record<string, [unknown, unknown]> = {}
  const errors: FieldError[] = []

  let role = target.role
  if (patch.role !== undefined && patch.role !== target.role) {
    if (!isBuiltInRole(patch.role)) {
      errors.push({ path: 'role', code: 'invalid_value', message: 'No such role.' })
    } else if (!canAssignRole(actor.role, patch.role)) {
      throw new ProblemError('role_above_own', { detail: `You cannot give the role ${patch.role}.` })
    } else {
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

  for (const [field, column] of Object.entries(PROFILE_COLUMNS) as [keyof typeof PROFILE_COLUMNS, string][]) {
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
  const seatBefore = holdsSeatAs(target.role, status)
  const seatAfter = holdsSeatAs(role, statusAfter)
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

export const versionMismatch = () =>
  new ProblemError('version_mismatch', { detail: 'This user changed since you read them; reload and retry.' })

/** Deletes `target` (memberships, shares and invitations go with it). */
export async function deleteUserRow(w: UserWrites, target: UserRow): Promise<void> {
  const { actor, now, trx } = w
  if (target.id === actor.user.id) {
    throw new ProblemError('forbidden', { detail: 'You cannot delete your own account.' })
  }
  requireOutranks(actor, target)
  const wasOwner = isEnabledOwner(target.role, target.enabled)
  if (wasOwner) await w.requireOwnerLeft()
  // Invitations outlive their person (their link then answers "revoked"): close the pending one.
  await trx
    .updateTable('invitations')
    .set({ status: 'revoked', revoked_at: now })
    .where('user_id', '=', target.id)
    .where('status', '=', 'pending')
    .execute()
  await trx.deleteFrom('users').where('id', '=', target.id).execute()
  w.record({
    seats: -Number(holdsSeatAs(target.role, userStatus(target, now))),
    owners: -Number(wasOwner),
  })
  await w.audit({
    action: 'user.deleted',
    target: { type: 'user', id: target.id, label: target.email },
    changes: { role: [target.role, null] },
  })
}
