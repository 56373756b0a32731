import type { Locale } from '../i18n/types'

const UNITS: Array<[Intl.RelativeTimeFormatUnit, number]> = [
  ['year', 365 * 86_400_000],
  ['month', 30 * 86_400_000],
  ['day', 86_400_000],
  ['hour', 3_600_000],
  ['minute', 60_000],
]

/** "in 3 days", "2 hours ago" — "dans 3 jours", "il y a 2 heures". */
export function formatRelative(date: string | Date, now: Date, locale: Locale): string {
  const diff = new Date(date).getTime() - now.getTime()
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' })
  for (const [unit, ms] of UNITS) {
    if (Math.abs(diff) >= ms || unit === 'minute') return format.format(Math.round(diff / ms), unit)
  }
  return format.format(0, 'minute')
}

/** A date as people read it: "23 Nov 2026" / "23 nov. 2026". */
export function formatDate(date: string | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { dateStyle: 'medium' }).format(
    new Date(date),
  )
}

export function formatDateTime(date: string | Date, locale: Locale): string {
  return new Intl.DateTimeFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', {
    dateStyle: 'medium',
    timeStyle: 'short',
  }).format(new Date(date))
}
