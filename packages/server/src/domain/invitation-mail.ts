import type { Kysely } from 'kysely'
import type { Services } from '../app/services'
import type { Database, InvitationRow, UserRow } from '../db/schema'
import { enqueueMail, enqueueMails, type OutboxMessage } from '../mail/mailer'
import { type MailLocale, renderInvitationMail } from '../mail/templates'
import { displayName } from './audit'

/** The accept link of a token. */
export const acceptLink = (services: Services, token: string) =>
  `${services.links.acceptInvitationUrl}${services.links.acceptInvitationUrl.includes('?') ? '&' : '?'}token=${token}`

export interface InvitationMailInput {
  user: UserRow
  invitation: InvitationRow
  token: string
  organizationName: string
  /** The organization's time zone: the expiry is written in it. */
  timeZone: string
  inviter: Pick<UserRow, 'first_name' | 'last_name'> | null
  /** A resend: "reminder" wording. */
  reminder: boolean
}

/** The invitation (or reminder) for `user`, in their language, as an outbox message. */
function invitationMessage(services: Services, input: InvitationMailInput): OutboxMessage {
  const link = acceptLink(services, input.token)
  const mail = renderInvitationMail({
    locale: input.user.locale as MailLocale,
    productName: services.links.productName,
    organizationName: input.organizationName,
    inviterName: input.inviter ? displayName(input.inviter) : null,
    firstName: input.user.first_name,
    link,
    expiresAt: new Date(input.invitation.expires_at),
    timeZone: input.timeZone,
    message: input.invitation.message,
    reminder: input.reminder,
  })
  return {
    orgId: input.user.org_id,
    to: input.user.email,
    locale: input.user.locale,
    kind: input.reminder ? 'invitation_reminder' : 'invitation',
    link,
    ...mail,
  }
}

/**
 * Writes the invitation email for `user` to the outbox, in the transaction of the change; returns
 * the outbox id so the caller can deliver it after commit.
 */
export async function queueInvitationMail(
  db: Kysely<Database>,
  services: Services,
  input: InvitationMailInput,
  now: Date,
): Promise<string> {
  return enqueueMail(db, invitationMessage(services, input), now)
}

/**
 * `queueInvitationMail` for a whole batch, in multi-row inserts (a 1,000-row invitation would
 * otherwise spend most of its time on round trips). Returns the outbox ids in the inputs' order.
 */
export async function queueInvitationMails(
  db: Kysely<Database>,
  services: Services,
  inputs: readonly InvitationMailInput[],
  now: Date,
): Promise<string[]> {
  return enqueueMails(
    db,
    inputs.map((input) => invitationMessage(services, input)),
    now,
  )
}
