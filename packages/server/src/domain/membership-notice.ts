import type { Locale } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { Services } from '../app/services'
import type { Database, UserRow } from '../db/schema'
import { enqueueMails } from '../mail/mailer'
import { renderMembershipAddedMail } from '../mail/membership-templates'
import type { MailLocale } from '../mail/templates'
import { displayName } from './audit'
import { roleNameIn } from './user-export'

export interface MembershipNoticeContext {
  organizationName: string
  /** Who added them. */
  adder: Pick<UserRow, 'first_name' | 'last_name'> | null
}

/**
 * Writes to the outbox the notice of each membership that an existing account got at once, in the
 * account's language (the one the person chose, not the language an administrator typed for this
 * membership), greeting them by the account's name. Returns the outbox ids in `members`' order.
 */
export async function queueMembershipNotices(
  db: Kysely<Database>,
  services: Services,
  members: readonly UserRow[],
  context: MembershipNoticeContext,
  now: Date,
): Promise<string[]> {
  if (members.length === 0) return []
  const accountIds = [...new Set(members.flatMap((m) => (m.account_id ? [m.account_id] : [])))]
  const accounts = accountIds.length
    ? await db
        .selectFrom('accounts')
        .select(['id', 'first_name', 'locale'])
        .where('id', 'in', accountIds)
        .execute()
    : []
  const accountOf = new Map(accounts.map((a) => [a.id, a]))
  const adderName = context.adder ? displayName(context.adder) : null
  const link = services.links.signInUrl
  return enqueueMails(
    db,
    members.map((member) => {
      const account = member.account_id ? accountOf.get(member.account_id) : undefined
      const locale: MailLocale = (account?.locale ?? member.locale) === 'fr' ? 'fr' : 'en'
      const mail = renderMembershipAddedMail({
        locale,
        productName: services.links.productName,
        organizationName: context.organizationName,
        adderName,
        firstName: account?.first_name || member.first_name,
        roleName: roleNameIn(services.roles, member.role, locale as Locale),
        link,
      })
      return {
        orgId: member.org_id,
        to: member.email,
        locale,
        kind: 'membership_added' as const,
        link,
        ...mail,
      }
    }),
    now,
  )
}
