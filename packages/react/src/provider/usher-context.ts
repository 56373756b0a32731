import type { UsherClient } from '@usher/sdk'
import { createContext, useContext } from 'react'
import type { Translate } from '../i18n/translate'
import type { Locale, Messages } from '../i18n/types'

export interface UsherContextValue {
  client: UsherClient
  locale: Locale
  messages: Messages
  t: Translate
  /** Where dialogs, menus and tooltips render: inside the provider's root, so theme and host styles apply. */
  portalContainer: HTMLElement | null
  /** The clock for "expires in N days": tests and stories pin it. */
  now: () => Date
}

export const UsherContext = createContext<UsherContextValue | null>(null)

/** The provider's values; throws a clear error outside `<UsherProvider>`. */
export function useUsherContext(): UsherContextValue {
  const value = useContext(UsherContext)
  if (!value) throw new Error('Usher components and hooks must be used inside <UsherProvider>.')
  return value
}

/** The active translator: `const t = useT(); t('status.active')`. */
export const useT = (): Translate => useUsherContext().t

/** The UsherClient the provider was given. */
export const useUsherClient = (): UsherClient => useUsherContext().client
