import {
  type CreateUserSchema,
  canAssignRole,
  type FieldError,
  isBuiltInRole,
  isRefusedMailbox,
  type User,
} from '@usher/contract'
import type { Kysely } from 'kysely'
import type * as z from 'zod'
import type { Services } from '../app/services'
import { hashPassword, passwordProblems, passwordTooWeak } from '../auth/passwords'
import type { Database } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import type { Actor } from './actor'
import type { AuditInput } from './audit'
import { queueInvitationMail } from './invitation-mail'
import { insertPerson, openInvitation } from './people'
import { lockOrganization, seatsUsed, takesSeat } from './seats'
import { profileReferenceErrors } from './user-updates'
import { toUserOne, userStatus } from './users'

export type CreateUserBody = z.output<typeof CreateUserSchema>

export interface CreateUserContext {
  trx: Kysely<Database>
  services: Services
  actor: Actor
  now: Date
  audit(trx: Kysely<Database>, event: AuditInput): Promise<void>
}

/**
 * The checks of POST /users that need no database, in the order a person fixing the form meets
 * them: the role (403), the address (422), then the password (422; hashed here, before the
 * transaction, since argon2 takes a while).
 */
export async function prepareCreateUser(
  actor: Actor,
  body: CreateUserBody,
): Promise<{ passwordHash: string | null }> {
  if (!actor.org.activated_at) {
    throw new ProblemError('team_not_activated', { detail: 'Name the team to activate it first.' })
  }
  if (!isBuiltInRole(body.role)) {
    throw new ProblemError('validation_failed', {
      errors: [{ path: 'role', code: 'invalid_value', message: 'No such role.' }],
    })
  }
  if (!canAssignRole(actor.role, body.role)) {
    throw new ProblemError('role_above_own', { detail: `You cannot give the role ${body.role}.` })
  }
  if (isRefusedMailbox(body.email, actor.settings.refusedMailboxes)) {
    throw new ProblemError('shared_mailbox_refused', {
      errors: [
        {
          path: 'email',
          code: 'shared_mailbox_refused',
          message: 'Shared department mailboxes cannot hold an account; enter a person’s own address.',
        },
      ],
    })
  }
  if (body.password === undefined) return { passwordHash: null }
  const policy = actor.settings.passwordPolicy
  const problems = passwordProblems(body.password, policy, {
    email: body.email,
    names: [body.firstName, body.lastName].filter(Boolean),
  })
  if (problems.length) {
    throw passwordTooWeak(problems, policy, 'password')
  }
  return { passwordHash: await hashPassword(body.password) }
}

/**
 * Creates the person in `trx`: active with the prepared password hash, or invited (with the
 * invitation email in the outbox unless `sendInvitation` is false). Returns the user and the
 * outbox ids to deliver after commit.
 */
export async function createUser(
  ctx: CreateUserContext,
  body: CreateUserBody,
  passwordHash: string | null,
): Promise<{ user: User; outboxIds: string[] }> {
  const { trx, actor, now, services } = ctx
  const contactFor = [...new Set(body.contactFor)]
  const errors: FieldError[] = await profileReferenceErrors(trx, actor, {
    groupIds: body.groupIds,
    contactFor,
    assignedAgentId: body.assignedAgentId ?? null,
    externalId: body.externalId ?? null,
  })
  if (errors.length) throw new ProblemError('validation_failed', { errors })

  const existing = await trx
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', actor.org.id)
    .where('email', '=', body.email)
    .executeTakeFirst()
  if (existing) throw emailConflict(existing, now)

  // A disabled account holds no seat (`holdsSeat`); an invited one does, as an active one.
  if (takesSeat(body.role) && body.enabled && actor.settings.seats !== null) {
    await lockOrganization(trx, actor.org.id)
    if ((await seatsUsed(trx, actor.org.id, now)) + 1 > actor.settings.seats) {
      throw new ProblemError('seat_limit_reached', {
        detail: `All ${actor.settings.seats} seats of the plan are taken.`,
      })
    }
  }

  const row = await insertPerson(
    trx,
    {
      orgId: actor.org.id,
      email: body.email,
      firstName: body.firstName,
      lastName: body.lastName,
      salutation: body.salutation ?? null,
      nickname: body.nickname ?? null,
      phone: body.phone ?? null,
      mobile: body.mobile ?? null,
      jobTitle: body.jobTitle ?? null,
      department: body.department ?? null,
      description: body.description ?? null,
      externalId: body.externalId ?? null,
      locale: body.locale ?? actor.user.locale,
      role: body.role,
      enabled: body.enabled,
      contactFor,
      primaryContact: body.primaryContact,
      assignedAgentId: body.assignedAgentId ?? null,
      source: 'manual',
      passwordHash,
      mustChangePassword: passwordHash
        ? (body.mustChangePassword ?? actor.settings.passwordPolicy.forceChangeAfterAdminSet)
        : false,
      groupIds: body.groupIds,
    },
    now,
  )
  if (!row) {
    // Created by a concurrent request since we looked.
    const taken = await trx
      .selectFrom('users')
      .selectAll()
      .where('org_id', '=', actor.org.id)
      .where('email', '=', body.email)
      .executeTakeFirstOrThrow()
    throw emailConflict(taken, now)
  }
  await ctx.audit(trx, {
    action: 'user.created',
    target: { type: 'user', id: row.id, label: row.email },
    changes: { role: [null, row.role] },
  })

  const outboxIds: string[] = []
  if (!passwordHash) {
    const { invitation, token } = await openInvitation(
      trx,
      { user: row, invitedBy: actor.user.id, lifetimeDays: actor.settings.invitationLifetimeDays },
      now,
    )
    await ctx.audit(trx, {
      action: 'invitation.created',
      target: { type: 'invitation', id: invitation.id, label: row.email },
    })
    // A disabled account cannot accept yet: its invitation waits for a resend once it is enabled.
    if (body.sendInvitation && body.enabled) {
      outboxIds.push(
        await queueInvitationMail(
          trx,
          services,
          {
            user: row,
            invitation,
            token,
            organizationName: actor.org.name,
            inviter: actor.user,
            reminder: false,
          },
          now,
        ),
      )
    }
  }
  return { user: await toUserOne(trx, row, now, actor), outboxIds }
}

function emailConflict(existing: Parameters<typeof userStatus>[0], now: Date) {
  const status = userStatus(existing, now)
  return status === 'invited' || status === 'expired'
    ? new ProblemError('invitation_pending', {
        detail: 'This person is already invited.',
        errors: [{ path: 'email', code: 'invitation_pending', message: 'This person is already invited.' }],
      })
    : new ProblemError('email_taken', {
        detail: 'A user with this email already belongs to the organization.',
        errors: [{ path: 'email', code: 'email_taken', message: 'A user with this email already exists.' }],
      })
}
