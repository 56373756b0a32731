import { randomUUID } from 'node:crypto'
import {
  type CreateInvitationsResult,
  type CreateInvitationsSchema,
  canAssignRole,
  type FieldError,
  type InvitationRowResult,
  type ItemError,
  isBuiltInRole,
  isRefusedMailbox,
  itemError,
} from '@usher/contract'
import type { Kysely } from 'kysely'
import type * as z from 'zod'
import type { Services } from '../app/services'
import type { Database, InvitationRow, UserRow } from '../db/schema'
import { type Actor, isUuid } from './actor'
import { queueInvitationMails } from './invitation-mail'
import { personRef, toInvitation } from './invitations'
import { groupInScope } from './scope'
import { searchColumns } from './search'
import { lockOrganization, seatsUsed, takesSeat } from './seats'
import { addDays } from './time'
import { newLinkToken } from './tokens'
import { toUser } from './users'

type Body = z.output<typeof CreateInvitationsSchema>
type Row = Body['invitations'][number]

// Rows per multi-row INSERT: well under PostgreSQL's 65,535 bind parameters for the widest table.
const CHUNK = 500

const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = []
  for (let i = 0; i < items.length; i += CHUNK) out.push(items.slice(i, i + CHUNK))
  return out
}

const failed = (index: number, email: string, error: ItemError): InvitationRowResult => ({
  index,
  status: 'failed',
  email,
  error,
})

