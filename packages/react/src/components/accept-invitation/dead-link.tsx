import type { InvitationLookup } from '@usher/contract'
import { isUsherApiError } from '@usher/sdk'
import { useUsherContext } from '../../provider/usher-context'
import { Notice } from './notice'

/** Why a link cannot be used: each has a page of its own saying what to do. */
export type Dead = 'expired' | 'revoked' | 'used' | 'unknown' | 'mismatch'

/** Which page a refused link leads to, from the server's code. */
export function deadPage(error: unknown): Dead | null {
  if (!isUsherApiError(error)) return null
  switch (error.code) {
    case 'invitation_expired':
      return 'expired'
    case 'invitation_revoked':
      return 'revoked'
    case 'invitation_used':
      return 'used'
    case 'invitation_email_mismatch':
      return 'mismatch'
    case 'invitation_not_found':
    case 'not_found':
    case 'validation_failed':
      return 'unknown'
    default:
      return null
  }
}

/** The page of a link that cannot be used: what happened, and what to do (ask again, sign in). */
export function DeadLink({
  page,
  lookup,
  signInUrl,
}: {
  page: Dead
  lookup: InvitationLookup | undefined
  signInUrl: string | undefined
}) {
  const { t } = useUsherContext()
  let text: string
  if (page === 'expired') {
    text = lookup?.invitedBy
      ? t('acceptInvitation.pages.expired.body', { inviter: lookup.invitedBy.name })
      : t('acceptInvitation.pages.expired.bodyNoInviter', { organization: lookup?.organization.name ?? '' })
  } else if (page === 'mismatch') {
    text = lookup
      ? t('acceptInvitation.pages.mismatch.body', { email: lookup.email })
      : t('acceptInvitation.pages.mismatch.bodyNoEmail')
  } else {
    text = t(`acceptInvitation.pages.${page}.body`)
  }
  return (
    <Notice slot={`accept-invitation-${page}`} role="alert" title={t(`acceptInvitation.pages.${page}.title`)}>
      <p>{text}</p>
      {page === 'used' && signInUrl ? (
        <a href={signInUrl} className="usher-button" data-variant="primary">
          {t('acceptInvitation.pages.used.signIn')}
        </a>
      ) : null}
    </Notice>
  )
}
