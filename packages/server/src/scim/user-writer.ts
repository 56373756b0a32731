import { isActionAllowed } from '@usher/contract'
import type { UserRow } from '../db/schema'
import { addressRefusal, admit, candidatePaths, openAdmission, type Refusal } from '../domain/admission'
import type { AuditInput } from '../domain/audit'
import { queueInvitationMails } from '../domain/invitation-mail'
import { revokePendingInvitation } from '../domain/invitations'
import { insertPerson, openInvitation } from '../domain/people'
import { profileReferenceErrors } from '../domain/profile-references'
import { lockOrganization } from '../domain/seats'
import { addDays } from '../domain/time'
import { deleteUserRow } from '../domain/user-delete'
import { applyUserPatch, type UserPatch } from '../domain/user-patch'
import { UserWrites, versionMismatch } from '../domain/user-writes'
import { userStatus } from '../domain/users'
import { ProblemError } from '../http/problem-error'
import { auditAs, type ScimContext } from './context'
import { ScimError, toScimError } from './errors'
import type { DirectoryPerson, ScimUserRow } from './user-resource'
import { findScimUser } from './user-store'

/**
 * The directory's writes on people. Every rule is the domain's: the admission judges a newcomer
 * (address, shared mailboxes, seats, someone already there), `applyUserPatch` a change (names,
 * phones, enabling with its seat), `deleteUserRow` a deletion; this file adds only what the
 * directory alone knows (its userName, its enterprise attributes, detaching a person).
 */

const uniqueness = (detail: string) => new ScimError(409, detail, 'uniqueness')

/** A refusal of the admission as the SCIM error (a taken address or SSO id: 409 uniqueness). */
function refusalError(refusal: Refusal): ScimError {
  if (refusal.errors.some((e) => e.code === 'duplicate' && e.path === 'externalId')) {
    return uniqueness('Another person of the organization has this externalId (SSO id).')
  }
  return toScimError(
    new ProblemError(refusal.code, {
      ...(refusal.message ? { detail: refusal.message } : {}),
      errors: refusal.errors,
    }),
  )
}

const writes = (ctx: ScimContext) =>
  new UserWrites(ctx.trx, ctx.caller.actor, ctx.now, (_trx, event) => auditAs(ctx, [event]))

/** The directory row of a person (whose userName and attributes it sent), written or replaced. */
async function keepDirectoryRow(ctx: ScimContext, userId: string, person: DirectoryPerson) {
  const values = {
    user_id: userId,
    org_id: ctx.caller.actor.org.id,
    user_name: person.userName,
    user_name_key: person.userName.toLowerCase(),
    attributes: JSON.stringify(person.attributes),
    created_at: ctx.now,
    detached_at: null,
  }
  await ctx.trx
    .insertInto('directory_users')
    .values(values)
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({
        user_name: values.user_name,
        user_name_key: values.user_name_key,
        attributes: values.attributes,
        detached_at: null,
      }),
    )
    .execute()
}

/** 409 when another person the directory sees already has this userName. */
async function requireFreeUserName(ctx: ScimContext, userName: string, self: string | null) {
  const orgId = ctx.caller.actor.org.id
  const taken = await ctx.trx
    .selectFrom('directory_users')
    .select(['user_id', 'detached_at'])
    .where('org_id', '=', orgId)
    .where('user_name_key', '=', userName.toLowerCase())
    .executeTakeFirst()
  if (taken && taken.user_id !== self) {
    if (taken.detached_at) return taken.user_id
    throw uniqueness(`userName "${userName}" is already taken in this organization.`)
  }
  return null
}

/**
 * POST /Users: a new person, with the organization's default role, `source: 'scim'`, invited by
 * email or active at once (single sign-on) as the organization chose. A person the directory had
 * deleted and the organization kept (detached) is taken back instead, with what the body says.
 */
