/**
 * How the users list reads its search box (`q`). The server turns these terms into indexed
 * prefix conditions; the story mocks and any in-memory list call `userMatchesSearch`, so both
 * find the same people for the same text.
 */
import { normalizeEmail } from './email'

/**
 * Lowercase, accents stripped, every apostrophe typed as ', hyphens and spaces folded into one
 * space: "Élodie  d’Ornano" and "elodie d'ornano" meet, "jean baptiste" finds "Jean-Baptiste".
 */
export function foldForSearch(value: string): string {
  return value
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[\u2018\u2019\u02bc\u0060\u00b4]/g, "'")
    .replace(/[\s\u2010-\u2015-]+/g, ' ')
    .trim()
}

/** What a search text asks for; each term is matched as a prefix. */
export interface UserSearchTerms {
  /**
   * The folded text, matched against the first name, the last name and "first last"; null when
   * the text can only be an email domain ("@durand.example").
   */
  name: string | null
  /** The normalised text, matched against the whole address; null as for `name`. */
  email: string | null
  /**
   * The part after the `@` of the address: set when the text looks like a domain ("durand.example",
   * "@durand.example", "@durand"), so an administrator finds a whole company by its address.
   */
  domain: string | null
}

/**
 * The terms of a search text, or null for a blank one (no search). A text with a dot and no space
 * or `@` inside may be a domain as well as a name or address start ("jean.dupont" still finds
 * jean.dupont@…); a leading `@` asks for the domain only.
 */
export function userSearchTerms(q: string | null | undefined): UserSearchTerms | null {
  const text = q?.trim() ?? ''
  if (text === '') return null
  if (text.startsWith('@')) {
    const domain = normalizeEmail(text.slice(1))
    // "@" alone is everyone's domain: no narrowing, as a blank search.
    if (domain === '') return null
    return { name: null, email: null, domain }
  }
  const email = normalizeEmail(text)
  const looksLikeDomain = email.includes('.') && !/[\s@]/.test(email)
  return { name: foldForSearch(text), email, domain: looksLikeDomain ? email : null }
}

/** The domain of an address, as `userSearchTerms` matches it: after the last `@`. */
export function emailDomain(email: string): string {
  const at = email.lastIndexOf('@')
  return at < 0 ? '' : normalizeEmail(email.slice(at + 1))
}

/** Whether a person is found by a search text (always, for a blank one). */
export function userMatchesSearch(
  person: { firstName: string; lastName: string; email: string },
  q: string | null | undefined,
): boolean {
  const terms = userSearchTerms(q)
  if (!terms) return true
  if (terms.domain !== null && emailDomain(person.email).startsWith(terms.domain)) return true
  if (terms.email !== null && normalizeEmail(person.email).startsWith(terms.email)) return true
  if (terms.name === null) return false
  const first = foldForSearch(person.firstName)
  const last = foldForSearch(person.lastName)
  return [first, last, `${first} ${last}`.trim()].some((field) => field.startsWith(terms.name as string))
}
