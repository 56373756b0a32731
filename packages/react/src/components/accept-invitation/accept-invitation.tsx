import type { AcceptInvitationResult } from '@usher/contract'
import { type ComponentProps, type ReactNode, useId, useState } from 'react'
import { useInvitationLookup } from '../../hooks/use-invitation-lookup'
import { cn } from '../../lib/cn'
import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { AcceptForm } from './accept-form'
import { type Dead, DeadLink, deadPage } from './dead-link'
import { Notice } from './notice'

export interface AcceptInvitationProps extends Omit<ComponentProps<'section'>, 'children'> {
  /** The token of the link (`?token=` of the URL the email opened); the host reads it and passes it. */
  token: string
  /** The host's terms of use, linked next to their checkbox. */
  termsUrl?: string
  /** The host's privacy policy, linked next to the consent checkbox. */
  privacyUrl?: string
  /** Offered on the "already used" page. */
  signInUrl?: string
  /**
   * Called once the account is active. `result.session` holds a session when the server's built-in
   * sign-in is on (the person is signed in); null when the host signs people in itself.
   * @example onAccepted={({ session }) => session ? saveSession(session) : navigate('/sign-in')}
   */
  onAccepted?: (result: AcceptInvitationResult) => void
}

type State = 'loading' | 'error' | Dead | 'ready' | 'accepted'

/**
 * The page an invitation email opens: who invited the person to which
 * organization; their name (editable) and address (read-only); a password with the organization's
 * policy ticked as they type and a strength meter; consent and terms. Expired, withdrawn, used and
 * unknown links get a page of their own saying what to do.
 */
export function AcceptInvitation({
  token,
  termsUrl,
  privacyUrl,
  signInUrl,
  onAccepted,
  className,
  ...props
}: AcceptInvitationProps) {
  const { t } = useUsherContext()
  const lookup = useInvitationLookup(token)
  // The organization's name is kept with the result: the link's lookup fails once it is used.
  const [accepted, setAccepted] = useState<{ result: AcceptInvitationResult; organization: string } | null>(
    null,
  )
  const [deadAfterSubmit, setDeadAfterSubmit] = useState<Dead | null>(null)
  const titleId = useId()

  const data = lookup.data
  const state: State = !token
    ? 'unknown'
    : accepted
      ? 'accepted'
      : deadAfterSubmit
        ? deadAfterSubmit
        : lookup.isPending
          ? 'loading'
          : lookup.isError
            ? (deadPage(lookup.error) ?? 'error')
            : data?.status === 'expired'
              ? 'expired'
              : 'ready'
  const organization = accepted?.organization ?? data?.organization.name ?? ''

  let body: ReactNode
  if (state === 'loading') {
    body = (
      <p role="status" data-slot="accept-invitation-loading">
        {t('acceptInvitation.loading')}
      </p>
    )
  } else if (state === 'error') {
    body = (
      <div role="alert" data-slot="accept-invitation-load-error" className="usher-alert">
        {t('acceptInvitation.loadError')} {errorMessage(t, lookup.error)}{' '}
        <button type="button" className="usher-button" onClick={() => void lookup.refetch()}>
          {t('common.retry')}
        </button>
      </div>
    )
  } else if (state === 'ready' && data) {
    body = (
      <AcceptForm
        token={token}
        lookup={data}
        termsUrl={termsUrl}
        privacyUrl={privacyUrl}
        onDead={setDeadAfterSubmit}
        onAccepted={(result) => {
          setAccepted({ result, organization })
          onAccepted?.(result)
        }}
      />
    )
  } else if (state === 'accepted' && accepted) {
    const { user, session } = accepted.result
    const name = [user.firstName, user.lastName].filter(Boolean).join(' ')
    body = (
      <Notice
        slot="accept-invitation-accepted"
        role="status"
        title={t('acceptInvitation.accepted.title', { name })}
      >
        <p>{t('acceptInvitation.accepted.body', { organization })}</p>
        {session ? <p>{t('acceptInvitation.accepted.signedIn')}</p> : null}
      </Notice>
    )
  } else {
    body = <DeadLink page={state as Dead} lookup={data} signInUrl={signInUrl} />
  }

  return (
    <section
      data-slot="accept-invitation"
      data-state={state}
      aria-labelledby={titleId}
      className={cn('usher-accept-invitation', className)}
      {...props}
    >
      <h2 id={titleId} data-slot="accept-invitation-title" className="usher-accept-invitation-title">
        {organization ? t('acceptInvitation.title', { organization }) : t('acceptInvitation.titleGeneric')}
      </h2>
      {body}
    </section>
  )
}
