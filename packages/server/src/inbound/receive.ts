import {
  groupForAddress,
  type InboundEmailResult,
  type InboundRefusalReason,
  isInboundEmailRole,
  isValidEmail,
  nameFromSender,
  normalizeEmail,
  robotReason,
} from '@usher/contract'
import type { Kysely } from 'kysely'
import type { Services } from '../app/services'
import type { Database, UserRow } from '../db/schema'
import type { Actor } from '../domain/actor'
import { admit, candidatePaths, openAdmission, type Refusal } from '../domain/admission'
import { type AuditInput, writeAudits } from '../domain/audit'
import { queueInvitationMails } from '../domain/invitation-mail'
import { insertPerson, openInvitation } from '../domain/people'
import { lockOrganization } from '../domain/seats'
import { addDays } from '../domain/time'
import { toUserOne } from '../domain/users'
import type { SenderFacts } from './message'

/** What one message needs of its request. */
export interface InboundContext {
  db: Kysely<Database>
  services: Services
  actor: Actor
  now: Date
  requestId: string
  transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>
  /** Outbox messages to deliver once the transaction committed (an invitation). */
  outboxIds: string[]
}

const REASON_MESSAGES: Record<InboundRefusalReason, string> = {
  creation_off: 'Nobody of the organization has this address, and it does not create people from email.',
  no_sender: 'The message names no sender address.',
  auto_reply: 'An automatic answer (Auto-Submitted, out of office): nobody is created from it.',
  bulk_mail: 'A list or bulk mailing (Precedence, List-Id): nobody is created from it.',
  bounce: 'A delivery report or a mailer daemon: nobody is created from it.',
  robot_sender: 'An address that takes no answer (noreply): nobody is created from it.',
  refused_mailbox: 'A shared mailbox the organization refuses: nobody is created from it.',
  invalid_address: 'The sender address is not one a person can receive mail at.',
  seat_limit_reached: 'The role of people created from email takes a seat, and none is left.',
  already_processed: 'This message was handled before, and the person it answered is gone since.',
}

/** The answer when nobody is found or created, and why. */
export const refusedAnswer = (
  reason: InboundRefusalReason,
  facts: { address: string | null; messageId: string | null },
  message = REASON_MESSAGES[reason],
): InboundEmailResult => ({
  outcome: 'refused',
  person: null,
  created: false,
  replayed: false,
  address: facts.address,
  messageId: facts.messageId,
  refusal: { reason, message },
})

/** A refusal of the admission in the pipeline's words. */
function admissionReason(refusal: Refusal): InboundRefusalReason {
  if (refusal.code === 'shared_mailbox_refused') return 'refused_mailbox'
  if (refusal.code === 'seat_limit_reached') return 'seat_limit_reached'
  return 'invalid_address'
}

/** Rolls a transaction back and carries the answer out of it. */
class Refused extends Error {
  constructor(readonly answer: InboundEmailResult) {
    super(answer.refusal?.message)
  }
}

async function personAnswer(
  ctx: InboundContext,
  db: Kysely<Database>,
  row: UserRow,
  answer: Pick<InboundEmailResult, 'outcome' | 'created' | 'replayed' | 'messageId'>,
): Promise<InboundEmailResult> {
  return {
    ...answer,
    person: await toUserOne(db, row, ctx.now, ctx.actor),
    address: row.email,
    refusal: null,
  }
}

const findByAddress = (db: Kysely<Database>, orgId: string, address: string) =>
  db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('email', '=', address)
    .executeTakeFirst() as Promise<UserRow | undefined>

/** The first answer to a message seen before, or null when it is new. */
async function replay(ctx: InboundContext, db: Kysely<Database>, messageId: string) {
  const seen = await db
    .selectFrom('inbound_messages')
    .selectAll()
    .where('org_id', '=', ctx.actor.org.id)
    .where('message_id', '=', messageId)
    .executeTakeFirst()
  if (!seen) return null
  const row = seen.user_id
    ? ((await db.selectFrom('users').selectAll().where('id', '=', seen.user_id).executeTakeFirst()) as
        | UserRow
        | undefined)
    : undefined
  if (!row) return { ...refusedAnswer('already_processed', { address: null, messageId }), replayed: true }
  return personAnswer(ctx, db, row, {
    outcome: seen.created ? 'created' : 'matched',
    created: seen.created,
    replayed: true,
    messageId,
  })
}

/** Keeps the message's answer by its Message-ID; false when another request kept it first. */
async function keepMessage(
  trx: Kysely<Database>,
  ctx: InboundContext,
  messageId: string | null,
  userId: string,
  created: boolean,
): Promise<boolean> {
  if (messageId === null) return true
  const kept = await trx
    .insertInto('inbound_messages')
    .values({
      org_id: ctx.actor.org.id,
      message_id: messageId,
      user_id: userId,
      created,
      received_at: ctx.now,
    })
    .onConflict((oc) => oc.columns(['org_id', 'message_id']).doNothing())
    .returning('message_id')
    .executeTakeFirst()
  return kept !== undefined
}

