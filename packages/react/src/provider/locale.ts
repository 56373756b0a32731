import type { Locale } from '../i18n/types'

// No 'use client' reaches this file's build (the `@usher/react/server` entry): a Server Component
// calls these to pick the language from the request, so server and browser render the same one.

/** The languages Usher's catalogs speak. */
export const USHER_LOCALES: readonly Locale[] = ['en', 'fr']

/** 'fr-CA' → 'fr'; anything Usher has no catalog for → null. */
export function matchLocale(tag: string | null | undefined): Locale | null {
  const primary = tag?.trim().toLowerCase().split(/[-_]/)[0]
  return USHER_LOCALES.find((locale) => locale === primary) ?? null
}

/**
 * The language to render from an `Accept-Language` header: the first of the header's languages,
 * by quality, that Usher speaks; `fallback` when none is.
 * @example
 * // app/layout.tsx (a Server Component)
 * const locale = localeFromAcceptLanguage((await headers()).get('accept-language'))
 * @default fallback 'en'
 */
export function localeFromAcceptLanguage(header: string | null | undefined, fallback: Locale = 'en'): Locale {
  if (!header) return fallback
  const ranked = header
    .split(',')
    .map((part, index) => {
      const [tag = '', ...params] = part.split(';')
      const q = params.map((p) => p.trim()).find((p) => p.startsWith('q='))
      const quality = q === undefined ? 1 : Number(q.slice(2))
      return { locale: matchLocale(tag), quality: Number.isFinite(quality) ? quality : 0, index }
    })
    .filter((entry) => entry.locale !== null && entry.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.index - b.index)
  return ranked[0]?.locale ?? fallback
}
