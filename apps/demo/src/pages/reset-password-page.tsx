import { PasswordResetForm } from '@usher/react'
import { useState } from 'react'
import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'
import { Link, useLocation } from '../router'
import { useKeepSignedIn } from '../signed-in-session'

/**
 * Where the password reset (and activation) emails lead, and "Forgot your password?" without a
 * token: Usher's PasswordResetForm. Saving the password signs in; the demo keeps that session.
 */
export function ResetPasswordPage() {
  const { t } = useDemoI18n()
  const keepSignedIn = useKeepSignedIn()
  const token = new URLSearchParams(useLocation().search).get('token') ?? undefined
  const [done, setDone] = useState(false)
  return (
    <>
      <PageHeading title={t('reset.title')} />
      <PasswordResetForm
        // A new link in the same tab starts over.
        key={token ?? ''}
        token={token}
        signInUrl="/sign-in"
        onReset={({ session, user }) => {
          keepSignedIn(session, user)
          setDone(true)
        }}
      />
      {done ? (
        <Link href="/settings/users" className="relai-button">
          {t('reset.toSettings')}
        </Link>
      ) : null}
    </>
  )
}
