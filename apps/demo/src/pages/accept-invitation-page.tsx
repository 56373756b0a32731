import { AcceptInvitation } from '@usher/react'
import { useState } from 'react'
import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'
import { Link, navigate, useLocation } from '../router'
import { useKeepSignedIn } from '../signed-in-session'

/**
 * Where the invitation emails lead: Usher's AcceptInvitation with the link's token. The server's
 * built-in sign-in is on (it has a secret), so accepting answers a session: the demo keeps it and
 * the settings area opens as the new person.
 */
export function AcceptInvitationPage() {
  const { t } = useDemoI18n()
  const keepSignedIn = useKeepSignedIn()
  const token = new URLSearchParams(useLocation().search).get('token')
  const [accepted, setAccepted] = useState(false)
  return (
    <>
      <PageHeading title={t('accept.title')} />
      {!token ? (
        <p className="relai-notice" data-tone="error" role="alert">
          {t('accept.missingToken')}
        </p>
      ) : (
        <AcceptInvitation
          token={token}
          termsUrl="/terms"
          privacyUrl="/privacy"
          signInUrl="/sign-in"
          onAccepted={({ user, session }) => {
            if (session) {
              keepSignedIn(session, user)
              // Signed in: straight into the product, where a new technician's customers would be.
              navigate('/customers', { replace: true })
            } else setAccepted(true)
          }}
        />
      )}
      {accepted ? (
        <Link href="/settings/users" className="relai-button">
          {t('accept.toSettings')}
        </Link>
      ) : null}
    </>
  )
}
