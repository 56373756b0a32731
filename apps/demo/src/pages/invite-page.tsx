import type { CreateInvitationsResult } from '@usher/contract'
import { InviteForm, SeatUsage, useMe, usePermission } from '@usher/react'
import { useState } from 'react'
import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'
import { Link } from '../router'

/**
 * Settings → Invite: Usher's multi-row invitation form (its seat counter included), and the host's
 * own reaction to a submit: a pointer to the emails it sent.
 */
export function InvitePage() {
  const { t } = useDemoI18n()
  const me = useMe()
  // The menu hides this page from those who may not invite; an address typed by hand lands here.
  const canInvite = usePermission('users:invite')
  const [sent, setSent] = useState<CreateInvitationsResult | null>(null)
  return (
    <>
      {/* The form has its own title and explanation: the page adds none. */}
      <PageHeading title={t('invite.title')} />
      <div role="status">
        {sent && sent.created > 0 ? (
          <p className="relai-notice" data-tone="success">
            {t('invite.sent', { count: sent.created })}{' '}
            <Link href="/settings/outbox">{t('invite.seeOutbox')}</Link>
          </p>
        ) : null}
      </div>
      {canInvite ? (
        <InviteForm className="relai-invite-form" onInvited={setSent} />
      ) : me.data ? (
        <>
          <SeatUsage className="relai-seat-usage" />
          <p className="relai-notice" role="note">
            {t('invite.notAllowed')}
          </p>
        </>
      ) : null}
    </>
  )
}
