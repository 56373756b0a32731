/**
 * Time zones: an organization's times (an invitation's expiry in a mail) are written in its
 * zone, an IANA name such as "Europe/Paris". The French-speaking consoles our administrators come
 * from work on Paris time, hence the default; an organization elsewhere sets its own.
 */

/** The zone of an organization that has not chosen one. */
export const DEFAULT_TIME_ZONE = 'Europe/Paris'

// Region/City names, "UTC" and the Etc/ zones; offsets such as "+01:00" are no IANA name (they
// ignore summer time), so they are refused even where the runtime would accept them.
const IANA_NAME = /^(?:[A-Za-z][A-Za-z0-9_+-]*)(?:\/[A-Za-z0-9][A-Za-z0-9_+-]*){0,2}$/

/**
 * The canonical spelling of an IANA time zone name ("europe/paris" → "Europe/Paris"), or null for
 * a name the runtime's time zone database does not know.
 */
export function canonicalTimeZone(name: string): string | null {
  const trimmed = name.trim()
  if (trimmed.length > 64 || !IANA_NAME.test(trimmed)) return null
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: trimmed }).resolvedOptions().timeZone
  } catch {
    return null
  }
}

/** Whether `name` is an IANA time zone this runtime can write times in. */
export const isValidTimeZone = (name: string): boolean => canonicalTimeZone(name) !== null