export async function createDirectoryPerson(ctx: ScimContext, person: DirectoryPerson): Promise<ScimUserRow> {
  const { trx, caller, now, services } = ctx
  const { actor, settings } = caller
  const detached = await requireFreeUserName(ctx, person.userName, null)
  if (detached) {
    await trx
      .updateTable('directory_users')
      .set({ detached_at: null })
      .where('user_id', '=', detached)
      .execute()
    const target = (await findScimUser(trx, actor.org.id, detached, { lock: true })) as ScimUserRow
    return updateDirectoryPerson(ctx, target, person)
  }

  const role = settings.defaultRole
  if (actor.settings.seats !== null && actor.roles.takesSeat(role) && person.active) {
    await lockOrganization(trx, actor.org.id)
  }
  const [admission, extraErrors] = await Promise.all([
    openAdmission(trx, actor, { emails: [person.email], groupIds: [], now }),
    profileReferenceErrors(trx, actor, { assignedAgentId: null, externalId: person.externalId }),
  ])
  const refusal = admit(
    admission,
    { email: person.email, role, groupIds: [], contactFor: [], enabled: person.active },
    candidatePaths(),
    { extraErrors },
  )
  if (refusal) throw refusalError(refusal)

  const invite = settings.invitations === 'email'
  let user = await insertPerson(
    trx,
    {
      orgId: actor.org.id,
      email: person.email,
      firstName: person.firstName,
      lastName: person.lastName,
      nickname: person.nickname,
      phone: person.phone,
      mobile: person.mobile,
      jobTitle: person.jobTitle,
      department: person.department,
      externalId: person.externalId,
      locale: person.locale,
      role,
      enabled: person.active,
      source: 'scim',
      invitationExpiresAt: invite ? addDays(now, actor.settings.invitationLifetimeDays) : null,
    },
    now,
  )
  if (!user) throw uniqueness(`${person.email} already belongs to the organization.`)

  const events: AuditInput[] = [
    {
      action: 'user.created',
      target: { type: 'user', id: user.id, label: user.email },
      changes: { role: [null, role], source: [null, 'scim'] },
    },
  ]
  if (invite) {
    const { invitation, token } = await openInvitation(
      trx,
      { user, invitedBy: null, lifetimeDays: actor.settings.invitationLifetimeDays },
      now,
    )
    events.push({
      action: 'invitation.created',
      target: { type: 'invitation', id: invitation.id, label: user.email },
      changes: null,
    })
    // A disabled account cannot accept yet: no email until the directory enables it.
    if (person.active) {
      ctx.outboxIds.push(
        ...(await queueInvitationMails(
          trx,
          services,
          [
            {
              user,
              invitation,
              token,
              organizationName: actor.org.name,
              timeZone: actor.settings.timeZone,
              inviter: null,
              reminder: false,
            },
          ],
          now,
        )),
      )
    }
  } else {
    // Signs in through the host's single sign-on: active at once, no password of ours.
    user = (await trx
      .updateTable('users')
      .set({ activated_at: now, invitation_expires_at: null })
      .where('id', '=', user.id)
      .returningAll()
      .executeTakeFirstOrThrow()) as UserRow
  }
  await keepDirectoryRow(ctx, user.id, person)
  await auditAs(ctx, events)
  return { ...user, user_name: person.userName, attributes: person.attributes }
}

/**
 * Disables a person who has not joined yet (invited or expired), which the domain's PATCH refuses
 * ("revoke the invitation instead"): the directory decides who is active, so its deactivation
 * also closes the pending invitation, and the account stays (never silently deleted).
 */
async function disablePending(ctx: ScimContext, target: UserRow): Promise<UserRow> {
  const { trx, now } = ctx
  const updated = await trx
    .updateTable('users')
    .set({ enabled: false, version: target.version + 1 })
    .where('id', '=', target.id)
    .where('version', '=', target.version)
    .returningAll()
    .executeTakeFirst()
  if (!updated) throw versionMismatch()
  await revokePendingInvitation(trx, target.id, now)
  await auditAs(ctx, [
    {
      action: 'user.disabled',
      target: { type: 'user', id: target.id, label: target.email },
      changes: { enabled: [true, false] },
    },
  ])
  return updated
}

