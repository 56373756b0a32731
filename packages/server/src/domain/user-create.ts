import type { CreateUserSchema, User } from '@usher/contract'
import type { Kysely } from 'kysely'
import type * as z from 'zod'
import type { Services } from '../app/services'
import { hashPassword, passwordProblems, passwordTooWeak } from '../auth/passwords'
import type { Database } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import type { Actor } from './actor'
import {
  addressRefusal,
  admit,
  type Candidate,
  candidatePaths,
  memberRefusal,
  openAdmission,
  type Refusal,
  roleRefusal,
} from './admission'
import { writeNewcomers } from './newcomers'
import { profileReferenceErrors } from './profile-references'
import { lockOrganization } from './seats'
import { addDays } from './time'
import { toUserOne } from './users'

export type CreateUserBody = z.output<typeof CreateUserSchema>

export interface CreateUserContext {
  trx: Kysely<Database>
  services: Services
  actor: Actor
  now: Date
  requestId: string
}

const candidateOf = (body: CreateUserBody): Candidate => ({
  email: body.email,
  role: body.role,
  groupIds: body.groupIds,
  contactFor: [...new Set(body.contactFor)],
  enabled: body.enabled,
})

/** A refusal of the admission as the answer of the request. */
const refused = (refusal: Refusal) =>
  new ProblemError(refusal.code, {
    ...(refusal.message ? { detail: refusal.message } : {}),
    errors: refusal.errors,
  })

/**
 * The checks of POST /users that need no database, in the order a person fixing the form meets
 * them: the address (422), the role (422 unknown, 403 above one's own), then the password (422;
 * hashed here, before the transaction, since argon2 takes a while).
 */
export async function prepareCreateUser(
  actor: Actor,
  body: CreateUserBody,
): Promise<{ passwordHash: string | null }> {
  const paths = candidatePaths()
  const refusal = addressRefusal(actor, body.email, paths) ?? roleRefusal(actor, body.role, paths.at('role'))
  if (refusal) throw refused(refusal)
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
 * Creates the person in `trx` once the admission lets them in (`admit`, plus the assigned agent
 * and SSO id): active with the prepared password hash, or invited (with the invitation email in
 * the outbox unless `sendInvitation` is false). Returns the user and the outbox ids to deliver
 * after commit.
 */
export async function createUser(
  ctx: CreateUserContext,
  body: CreateUserBody,
  passwordHash: string | null,
): Promise<{ user: User; outboxIds: string[] }> {
  const { trx, actor, now, services } = ctx
  const candidate = candidateOf(body)
  // The seat count must not change under us: the organization's lock, then the admission's read.
  if (actor.settings.seats !== null && actor.roles.takesSeat(body.role) && body.enabled) {
    await lockOrganization(trx, actor.org.id)
  }
  const [admission, extraErrors] = await Promise.all([
    openAdmission(trx, actor, { emails: [body.email], groupIds: body.groupIds, now }),
    profileReferenceErrors(trx, actor, {
      assignedAgentId: body.assignedAgentId ?? null,
      externalId: body.externalId ?? null,
    }),
  ])
  const refusal = admit(admission, candidate, candidatePaths(), { extraErrors })
  if (refusal) throw refused(refusal)

  const [written] = await writeNewcomers(
    trx,
    services,
    { actor, requestId: ctx.requestId, now },
    [
      {
        person: {
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
          contactFor: candidate.contactFor,
          primaryContact: body.primaryContact,
          assignedAgentId: body.assignedAgentId ?? null,
          source: 'manual',
          passwordHash,
          mustChangePassword: passwordHash
            ? (body.mustChangePassword ?? actor.settings.passwordPolicy.forceChangeAfterAdminSet)
            : false,
          groupIds: body.groupIds,
        },
        // A disabled account cannot accept yet: its invitation waits for a resend once it is enabled.
        mail: body.sendInvitation && body.enabled,
      },
    ],
    {
      expiresAt: addDays(now, actor.settings.invitationLifetimeDays),
      userCreated: (user) => ({ role: [null, user.role] }),
      invitationCreated: () => null,
    },
  )
  if (!written) {
    // Created by a concurrent request since we looked.
    const again = await openAdmission(trx, actor, { emails: [body.email], groupIds: [], now })
    const member = again.members.get(body.email)
    throw member ? refused(memberRefusal(member, now, candidatePaths())) : new ProblemError('email_taken')
  }
  return {
    user: await toUserOne(trx, written.user, now, actor),
    outboxIds: written.outboxId ? [written.outboxId] : [],
  }
}
