import { QueryClient, QueryClientProvider } from '@tanstack/react-query'
import type { UsherClient } from '@usher/sdk'
import { type ReactNode, useMemo, useState, useSyncExternalStore } from 'react'
import { catalogs, createTranslator, mergeMessages } from '../i18n/translate'
import type { Locale, MessageOverrides } from '../i18n/types'
import { matchLocale } from './locale'
import { UsherContext, type UsherContextValue } from './usher-context'

export interface UsherProviderProps {
  /**
   * The backend: `createUsherClient()` from `@usher/sdk` for the Usher API, or the host's own
   * implementation of the `UsherClient` interface.
   */
  client: UsherClient
  /**
   * The host's react-query client, to share its cache and defaults.
   * @default a client of Usher's own
   */
  queryClient?: QueryClient
  /**
   * The interface language. With server-side rendering, pass it (from the signed-in user, or
   * `localeFromAcceptLanguage()` of `@usher/react/server` on the request) so the server renders
   * the language the browser will.
   * @default the browser's language when Usher speaks it, else 'en'; while a server-rendered page
   * hydrates, 'en' (what the server rendered), then the browser's
   */
  locale?: Locale
  /**
   * Overrides of any messages, typed against the English catalog.
   * @example { status: { active: 'Enabled' } }
   */
  messages?: MessageOverrides
  /**
   * `system` follows the operating system's setting.
   * @default 'system'
   */
  theme?: 'light' | 'dark' | 'system'
  /**
   * Where dialogs, menus and tooltips render.
   * @default an element inside the provider's root
   */
  container?: HTMLElement | null
  /** Usher's root element's class, e.g. to scope host overrides. */
  className?: string
  /** The clock for relative dates ("expires in 3 days"). @default () => new Date() */
  now?: () => Date
  children?: ReactNode
}

function browserLocale(): Locale {
  return matchLocale(navigator.language) ?? 'en'
}

function onLanguageChange(notify: () => void): () => void {
  window.addEventListener('languagechange', notify)
  return () => window.removeEventListener('languagechange', notify)
}

/**
 * The browser's language, as an external store: a server render and the hydration that follows
 * both read the server snapshot ('en'), so they never differ (no hydration error); a page rendered
 * in the browser alone reads the browser's language at once.
 */
function useBrowserLocale(): Locale {
  return useSyncExternalStore(onLanguageChange, browserLocale, () => 'en')
}

const defaultNow = () => new Date()

/**
 * Gives every Usher component and hook its backend, language and theme.
 * @example
 * <UsherProvider client={createUsherClient({ baseUrl: '/api/usher', token })} locale="fr">
 *   <UserTable />
 * </UsherProvider>
 */
export function UsherProvider({
  client,
  queryClient,
  locale: localeProp,
  messages: overrides,
  theme = 'system',
  container,
  className,
  now = defaultNow,
  children,
}: UsherProviderProps) {
  const [ownQueryClient] = useState(
    () => queryClient ?? new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, retry: 1 } } }),
  )
  const [portalTarget, setPortalTarget] = useState<HTMLDivElement | null>(null)
  const browser = useBrowserLocale()
  const locale = localeProp ?? browser
  const value = useMemo<UsherContextValue>(() => {
    const messages = mergeMessages(catalogs[locale], overrides)
    return {
      client,
      locale,
      messages,
      t: createTranslator(locale, messages),
      portalContainer: container ?? portalTarget,
      now,
    }
  }, [client, locale, overrides, container, portalTarget, now])

  return (
    <QueryClientProvider client={queryClient ?? ownQueryClient}>
      <UsherContext.Provider value={value}>
        <div
          data-slot="usher-root"
          className={['usher-root', className].filter(Boolean).join(' ')}
          data-theme={theme}
          lang={locale}
        >
          {children}
          <div data-slot="usher-portal" ref={setPortalTarget} />
        </div>
      </UsherContext.Provider>
    </QueryClientProvider>
  )
}