/**
 * Who wrote the message: the person of the organization with its address (compared
 * case-insensitively: addresses are kept normalised), or a new one when the organization creates
 * people from email — judged by the domain's admission (address, refused mailboxes, seats) exactly
 * as any newcomer, created with the settings' role, named from the display name, placed in the
 * group of the address's domain, invited only when the settings say so. Never from a robot.
 */
export async function receiveMessage(
  ctx: InboundContext,
  facts: SenderFacts,
  attempt = 0,
): Promise<InboundEmailResult> {
  const { actor, now } = ctx
  const { messageId } = facts
  if (messageId) {
    const first = await replay(ctx, ctx.db, messageId)
    if (first) return first
  }
  if (!facts.address) return refusedAnswer('no_sender', { address: null, messageId })
  const address = normalizeEmail(facts.address)
  if (!isValidEmail(address)) return refusedAnswer('invalid_address', { address, messageId })

  const known = await findByAddress(ctx.db, actor.org.id, address)
  if (known) {
    await ctx.transaction((trx) => keepMessage(trx, ctx, messageId, known.id, false))
    return personAnswer(ctx, ctx.db, known, {
      outcome: 'matched',
      created: false,
      replayed: false,
      messageId,
    })
  }

  const robot = robotReason(address, facts.header)
  if (robot) return refusedAnswer(robot, { address, messageId })
  const settings = actor.settings.inboundEmail
  const role = settings.role
  if (!settings.createPeople || role === null) return refusedAnswer('creation_off', { address, messageId })
  if (!isInboundEmailRole(actor.roles, role)) {
    return refusedAnswer(
      'creation_off',
      { address, messageId },
      `The role "${role}" no longer fits people created from email.`,
    )
  }

  try {
    return await ctx.transaction(async (trx) => {
      if (actor.settings.seats !== null && actor.roles.takesSeat(role))
        await lockOrganization(trx, actor.org.id)
      const domainGroup = groupForAddress(settings.domains, address)
      const group = domainGroup
        ? await trx
            .selectFrom('groups')
            .select('id')
            .where('org_id', '=', actor.org.id)
            .where('id', '=', domainGroup)
            .executeTakeFirst()
        : undefined
      const groupIds = group ? [group.id] : []
      const admission = await openAdmission(trx, actor, { emails: [address], groupIds, now })
      const member = admission.members.get(address)
      if (member) {
        // Created by a concurrent message since we looked: that person wrote.
        if (!(await keepMessage(trx, ctx, messageId, member.id, false))) throw new Retry()
        return personAnswer(ctx, trx, member, {
          outcome: 'matched',
          created: false,
          replayed: false,
          messageId,
        })
      }
      const refusal = admit(
        admission,
        { email: address, role, groupIds, contactFor: [], enabled: true },
        candidatePaths(),
      )
      if (refusal) {
        throw new Refused(
          refusedAnswer(
            admissionReason(refusal),
            { address, messageId },
            refusal.message ?? refusal.errors[0]?.message,
          ),
        )
      }
      const name = nameFromSender(facts.name, address)
      let user = await insertPerson(
        trx,
        {
          orgId: actor.org.id,
          email: address,
          firstName: name.firstName,
          lastName: name.lastName,
          locale: 'en',
          role,
          source: 'email',
          groupIds,
          invitationExpiresAt: settings.invite ? addDays(now, actor.settings.invitationLifetimeDays) : null,
        },
        now,
      )
      if (!user) throw new Retry()
      if (!(await keepMessage(trx, ctx, messageId, user.id, true))) throw new Retry()
      const events: AuditInput[] = [
        {
          action: 'user.created',
          target: { type: 'user', id: user.id, label: user.email },
          changes: {
            role: [null, role],
            source: [null, 'email'],
            ...(groupIds.length ? { groupIds: [[], groupIds] } : {}),
          },
        },
      ]
      if (settings.invite) {
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
        ctx.outboxIds.push(
          ...(await queueInvitationMails(
            trx,
            ctx.services,
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
      } else {
        // No invitation: a contact the helpdesk knows, with no password and nothing pending.
        user = (await trx
          .updateTable('users')
          .set({ activated_at: now, invitation_expires_at: null })
          .where('id', '=', user.id)
          .returningAll()
          .executeTakeFirstOrThrow()) as UserRow
      }
      await writeAudits(trx, { actor, requestId: ctx.requestId, now }, events)
      return personAnswer(ctx, trx, user, { outcome: 'created', created: true, replayed: false, messageId })
    })
  } catch (error) {
    if (error instanceof Refused) return error.answer
    // A concurrent request wrote this address or this message first: its answer is ours.
    if (error instanceof Retry && attempt < 2) return receiveMessage(ctx, facts, attempt + 1)
    throw error
  }
}

/** Another request wrote the same address or Message-ID meanwhile: start over, which now finds it. */
class Retry extends Error {}
