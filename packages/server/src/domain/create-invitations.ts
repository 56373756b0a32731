import type { CreateInvitationsResult, CreateInvitationsSchema, InvitationRowResult } from '@usher/contract'
import { itemError, joinsAtOnce, normalizeEmail } from '@usher/contract'
import type { Kysely } from 'kysely'
import type * as z from 'zod'
import type { Services } from '../app/services'
import type { Database } from '../db/schema'
import { signInAddresses } from './accounts'
import type { Actor } from './actor'
import { admit, candidatePaths, openAdmission } from './admission'
import { personRef, toInvitation } from './invitations'
import { type Newcomer, writeNewcomers } from './newcomers'
import { lockOrganization } from './seats'
import { addDays } from './time'
import { toUser } from './users'

type Body = z.output<typeof CreateInvitationsSchema>

/**
 * POST /invitations: judges every row on its own (`admit`) and creates the ones that pass, in
 * `trx` (the organization is locked first, so seats and existing addresses are read once and
 * cannot change under the batch). Rows are judged in order; a seat goes to the earlier row. A
 * 1,000-row batch runs in a handful of multi-row statements (`writeNewcomers`), not thousands of
 * round trips. A row whose address already signs in elsewhere joins at once, active with a notice
 * email instead of an invitation, when the organization says so (`joinsAtOnce`): the same
 * admission and writer as every other row, so seats, scopes, groups and contact-for hold alike.
 *
 * Returns the per-row answer and the outbox ids to deliver once committed.
 */
export async function createInvitationBatch(
  trx: Kysely<Database>,
  services: Services,
  actor: Actor,
  body: Body,
  now: Date,
  requestId: string,
): Promise<CreateInvitationsResult & { outboxIds: string[] }> {
  // A dry run writes nothing, so it need not hold the organization's lock.
  if (!body.dryRun) await lockOrganization(trx, actor.org.id)
  const rows = body.invitations
  const admission = await openAdmission(trx, actor, {
    emails: rows.map((r) => r.email),
    groupIds: rows.flatMap((r) => r.groupIds),
    now,
  })

  const results: (InvitationRowResult | null)[] = rows.map(() => null)
  const accepted: Array<{ index: number; newcomer: Newcomer }> = []
  rows.forEach((row, index) => {
    const refusal = admit(admission, { ...row, enabled: true }, candidatePaths(`invitations.${index}.`), {
      label: `row ${index + 1}`,
    })
    if (refusal) {
      results[index] = {
        index,
        status: 'failed',
        email: row.email,
        error: itemError(refusal.code, refusal.message, refusal.errors),
      }
      return
    }
    accepted.push({
      index,
      newcomer: {
        person: {
          orgId: actor.org.id,
          email: row.email,
          salutation: row.salutation ?? null,
          firstName: row.firstName,
          lastName: row.lastName,
          phone: row.phone ?? null,
          locale: row.locale ?? actor.user.locale,
          role: row.role,
          contactFor: row.contactFor,
          source: 'invitation',
          groupIds: row.groupIds,
        },
        mail: body.sendEmail,
      },
    })
  })

  // Who already signs in: the invite form's mark, and whether a row joins at once (one query).
  const signsIn = await signInAddresses(
    trx,
    accepted.map((a) => normalizeEmail(a.newcomer.person.email)),
  )
  const mode = actor.settings.existingAccounts
  for (const { newcomer } of accepted) {
    newcomer.person.joinsAtOnce = joinsAtOnce(mode, signsIn.has(normalizeEmail(newcomer.person.email)))
  }
  if (body.dryRun) return dryRunAnswer(results, accepted, signsIn)

  const written = await writeNewcomers(
    trx,
    services,
    { actor, requestId, now },
    accepted.map((a) => a.newcomer),
    {
      expiresAt: addDays(now, actor.settings.invitationLifetimeDays),
      message: body.message || null,
      userCreated: null,
      invitationCreated: (user) => ({ role: [null, user.role] }),
    },
  )

  const inviter = personRef(actor.user)
  const outboxIds: string[] = []
  accepted.forEach(({ index, newcomer }, i) => {
    const done = written[i]
    if (done && newcomer.person.joinsAtOnce) {
      if (done.outboxId) outboxIds.push(done.outboxId)
      const groupIds = [...new Set(newcomer.person.groupIds ?? [])].sort()
      results[index] = {
        index,
        status: 'joined',
        email: done.user.email,
        user: toUser(done.user, { groupIds, sharedGroupCount: 0, invitationId: null }, now),
      }
      return
    }
    if (!done?.invitation) {
      // Taken since the batch read the members; the seat kept for this row stays unused.
      const message = 'This address was just taken.'
      results[index] = {
        index,
        status: 'failed',
        email: newcomer.person.email,
        error: itemError('email_taken', undefined, [
          { path: `invitations.${index}.email`, code: 'email_taken', message },
        ]),
      }
      return
    }
    if (done.outboxId) outboxIds.push(done.outboxId)
    const groupIds = [...new Set(newcomer.person.groupIds ?? [])].sort()
    results[index] = {
      index,
      status: 'created',
      invitation: toInvitation(done.invitation, done.user, groupIds, inviter, now),
      user: toUser(done.user, { groupIds, sharedGroupCount: 0, invitationId: done.invitation.id }, now),
    }
  })

  const final = results as InvitationRowResult[]
  const joined = final.filter((r) => r.status === 'joined').length
  const created = final.filter((r) => r.status === 'created').length + joined
  return { results: final, created, joined, failed: final.length - created, outboxIds }
}

/**
 * A dry run's answer: the refused rows as a real request would answer them, and every other row
 * `valid`, saying whether its address already has an account that signs in and whether it would
 * join at once. Only callers who may invite reach this, so nobody else learns which addresses exist.
 */
function dryRunAnswer(
  results: (InvitationRowResult | null)[],
  accepted: Array<{ index: number; newcomer: Newcomer }>,
  signsIn: ReadonlySet<string>,
): CreateInvitationsResult & { outboxIds: string[] } {
  for (const { index, newcomer } of accepted) {
    const email = newcomer.person.email
    results[index] = {
      index,
      status: 'valid',
      email,
      existingAccount: signsIn.has(normalizeEmail(email)),
      joinsAtOnce: newcomer.person.joinsAtOnce === true,
    }
  }
  const final = results as InvitationRowResult[]
  const failed = final.filter((r) => r.status === 'failed').length
  return { results: final, created: 0, failed, outboxIds: [] }
}