/** A new address for the login: the contract's address rule, and nobody else's. */
async function changeEmail(ctx: ScimContext, target: UserRow, email: string): Promise<UserRow> {
  const { trx, caller } = ctx
  const refusal = addressRefusal(caller.actor, email, candidatePaths())
  if (refusal) throw refusalError(refusal)
  const taken = await trx
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', target.org_id)
    .where('email', '=', email)
    .executeTakeFirst()
  if (taken) throw uniqueness(`${email} already belongs to another person of the organization.`)
  const updated = await trx
    .updateTable('users')
    .set({ email, version: target.version + 1 })
    .where('id', '=', target.id)
    .where('version', '=', target.version)
    .returningAll()
    .executeTakeFirst()
  if (!updated) throw versionMismatch()
  await auditAs(ctx, [
    {
      action: 'user.updated',
      target: { type: 'user', id: target.id, label: email },
      changes: { email: [target.email, email] },
    },
  ])
  return updated
}

const PROFILE: Array<[keyof DirectoryPerson & keyof UserPatch, keyof UserRow]> = [
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['nickname', 'nickname'],
  ['jobTitle', 'job_title'],
  ['department', 'department'],
  ['phone', 'phone'],
  ['mobile', 'mobile'],
  ['externalId', 'external_id'],
]

/**
 * PUT, PATCH (once applied to the resource) and re-creation: makes the person what the directory
 * says. The caller holds the person's row lock, so two concurrent writes apply one after the other.
 */
export async function updateDirectoryPerson(
  ctx: ScimContext,
  target: ScimUserRow,
  person: DirectoryPerson,
): Promise<ScimUserRow> {
  if (person.userName !== (target.user_name ?? target.email)) {
    await requireFreeUserName(ctx, person.userName, target.id)
  }
  let row: UserRow = target
  if (person.email !== target.email) row = await changeEmail(ctx, row, person.email)

  const patch: UserPatch = {}
  for (const [field, column] of PROFILE) {
    const value = field === 'lastName' ? person.lastName : person[field]
    if ((value ?? null) !== (row[column] ?? null)) (patch as Record<string, unknown>)[field] = value
  }
  let disable = false
  if (person.active !== row.enabled) {
    const status = userStatus(row, ctx.now)
    if (person.active || isActionAllowed(status, 'disable')) patch.enabled = person.active
    else disable = true
  }
  try {
    if (Object.keys(patch).length) row = await applyUserPatch(writes(ctx), row, patch)
  } catch (error) {
    if (error instanceof ProblemError && error.code === 'validation_failed') {
      const duplicate = error.problem.errors?.some((e) => e.path === 'externalId' && e.code === 'duplicate')
      if (duplicate) throw uniqueness('Another person of the organization has this externalId (SSO id).')
    }
    throw error
  }
  if (disable) row = await disablePending(ctx, row)
  await keepDirectoryRow(ctx, row.id, person)
  return { ...row, user_name: person.userName, attributes: person.attributes }
}

/**
 * DELETE /Users/{id}: as the organization chose. `disable`: the person is disabled and detached
 * (the directory no longer sees them; their account and history stay). `delete`: the domain's
 * deletion, with its rules (the last owner stays).
 */
export async function removeDirectoryPerson(ctx: ScimContext, target: ScimUserRow): Promise<void> {
  if (ctx.caller.settings.deprovisioning === 'delete') {
    await deleteUserRow(writes(ctx), target)
    return
  }
  let row: UserRow = target
  if (row.enabled) {
    const status = userStatus(row, ctx.now)
    row = isActionAllowed(status, 'disable')
      ? await applyUserPatch(writes(ctx), row, { enabled: false })
      : await disablePending(ctx, row)
  }
  await ctx.trx
    .insertInto('directory_users')
    .values({
      user_id: row.id,
      org_id: row.org_id,
      user_name: target.user_name ?? row.email,
      user_name_key: (target.user_name ?? row.email).toLowerCase(),
      attributes: JSON.stringify(target.attributes ?? {}),
      created_at: ctx.now,
      detached_at: ctx.now,
    })
    .onConflict((oc) => oc.column('user_id').doUpdateSet({ detached_at: ctx.now }))
    .execute()
}
