/**
 * Person names and phone numbers, as both the forms and the server check them. Names end up in
 * invitation emails, so anything that could pass for a link or markup is refused.
 */

export const NAME_MAX_LENGTH = 100

/** Trims, folds runs of white space into one space, and applies NFC. */
export function normalizeName(name: string): string {
  return name.normalize('NFC').trim().replace(/\s+/gu, ' ')
}

// Control characters, markup and the pieces of a link or address: an invitation email
// reading "Jean <a href>" or "www.evil.example invited you" is a phishing vector.
// Zero-width (non-)joiners (U+200C, U+200D) are format characters that Persian and Indic names need.
const FORBIDDEN_IN_NAME = /[\p{Cc}<>{}[\]\\/@]|(?![\u200C\u200D])\p{Cf}|:\/\/|\bwww\./iu
// Mail clients turn a bare domain into a link ("evil.com"); refuse the common top-level domains
// glued to a word, in lower case as links are typed. "St. John", "J.R.R." and "Anne.De Villiers"
// pass. Callers cap the length first (the schemas do): this pattern is not linear on huge input.
const DOMAIN_IN_NAME =
  /[\p{L}\d-]{2,}\.(?:com|net|org|info|biz|io|co|fr|be|ch|de|uk|eu|us|ru|cn|xyz|top|app|dev|me|ly|link|site|online|shop|club)\b/u

/** Why a (normalised) name is not acceptable, or null when it is. */
export function nameProblem(name: string): 'required' | 'too_long' | 'invalid_name' | null {
  if (name.length === 0) return 'required'
  if (name.length > NAME_MAX_LENGTH) return 'too_long'
  // The domain pattern needs a dot; most names have none, and an import checks tens of thousands.
  if (FORBIDDEN_IN_NAME.test(name) || (name.includes('.') && DOMAIN_IN_NAME.test(name))) {
    return 'invalid_name'
  }
  if (!/\p{L}/u.test(name)) return 'invalid_name'
  return null
}

/** Strips the characters people type for readability: spaces, dots, dashes, brackets. */
export function normalizePhone(phone: string): string {
  const trimmed = phone.trim()
  const plus = trimmed.startsWith('+') ? '+' : ''
  return plus + trimmed.replace(/[^\d]/g, '')
}

/**
 * A phone number as people write it: optional leading `+`, digits, spaces, dots, dashes and
 * brackets, with 6 to 15 digits (E.164's maximum). Precise per-country checks belong to the host.
 */
export function isValidPhone(phone: string): boolean {
  const trimmed = phone.trim()
  if (!/^\+?[\d\s().-]+$/.test(trimmed)) return false
  const digits = trimmed.replace(/\D/g, '').length
  return digits >= 6 && digits <= 15
}
