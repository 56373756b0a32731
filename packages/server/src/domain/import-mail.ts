import { randomUUID } from 'node:crypto'
import type { Kysely } from 'kysely'
import type { Services } from '../app/services'
import type { Database, UserRow } from '../db/schema'
import { deliverPending } from '../mail/mailer'
import { type MailLocale, renderInvitationMail } from '../mail/templates'
import type { Actor } from './actor'
import { displayName } from './audit'
import { acceptLink } from './invitation-mail'

/**
 * The invitation emails of an import chunk, written to the outbox in one statement (a chunk
 * invites up to a thousand people; `queueInvitationMail` writes one at a time). Same messages.
 */
export async function enqueueMailRows(
  trx: Kysely<Database>,
  services: Services,
  actor: Actor,
  mails: ReadonlyArray<{ user: UserRow; token: string }>,
  expiresAt: Date,
  now: Date,
): Promise<string[]> {
  if (mails.length === 0) return []
  const inviterName = displayName(actor.user)
  const rows = mails.map(({ user, token }) => {
    const link = acceptLink(services, token)
    const mail = renderInvitationMail({
      locale: user.locale as MailLocale,
      productName: services.links.productName,
      organizationName: actor.org.name,
      inviterName,
      firstName: user.first_name,
      link,
      expiresAt,
      timeZone: actor.settings.timeZone,
      message: null,
      reminder: false,
    })
    return {
      id: randomUUID(),
      org_id: user.org_id,
      to_address: user.email,
      locale: user.locale,
      kind: 'invitation',
      subject: mail.subject,
      text: mail.text,
      html: mail.html,
      link,
      created_at: now,
    }
  })
  await trx.insertInto('outbox').values(rows).execute()
  return rows.map((r) => r.id)
}

/** Hands the chunk's committed messages to the transport, a hundred at a time (deliverPending's page). */
export async function deliverImportMail(services: Services, ids: readonly string[]) {
  for (let i = 0; i < ids.length; i += 100) {
    await deliverPending(
      services.db,
      services.mail.transport,
      services.mail.from,
      services.now,
      ids.slice(i, i + 100),
    )
  }
}
