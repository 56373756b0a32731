/**
 * Email rules. Addresses are unique per organization and compared case-insensitively: we store
 * and compare the normalised form, and keep no other copy.
 */

/** Trims, applies Unicode NFC and lowercases the whole address. */
export function normalizeEmail(email: string): string {
  return email.trim().normalize('NFC').toLowerCase()
}

/** The longest address SMTP carries (RFC 5321: a 256-octet path minus its angle brackets). */
export const EMAIL_MAX_LENGTH = 254

// The local part as people's addresses have it, Unicode included (RFC 6531): no white space,
// control character, quote or separator, and dots only between characters.
const LOCAL_PART = /^(?!\.)(?!.*\.\.)[^\s\p{Cc}@"<>()[\]\\,;:]{1,64}(?<!\.)$/u
// One label of a domain: letters of any script, digits and inner hyphens (IDNA), up to 63.
const DOMAIN_LABEL = /^(?!-)[\p{L}\p{M}\p{Nd}-]{1,63}(?<!-)$/u
// The top-level label: letters (`fr`, `рф`), or its ASCII (punycode) form `xn--p1ai`. No digits:
// `10.0.0.1` and `host.123` are not mail domains.
const TOP_LEVEL_LABEL = /^(?:[\p{L}\p{M}]{2,63}|xn--[a-z0-9-]{1,59})$/iu

/**
 * Whether `email` is an address a person can receive mail at: a local part, `@`, and a domain of
 * at least two labels whose last one is a top-level domain (`a@b` and `jeanne.roy@exemple` are
 * not). Internationalised addresses pass: `élodie@exemple.fr`, `x@bücher.de`, and their punycode
 * forms (`x@xn--bcher-kva.de`). Surrounding spaces are not trimmed here: the schema trims.
 * @example isValidEmail('jeanne.roy@exemple.fr') // true
 */
export function isValidEmail(email: string): boolean {
  if (email.length > EMAIL_MAX_LENGTH) return false
  const at = email.lastIndexOf('@')
  if (at <= 0) return false
  const local = email.slice(0, at)
  const domain = email.slice(at + 1)
  if (!LOCAL_PART.test(local) || domain.length > 253) return false
  const labels = domain.split('.')
  const top = labels[labels.length - 1] as string
  if (labels.length < 2 || !TOP_LEVEL_LABEL.test(top)) return false
  return labels.every((label) => DOMAIN_LABEL.test(label))
}

export function emailsEqual(a: string, b: string): boolean {
  return normalizeEmail(a) === normalizeEmail(b)
}

/**
 * Pairs `[index, firstIndex]` for every entry whose address repeats an earlier one (compared
 * normalised). Non-strings are skipped: they fail validation on their own.
 */
export function duplicateEmailIndexes(emails: readonly unknown[]): Array<[number, number]> {
  const seen = new Map<string, number>()
  const out: Array<[number, number]> = []
  emails.forEach((email, index) => {
    if (typeof email !== 'string' || email.trim() === '') return
    const key = normalizeEmail(email)
    const first = seen.get(key)
    if (first === undefined) seen.set(key, index)
    else out.push([index, first])
  })
  return out
}

/** The part before the last `@`, or '' for a string that is no address. */
export function emailLocalPart(email: string): string {
  const at = email.lastIndexOf('@')
  return at <= 0 ? '' : email.slice(0, at)
}

/**
 * Shared department mailboxes that cannot hold a person's account ("maintenance@...", "support@...").
 * An organization may replace the list in its settings. English and French names, since our
 * administrators work in both.
 */
export const DEFAULT_REFUSED_MAILBOXES = [
  'abuse',
  'accounting',
  'accounts',
  'accueil',
  'admin',
  'administrator',
  'billing',
  'commercial',
  'compta',
  'comptabilite',
  'contact',
  'direction',
  'facturation',
  'hello',
  'help',
  'helpdesk',
  'hostmaster',
  'info',
  'infos',
  'maintenance',
  'marketing',
  'noreply',
  'no-reply',
  'office',
  'postmaster',
  'rh',
  'sales',
  'secretariat',
  'security',
  'service',
  'support',
  'team',
  'technique',
  'webmaster',
] as const

/** Why a shared mailbox is refused, in the API's words (clients show their own, by its code). */
export const SHARED_MAILBOX_MESSAGE =
  'Shared department mailboxes cannot hold a person’s account; enter a person’s own address.'

const ASCII = /^[ -~]*$/
/** Folds `No_Reply`, `no.reply` and `noreply+tickets` onto one key, so one list entry covers them. */
function mailboxKey(localPart: string): string {
  const plus = localPart.indexOf('+')
  const base = plus === -1 ? localPart : localPart.slice(0, plus)
  // Accents folded (`contact` = `contàct`); printable ASCII has none to fold, and most parts are.
  const folded = ASCII.test(base) ? base : base.normalize('NFD').replace(/\p{M}/gu, '')
  return folded.toLowerCase().replace(/[._-]/g, '')
}

/**
 * True when the address is a shared mailbox from `refused` (default: DEFAULT_REFUSED_MAILBOXES).
 * Only the local part counts: `support@acme.fr` is refused, `jean.support@acme.fr` is not.
 */
export function isRefusedMailbox(
  email: string,
  refused: readonly string[] = DEFAULT_REFUSED_MAILBOXES,
): boolean {
  const key = mailboxKey(emailLocalPart(normalizeEmail(email)))
  if (!key) return false
  return refusedKeys(refused).has(key)
}

/**
 * The folded keys of a list, computed once per list: an import checks every row against the same
 * list, and folding each entry again for each address was most of the row check's time. Found by
 * the list's identity first, checked entry by entry (a list edited in place gets new keys), then by
 * its content (the same entries in another array), bounded.
 */
const keysOfArray = new WeakMap<readonly string[], { entries: string[]; keys: ReadonlySet<string> }>()
const keysOfList = new Map<string, ReadonlySet<string>>()
function refusedKeys(refused: readonly string[]): ReadonlySet<string> {
  const known = keysOfArray.get(refused)
  if (known && known.entries.length === refused.length && known.entries.every((e, i) => e === refused[i])) {
    return known.keys
  }
  const id = refused.join('\n')
  let keys = keysOfList.get(id)
  if (!keys) {
    if (keysOfList.size >= 32) keysOfList.clear()
    keys = new Set(refused.map(mailboxKey))
    keysOfList.set(id, keys)
  }
  keysOfArray.set(refused, { entries: [...refused], keys })
  return keys
}
