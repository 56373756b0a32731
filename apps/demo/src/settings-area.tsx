import { type QueryClient, useQuery } from '@tanstack/react-query'
import { UsherProvider, usherKeys } from '@usher/react'
import { createUsherClient } from '@usher/sdk'
import { type ReactNode, useEffect, useMemo, useState } from 'react'
import type { DemoAccountSummary, DemoAccountsResponse, DemoOrganizationSummary } from '../server/api-types'
import { AccountSwitch } from './chrome/account-switch'
import { AppHeader, type AppHeaderProps } from './chrome/app-header'
import { MembershipSwitch } from './chrome/membership-switch'
import { SettingsNav } from './chrome/settings-nav'
import { createTokenSource, demoApi } from './demo-api'
import { type DemoLocale, useDemoI18n } from './i18n'
import { AccessReviewPage } from './pages/access-review-page'
import { ActivityPage } from './pages/activity-page'
import { CustomersPage } from './pages/customers-page'
import { DirectorySyncPage } from './pages/directory-sync-page'
import { GroupsPage } from './pages/groups-page'
import { InvitePage } from './pages/invite-page'
import { NotFoundPage } from './pages/not-found-page'
import { OrganizationPage } from './pages/organization-page'
import { OutboxPage } from './pages/outbox-page'
import { UsersPage } from './pages/users-page'
import { Link } from './router'
import { type SignedInSession, signOut, useSignedIn } from './signed-in-session'

const ACCOUNT_KEY = 'relai.account'

export interface SettingsAreaProps {
  queryClient: QueryClient
  pathname: string
  resolvedTheme: 'light' | 'dark'
  preferences: Omit<AppHeaderProps, 'children'>
}

interface Current {
  organization: DemoOrganizationSummary
  account: DemoAccountSummary
}

/** The saved account when it is still offered; else the owner of the organization in the UI's language. */
function pickAccount(data: DemoAccountsResponse | undefined, userId: string | null, locale: DemoLocale) {
  if (!data) return null
  for (const organization of data.organizations) {
    const account = organization.accounts.find((a) => a.userId === userId)
    if (account) return { organization, account }
  }
  const organization =
    data.organizations.find((org) => org.locale === locale && org.accounts.length) ??
    data.organizations.find((org) => org.accounts.length)
  const account = organization?.accounts[0]
  return organization && account ? { organization, account } : null
}

function savedAccount(): string | null {
  try {
    return window.localStorage.getItem(ACCOUNT_KEY)
  } catch {
    return null
  }
}

function saveAccount(userId: string, setUserId: (userId: string) => void) {
  try {
    window.localStorage.setItem(ACCOUNT_KEY, userId)
  } catch {
    // storage blocked: the choice lasts for this page
  }
  setUserId(userId)
}

/**
 * The signed-in part of the product. What a host does around Usher: its backend signs a token for
 * the person (here: whoever the account switch names), the SDK client carries it, and the provider
 * gives the components that client, the host's query cache, language and theme.
 */
