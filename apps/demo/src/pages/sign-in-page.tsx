import { SignInForm } from '@usher/react'
import { PageHeading } from '../chrome/page-heading'
import { useDemoI18n } from '../i18n'
import { navigate } from '../router'
import { useKeepSignedIn } from '../signed-in-session'

/**
 * Usher's built-in sign-in. The session it answers is a bearer token Usher accepts: the demo uses
 * it in place of the account switch's tokens until "Sign out".
 */
export function SignInPage() {
  const { t } = useDemoI18n()
  const keepSignedIn = useKeepSignedIn()
  return (
    <>
      <PageHeading title={t('signIn.title')}>{t('signIn.intro')}</PageHeading>
      <SignInForm
        forgotPasswordUrl="/reset-password"
        onSignedIn={({ session, user }) => {
          keepSignedIn(session, user)
          // Signed in: into the product, as after accepting an invitation or a reset.
          navigate('/customers')
        }}
      />
    </>
  )
}
