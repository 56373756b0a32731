import type { Kysely } from 'kysely'
import type { Services } from '../app/services'
import type { Database, InvitationRow, UserRow } from '../db/schema'
import type { Actor } from './actor'
import { type AuditContext, type AuditInput, writeAudits } from './audit'
import { queueInvitationMails } from './invitation-mail'
import { queueMembershipNotices } from './membership-notice'
import { insertPeople, type NewPerson, openInvitations } from './people'

/** A person the admission let in, to write. */
export interface Newcomer {
  /** With a password hash the account is active; without, the person is invited. */
  person: NewPerson
  /** Email the invitation now (invited people), or the notice of a person who joined at once. */
  mail: boolean
}

/**
 * What a newcomer became: their row, their invitation if invited, the outbox id of its email (the
 * invitation, or the notice of a person who joined at once).
 */
export interface WrittenNewcomer {
  user: UserRow
  invitation: InvitationRow | null
  outboxId: string | null
}

export interface NewcomerOptions {
  /** When the invitations lapse (and so the invited people's seats). */
  expiresAt: Date
  /** The inviter's note in the emails. */
  message?: string | null
  /** The changes of each `user.created` event; null writes none (the invitation's event stands for it). */
  userCreated: ((user: UserRow) => AuditInput['changes']) | null
  /** The changes of each `invitation.created` event. */
  invitationCreated: (user: UserRow) => AuditInput['changes']
}

/**
 * Writes the people of one batch — invitations, an import chunk, POST /users — in multi-row
 * statements: their rows and memberships, the invitations and tokens of those without a password,
 * the audit events, the invitation emails (or joining notices) in the outbox. Answers in
 * `newcomers`' order, null where the address was taken meanwhile (a request that skipped the
 * organization's lock).
 */
export async function writeNewcomers(
  trx: Kysely<Database>,
  services: Services,
  context: AuditContext & { actor: Actor },
  newcomers: readonly Newcomer[],
  options: NewcomerOptions,
): Promise<Array<WrittenNewcomer | null>> {
  const { actor, now } = context
  const rows = await insertPeople(
    trx,
    newcomers.map((n) => ({
      ...n.person,
      invitationExpiresAt: n.person.passwordHash || n.person.joinsAtOnce ? null : options.expiresAt,
    })),
    now,
  )
  const invited = rows.flatMap((user, index) => (user && !user.activated_at ? [{ user, index }] : []))
  const joined = rows.flatMap((user, index) =>
    user && newcomers[index]?.person.joinsAtOnce ? [{ user, index }] : [],
  )
  const joinedIndexes = new Set(joined.map(({ index }) => index))
  const opened = await openInvitations(
    trx,
    invited.map(({ user }) => ({ user, invitedBy: actor.user.id, message: options.message ?? null })),
    options.expiresAt,
    now,
  )
  const invitationOf = new Map(invited.map(({ index }, i) => [index, opened[i]]))

  const events: AuditInput[] = []
  rows.forEach((user, index) => {
    // A person who joined at once has no invitation whose event would stand for the addition.
    const hasJoined = joinedIndexes.has(index)
    if (!user || !(options.userCreated || hasJoined)) return
    const changes = options.userCreated?.(user) ?? { role: [null, user.role] }
    events.push({
      action: 'user.created',
      target: { type: 'user', id: user.id, label: user.email },
      changes: hasJoined ? { ...changes, status: [null, 'active'] } : changes,
    })
  })
  for (const { user, index } of invited) {
    const invitation = invitationOf.get(index)?.invitation as InvitationRow
    events.push({
      action: 'invitation.created',
      target: { type: 'invitation', id: invitation.id, label: user.email },
      changes: options.invitationCreated(user),
    })
  }
  await writeAudits(trx, context, events)

  const mailed = invited.filter(({ index }) => newcomers[index]?.mail)
  const outboxIds = await queueInvitationMails(
    trx,
    services,
    mailed.map(({ user, index }) => {
      const { invitation, token } = invitationOf.get(index) as { invitation: InvitationRow; token: string }
      return {
        user,
        invitation,
        token,
        organizationName: actor.org.name,
        timeZone: actor.settings.timeZone,
        inviter: actor.user,
        reminder: false,
      }
    }),
    now,
  )
  const outboxOf = new Map(mailed.map(({ index }, i) => [index, outboxIds[i] ?? null]))
  const noticed = joined.filter(({ index }) => newcomers[index]?.mail)
  const noticeIds = await queueMembershipNotices(
    trx,
    services,
    noticed.map(({ user }) => user),
    { organizationName: actor.org.name, adder: actor.user },
    now,
  )
  noticed.forEach(({ index }, i) => {
    outboxOf.set(index, noticeIds[i] ?? null)
  })
  return rows.map((user, index) =>
    user
      ? {
          user,
          invitation: invitationOf.get(index)?.invitation ?? null,
          outboxId: outboxOf.get(index) ?? null,
        }
      : null,
  )
}
