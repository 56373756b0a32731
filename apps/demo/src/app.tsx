import type { QueryClient } from '@tanstack/react-query'
import { UsherProvider } from '@usher/react'
import { createUsherClient } from '@usher/sdk'
import { useEffect, useMemo } from 'react'
import { AppHeader } from './chrome/app-header'
import { PublicLayout } from './chrome/public-layout'
import { createDemoTranslator, DemoI18nContext } from './i18n'
import { AcceptInvitationPage } from './pages/accept-invitation-page'
import { LegalPage } from './pages/legal-page'
import { ResetPasswordPage } from './pages/reset-password-page'
import { SignInPage } from './pages/sign-in-page'
import { useLocalePreference, useThemePreference } from './preferences'
import { navigate, useLocation } from './router'
import { SettingsArea } from './settings-area'

// The pages an email opens, and the sign-in, are public: their calls carry no token.
const publicClient = createUsherClient({ baseUrl: '/api/usher' })

export function App({ queryClient }: { queryClient: QueryClient }) {
  const [locale, setLocale] = useLocalePreference()
  const [theme, resolvedTheme, setTheme] = useThemePreference()
  const i18n = useMemo(() => ({ locale, t: createDemoTranslator(locale) }), [locale])
  const { pathname } = useLocation()

  useEffect(() => {
    if (pathname === '/' || pathname === '/settings') navigate('/settings/users', { replace: true })
  }, [pathname])

  const preferences = { locale, onLocaleChange: setLocale, theme, onThemeChange: setTheme }
  // The links in the emails lead here: pages for someone who is not signed in.
  const publicPage =
    pathname === '/accept-invitation' ? (
      <AcceptInvitationPage />
    ) : pathname === '/reset-password' ? (
      <ResetPasswordPage />
    ) : pathname === '/sign-in' ? (
      <SignInPage />
    ) : pathname === '/terms' || pathname === '/privacy' ? (
      <LegalPage page={pathname === '/terms' ? 'terms' : 'privacy'} />
    ) : null

  return (
    <DemoI18nContext.Provider value={i18n}>
      {publicPage ? (
        <UsherProvider client={publicClient} queryClient={queryClient} locale={locale} theme={resolvedTheme}>
          <PublicLayout header={<AppHeader {...preferences} />}>{publicPage}</PublicLayout>
        </UsherProvider>
      ) : (
        <SettingsArea
          queryClient={queryClient}
          pathname={pathname}
          resolvedTheme={resolvedTheme}
          preferences={preferences}
        />
      )}
    </DemoI18nContext.Provider>
  )
}
