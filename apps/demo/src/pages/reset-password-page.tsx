import { PasswordResetForm } from '@usher/react'
import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'
import { navigate, useLocation } from '../router'
import { useKeepSignedIn } from '../signed-in-session'

/**
 * Where the password reset (and activation) emails lead, and "Forgot your password?" without a
 * token: Usher's PasswordResetForm. Saving the password signs in; the demo keeps that session and
 * opens Customers.
 */
export function ResetPasswordPage() {
  const { t } = useDemoI18n()
  const keepSignedIn = useKeepSignedIn()
  const token = new URLSearchParams(useLocation().search).get('token') ?? undefined
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
          // Signed in: into the product, as after accepting an invitation.
          navigate('/customers', { replace: true })
        }}
      />
    </>
  )
}
