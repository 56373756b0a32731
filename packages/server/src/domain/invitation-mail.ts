import type { Kysely } from 'kysely'
import type { Services } from '../app/services'
import type { Database, InvitationRow, UserRow } from '../db/schema'
import { enqueueMail } from '../mail/mailer'
import { type MailLocale, renderInvitationMail } from '../mail/templates'
import { displayName } from './audit'

/** The accept link of a token. */
export const acceptLink = (services: Services, token: string) =>
  `${services.links.acceptInvitationUrl}${services.links.acceptInvitationUrl.includes('?') ? '&' : '?'}token=${token}`

/**
 * Writes the invitation email for `user` to the outbox, in the transaction of the change; returns
 * the outbox id so the caller can deliver it after commit.
 */
export async function queueInvitationMail(
  db: Kysely<Database>,
  services: Services,
  input: {
    user: UserRow
    invitation: InvitationRow
    token: string
    organizationName: string
    inviter: Pick<UserRow, 'first_name' | 'last_name'> | null
    reminder: boolean
  },
  now: Date,
): Promise<string> {
  const link = acceptLink(services, input.token)
  const mail = renderInvitationMail({
    locale: input.user.locale as MailLocale,
    productName: services.links.productName,
    organizationName: input.organizationName,
    inviterName: input.inviter ? displayName(input.inviter) : null,
    firstName: input.user.first_name,
    link,
    expiresAt: new Date(input.invitation.expires_at),
    message: input.invitation.message,
    reminder: input.reminder,
  })
  return enqueueMail(
    db,
    {
      orgId: input.user.org_id,
      to: input.user.email,
      locale: input.user.locale,
      kind: input.reminder ? 'invitation_reminder' : 'invitation',
      link,
      ...mail,
    },
    now,
  )
}