/**
 * POST /invitations: checks every row on its own and creates the ones that pass, in `trx` (the
 * organization is locked first, so seats and existing addresses are read once and cannot change
 * under the batch). Rows are judged in order; a seat goes to the earlier row. A 1,000-row batch
 * runs in a handful of multi-row statements, not thousands of round trips.
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
  await lockOrganization(trx, actor.org.id)
  const { settings } = actor
  const rows = body.invitations

  const groupIds = [...new Set(rows.flatMap((r) => r.groupIds))]
  const validGroupIds = groupIds.filter(isUuid)
  const [knownGroups, existing, seatsTaken] = await Promise.all([
    validGroupIds.length
      ? trx
          .selectFrom('groups')
          .select('id')
          .where('org_id', '=', actor.org.id)
          .where('id', 'in', validGroupIds)
          .execute()
      : [],
    trx
      .selectFrom('users')
      .select(['email', 'enabled', 'activated_at'])
      .where('org_id', '=', actor.org.id)
      .where(
        'email',
        'in',
        rows.map((r) => r.email),
      )
      .execute(),
    settings.seats !== null && rows.some((r) => takesSeat(r.role))
      ? seatsUsed(trx, actor.org.id, now)
      : Promise.resolve(0),
  ])
  const groupExists = new Set(knownGroups.map((g) => g.id))
  const existingOf = new Map(existing.map((u) => [u.email, u]))
  const topics = new Set(settings.contactTopics.map((t) => t.key))
  let seatsUsedSoFar = seatsTaken

  const results: (InvitationRowResult | null)[] = rows.map(() => null)
  const accepted: { index: number; row: Row }[] = []
  rows.forEach((row, index) => {
    const at = (field: string) => `invitations.${index}.${field}`
    if (isRefusedMailbox(row.email, settings.refusedMailboxes)) {
      results[index] = failed(
        index,
        row.email,
        itemError('shared_mailbox_refused', undefined, [
          {
            path: at('email'),
            code: 'shared_mailbox_refused',
            message: 'Shared department mailboxes cannot be invited; enter a person’s own address.',
          },
        ]),
      )
      return
    }
    const invalid: FieldError[] = []
    if (!isBuiltInRole(row.role)) {
      invalid.push({ path: at('role'), code: 'invalid_value', message: `No role "${row.role}".` })
    } else if (!canAssignRole(actor.role, row.role)) {
      results[index] = failed(
        index,
        row.email,
        itemError('role_above_own', undefined, [
          { path: at('role'), code: 'role_above_own', message: 'You cannot give a role above your own.' },
        ]),
      )
      return
    }
    row.groupIds.forEach((id, g) => {
      if (!groupExists.has(id) || !groupInScope(actor, id)) {
        invalid.push({ path: at(`groupIds.${g}`), code: 'not_found', message: 'No such group.' })
      }
    })
    if (actor.scope !== null && row.groupIds.length === 0) {
      invalid.push({
        path: at('groupIds'),
        code: 'required',
        message: 'Put the person in at least one of your groups.',
      })
    }
    row.contactFor.forEach((key, t) => {
      if (!topics.has(key)) {
        invalid.push({
          path: at(`contactFor.${t}`),
          code: 'invalid_value',
          message: `"${key}" is not one of the organization's topics.`,
        })
      }
    })
    if (invalid.length) {
      results[index] = failed(index, row.email, itemError('validation_failed', undefined, invalid))
      return
    }
    const other = existingOf.get(row.email)
    if (other) {
      const pending = other.enabled && !other.activated_at
      const code = pending ? 'invitation_pending' : 'email_taken'
      results[index] = failed(
        index,
        row.email,
        itemError(code, undefined, [
          {
            path: at('email'),
            code,
            message: pending
              ? 'This person is already invited; resend the invitation instead.'
              : 'This person already belongs to the organization.',
          },
        ]),
      )
      return
    }
    if (settings.seats !== null && takesSeat(row.role)) {
      if (seatsUsedSoFar + 1 > settings.seats) {
        results[index] = failed(
          index,
          row.email,
          itemError('seat_limit_reached', `All ${settings.seats} seats of the plan are taken.`, [
            { path: at('role'), code: 'seat_limit_reached', message: 'No seat left for this role.' },
          ]),
        )
        return
      }
      seatsUsedSoFar++
    }
    accepted.push({ index, row })
  })

  const expiresAt = addDays(now, settings.invitationLifetimeDays)
  const locale = actor.user.locale
  const inserted = new Map<string, UserRow>()
  for (const batch of chunks(accepted)) {
    const users = await trx
      .insertInto('users')
      .values(
        batch.map(({ row }) => ({
          id: randomUUID(),
          org_id: actor.org.id,
          email: row.email,
          salutation: row.salutation ?? null,
          first_name: row.firstName,
          last_name: row.lastName,
          phone: row.phone ?? null,
          locale: row.locale ?? locale,
          role: row.role,
          enabled: true,
          invitation_expires_at: expiresAt,
          contact_for: row.contactFor,
          primary_contact: false,
          must_change_password: false,
          source: 'invitation',
          created_at: now,
          ...searchColumns(row.firstName, row.lastName),
        })),
      )
      // Only a request that skipped the organization lock (another endpoint) can get here first.
      .onConflict((oc) => oc.columns(['org_id', 'email']).doNothing())
      .returningAll()
      .execute()
    for (const user of users) inserted.set(user.email, user)
  }

  const created: { index: number; row: Row; user: UserRow; token: string; hash: string }[] = []
  for (const { index, row } of accepted) {
    const user = inserted.get(row.email)
    if (!user) {
      // A seat kept for this row stays unused: the batch does not go back over refused rows.
      results[index] = failed(
        index,
        row.email,
        itemError('email_taken', undefined, [
          {
            path: `invitations.${index}.email`,
            code: 'email_taken',
            message: 'This address was just taken.',
          },
        ]),
      )
      continue
    }
    created.push({ index, row, user, ...newLinkToken() })
  }

  const memberships = created.flatMap(({ row, user }) =>
    [...new Set(row.groupIds)].map((group_id) => ({ user_id: user.id, group_id, org_id: actor.org.id })),
  )
  for (const batch of chunks(memberships)) await trx.insertInto('user_groups').values(batch).execute()

  const invitationOf = new Map<string, InvitationRow>()
  for (const batch of chunks(created)) {
    const invitations = await trx
      .insertInto('invitations')
      .values(
        batch.map(({ user, hash }) => ({
          id: randomUUID(),
          org_id: actor.org.id,
          user_id: user.id,
          token_hash: hash,
          status: 'pending' as const,
          expires_at: expiresAt,
          invited_by: actor.user.id,
          message: body.message || null,
          created_at: now,
          last_sent_at: now,
          send_count: 1,
        })),
      )
      .returningAll()
      .execute()
    for (const invitation of invitations) invitationOf.set(invitation.user_id as string, invitation)
  }

  const inviter = personRef(actor.user)
  const outboxIds = body.sendEmail
    ? await queueInvitationMails(
        trx,
        services,
        created.map(({ user, token }) => ({
          user,
          invitation: invitationOf.get(user.id) as InvitationRow,
          token,
          organizationName: actor.org.name,
          inviter: actor.user,
          reminder: false,
        })),
        now,
      )
    : []
  // The audit events of the batch in multi-row inserts, as `writeAudit` would write them one by one.
  const events = created.map(({ user }) => ({
    id: randomUUID(),
    org_id: actor.org.id,
    at: now,
    action: 'invitation.created',
    actor_id: inviter.id,
    actor_name: inviter.name,
    actor_email: inviter.email,
    target_type: 'invitation',
    target_id: (invitationOf.get(user.id) as InvitationRow).id,
    target_label: user.email,
    changes: JSON.stringify({ role: [null, user.role] }),
    request_id: requestId,
  }))
  for (const batch of chunks(events)) await trx.insertInto('audit_events').values(batch).execute()

  for (const { index, row, user } of created) {
    const invitation = invitationOf.get(user.id) as InvitationRow
    const groupIds = [...new Set(row.groupIds)].sort()
    results[index] = {
      index,
      status: 'created',
      invitation: toInvitation(invitation, user, groupIds, inviter, now),
      user: toUser(user, { groupIds, sharedGroupCount: 0, invitationId: invitation.id }, now),
    }
  }

  const final = results as InvitationRowResult[]
  const createdCount = final.filter((r) => r.status === 'created').length
  return { results: final, created: createdCount, failed: final.length - createdCount, outboxIds }
}
