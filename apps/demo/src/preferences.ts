import { useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type { DemoLocale } from './i18n'

export type ThemeChoice = 'light' | 'dark' | 'system'

const LOCALE_KEY = 'relai.locale'
const THEME_KEY = 'relai.theme'

function read(key: string): string | null {
  try {
    return window.localStorage.getItem(key)
  } catch {
    return null // storage blocked (private mode, sandbox): the choice lasts for this page only
  }
}

function write(key: string, value: string) {
  try {
    window.localStorage.setItem(key, value)
  } catch {
    // see read()
  }
}

function initialLocale(): DemoLocale {
  const saved = read(LOCALE_KEY)
  if (saved === 'en' || saved === 'fr') return saved
  return navigator.language.toLowerCase().startsWith('fr') ? 'fr' : 'en'
}

export function useLocalePreference(): [DemoLocale, (locale: DemoLocale) => void] {
  const [locale, setLocale] = useState(initialLocale)
  useEffect(() => {
    document.documentElement.lang = locale
  }, [locale])
  const choose = useCallback((next: DemoLocale) => {
    write(LOCALE_KEY, next)
    setLocale(next)
  }, [])
  return [locale, choose]
}

const darkQuery = () => window.matchMedia('(prefers-color-scheme: dark)')

function subscribeToSystemTheme(onChange: () => void) {
  const query = darkQuery()
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}

/** The chosen theme and the one in effect (`system` resolved through the OS setting, live). */
export function useThemePreference(): [ThemeChoice, 'light' | 'dark', (theme: ThemeChoice) => void] {
  const [theme, setTheme] = useState<ThemeChoice>(() => {
    const saved = read(THEME_KEY)
    return saved === 'light' || saved === 'dark' ? saved : 'system'
  })
  const systemDark = useSyncExternalStore(subscribeToSystemTheme, () => darkQuery().matches)
  const resolved = theme === 'system' ? (systemDark ? 'dark' : 'light') : theme
  useEffect(() => {
    // The host's chrome reads it from <html>; index.html sets it before the first paint.
    document.documentElement.dataset.theme = resolved
  }, [resolved])
  const choose = useCallback((next: ThemeChoice) => {
    write(THEME_KEY, next)
    setTheme(next)
  }, [])
  return [theme, resolved, choose]
}
