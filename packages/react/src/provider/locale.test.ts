import { describe, expect, it } from 'vitest'
import { localeFromAcceptLanguage, matchLocale } from './locale'

describe('given an Accept-Language header', () => {
  it.each([
    ['fr-FR,fr;q=0.9,en-US;q=0.8,en;q=0.7', 'fr'],
    ['fr-CA', 'fr'],
    ['de-DE, en;q=0.5', 'en'],
    ['en;q=0.2, fr;q=0.9', 'fr'],
    ['de, es;q=0.8, fr;q=0.1', 'fr'],
    ['en-GB, fr', 'en'],
  ])('renders %s in %s', (header, locale) => {
    expect(localeFromAcceptLanguage(header)).toBe(locale)
  })

  it('falls back when Usher speaks none of its languages, or the header is missing', () => {
    expect(localeFromAcceptLanguage('de-DE,de;q=0.9')).toBe('en')
    expect(localeFromAcceptLanguage('fr;q=0, de')).toBe('en')
    expect(localeFromAcceptLanguage(null, 'fr')).toBe('fr')
    expect(localeFromAcceptLanguage('*', 'fr')).toBe('fr')
  })

  it('matches a single tag on its primary language', () => {
    expect(matchLocale('FR_be')).toBe('fr')
    expect(matchLocale('pt-BR')).toBeNull()
    expect(matchLocale(undefined)).toBeNull()
  })
})