export function SettingsArea({ queryClient, pathname, resolvedTheme, preferences }: SettingsAreaProps) {
  const { t, locale } = useDemoI18n()
  const [userId, setUserId] = useState(savedAccount)
  const accounts = useQuery({ queryKey: ['demo', 'accounts'], queryFn: demoApi.accounts })
  const current: Current | null = pickAccount(accounts.data, userId, locale)
  const currentUserId = current?.account.userId
  // The first pick stays (also across the email pages), or a change of language would sign in
  // as someone else.
  useEffect(() => {
    if (currentUserId && currentUserId !== userId) saveAccount(currentUserId, setUserId)
  }, [currentUserId, userId])

  // A session from Usher's built-in sign-in (sign-in page, accepted invitation, reset) replaces
  // the account switch until "Sign out".
  const signedIn = useSignedIn()
  const session = useQuery({
    queryKey: ['demo', 'session', currentUserId],
    queryFn: () => demoApi.session(currentUserId ?? ''),
    enabled: Boolean(currentUserId) && !signedIn,
    // The token source refreshes the token itself; this query only makes the first one.
    staleTime: Number.POSITIVE_INFINITY,
  })
  const signedInToken = signedIn?.token
  const client = useMemo(
    () =>
      signedInToken
        ? createUsherClient({ baseUrl: '/api/usher', token: signedInToken })
        : session.data
          ? createUsherClient({ baseUrl: '/api/usher', token: createTokenSource(session.data) })
          : null,
    [signedInToken, session.data],
  )
  const signedInOrg = useSignedInOrganization(signedIn, client, locale)

  const endSession = () => {
    // Back to the account switch's person: nothing cached for the signed-in one may leak across.
    queryClient.removeQueries({ queryKey: usherKeys.all })
    signOut()
  }

  const switchAccount = (nextUserId: string) => {
    // The same person again (the same organization picked twice): removing the queries of a
    // provider that stays mounted would leave its components waiting on queries that are gone.
    if (nextUserId === currentUserId) return
    // Another person sees other users, groups and permissions: nothing cached may leak across.
    queryClient.removeQueries({ queryKey: usherKeys.all })
    saveAccount(nextUserId, setUserId)
  }

  let body: ReactNode
  if (signedIn && client) {
    body = signedInOrg.data ? (
      <SignedInBody
        key={`session:${signedIn.userId}`}
        client={client}
        queryClient={queryClient}
        locale={locale}
        theme={resolvedTheme}
        pathname={pathname}
        organization={signedInOrg.data}
      />
    ) : signedInOrg.isError ? (
      <div className="relai-boot" role="alert">
        <p>{t('boot.unreachable')}</p>
        <p className="relai-muted">{signedInOrg.error.message}</p>
        <button type="button" className="relai-button" onClick={endSession}>
          {t('signIn.signOut')}
        </button>
      </div>
    ) : (
      <div className="relai-boot" role="status">
        {t('boot.signingIn', { name: signedIn.name })}
      </div>
    )
  } else if (accounts.isError || session.isError) {
    body = (
      <div className="relai-boot" role="alert">
        <p>{t('boot.unreachable')}</p>
        <p className="relai-muted">{(accounts.error ?? session.error)?.message}</p>
        <button
          type="button"
          className="relai-button"
          onClick={() => (accounts.isError ? accounts.refetch() : session.refetch())}
        >
          {t('boot.retry')}
        </button>
      </div>
    )
  } else if (accounts.data && !current) {
    body = (
      <div className="relai-boot" role="alert">
        {t('boot.noAccounts')}
      </div>
    )
  } else if (!current || !client || session.data?.userId !== currentUserId) {
    body = (
      <div className="relai-boot" role="status">
        {current ? t('boot.signingIn', { name: current.account.name }) : t('boot.loading')}
      </div>
    )
  } else {
    body = (
      <SignedInBody
        // A fresh provider per person: its portal, its components' local state.
        key={current.account.userId}
        client={client}
        queryClient={queryClient}
        locale={locale}
        theme={resolvedTheme}
        pathname={pathname}
        organization={current.organization}
      />
    )
  }

  return (
    <div className="relai-app">
      <a className="relai-skip-link" href="#relai-main">
        {t('skipToContent')}
      </a>
      <AppHeader {...preferences}>
        {signedIn ? (
          <div className="relai-account-switch">
            {client ? <MembershipSwitch client={client} organizationId={signedInOrg.data?.id} /> : null}
            <span>{t('signIn.signedInAs', { name: signedIn.name })}</span>
            <button type="button" className="relai-button" onClick={endSession}>
              {t('signIn.signOut')}
            </button>
          </div>
        ) : accounts.data && current ? (
          <>
            <AccountSwitch
              organizations={accounts.data.organizations}
              organizationId={current.organization.id}
              userId={current.account.userId}
              onSwitch={switchAccount}
            />
            <Link href="/sign-in" className="relai-button" data-variant="ghost">
              {t('signIn.link')}
            </Link>
          </>
        ) : null}
      </AppHeader>
      {body}
    </div>
  )
}

/**
 * The signed-in part for one person, whichever way they signed in (account switch or built-in
 * sign-in): Usher's provider with that person's client, the menu and the page.
 */
function SignedInBody({
  client,
  queryClient,
  locale,
  theme,
  pathname,
  organization,
}: {
  client: ReturnType<typeof createUsherClient>
  queryClient: QueryClient
  locale: DemoLocale
  theme: 'light' | 'dark'
  pathname: string
  organization: DemoOrganizationSummary
}) {
  return (
    <UsherProvider client={client} queryClient={queryClient} locale={locale} theme={theme}>
      <div className="relai-body">
        <SettingsNav pathname={pathname} />
        <main id="relai-main" className="relai-main">
          <Page pathname={pathname} organization={organization} />
        </main>
      </div>
    </UsherProvider>
  )
}

/** The organization of a signed-in session, from `me` (the person may be no seeded persona). */
function useSignedInOrganization(
  signedIn: SignedInSession | null,
  client: ReturnType<typeof createUsherClient> | null,
  locale: DemoLocale,
) {
  return useQuery({
    queryKey: ['demo', 'signed-in-organization', signedIn?.token],
    queryFn: async (): Promise<DemoOrganizationSummary> => {
      const me = await (client as ReturnType<typeof createUsherClient>).me.get()
      const { id, slug, name } = me.organization
      return { id, slug, name, locale, accounts: [] }
    },
    enabled: Boolean(signedIn && client),
    retry: false,
  })
}

export function Page({
  pathname,
  organization,
}: {
  pathname: string
  organization: DemoOrganizationSummary
}) {
  switch (pathname) {
    case '/':
    case '/settings':
    case '/settings/users':
      return <UsersPage organizationName={organization.name} />
    case '/customers':
      return <CustomersPage />
    case '/settings/invite':
      return <InvitePage />
    case '/settings/groups':
      return <GroupsPage />
    case '/settings/access-review':
      return <AccessReviewPage />
    case '/settings/directory-sync':
      return <DirectorySyncPage />
    case '/settings/organization':
      return <OrganizationPage />
    case '/settings/activity':
      return <ActivityPage />
    case '/settings/outbox':
      return <OutboxPage organization={organization} />
    default:
      return <NotFoundPage />
  }
}
