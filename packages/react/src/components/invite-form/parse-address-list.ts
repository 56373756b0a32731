import { normalizeEmail } from '@usher/contract/rules'

/**
 * One entry of a pasted list: a person to add as a row, or a piece of text that is no address.
 * Invalid entries are kept (the form shows them as rows with an error) rather than dropped, so
 * nothing the administrator pasted silently disappears.
 */
export type PastedEntry =
  | { kind: 'address'; email: string; firstName: string; lastName: string; source: string }
  | { kind: 'invalid'; source: string }

// The shape of an address only: one `@` with something on both sides and nothing that separates
// entries. Whether it is a valid address is the contract's call, made by the form's schema.
const ADDRESS = /^[^\s@<>",;()]+@[^\s@<>",;()]+$/u
const MAILTO = /^mailto:/iu

const isAddress = (word: string) => ADDRESS.test(word.replace(MAILTO, ''))

/**
 * Splits pasted text into entries: newlines, commas and semicolons separate them, except inside
 * double quotes (`"Dupont, Jean" <jean@acme.fr>`) and angle brackets. A newline always ends an
 * entry, so one unbalanced quote cannot swallow the rest of the list.
 */
export function splitAddressList(text: string): string[] {
  const tokens: string[] = []
  let current = ''
  let quoted = false
  let angled = false
  const end = () => {
    tokens.push(current)
    current = ''
    quoted = false
    angled = false
  }
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string
    if (char === '\n' || char === '\r') {
      end()
      continue
    }
    if (quoted && char === '\\' && i + 1 < text.length) {
      current += char + text[i + 1]
      i++
      continue
    }
    if (char === '"') quoted = !quoted
    else if (!quoted && char === '<') angled = true
    else if (!quoted && char === '>') angled = false
    else if (!quoted && !angled && (char === ',' || char === ';')) {
      end()
      continue
    }
    current += char
  }
  end()
  return tokens.map((token) => token.trim()).filter((token) => token !== '')
}

/** `"Dupont, Jean"` → `Dupont, Jean`; `'Jean'` → `Jean`; `\"` → `"`. */
function unquote(name: string): string {
  let out = name.trim()
  const first = out[0]
  if (out.length >= 2 && (first === '"' || first === "'") && out.endsWith(first)) out = out.slice(1, -1)
  return out.replace(/\\(.)/gu, '$1').replace(/\s+/gu, ' ').trim()
}

const isUpperWord = (word: string) => /\p{L}/u.test(word) && word === word.toLocaleUpperCase('fr')

/**
 * First and last name from a display name: `Last, First` when there is a comma; French directories'
 * `DUPONT Jean` (leading capitals are the last name); otherwise the first word is the first name.
 * A display name that is an address (Outlook repeats the address) gives no name.
 */
export function splitDisplayName(display: string): { firstName: string; lastName: string } {
  const name = unquote(display)
    .replace(/^\(|\)$/gu, '')
    .trim()
  if (name === '' || name.includes('@')) return { firstName: '', lastName: '' }
  const comma = name.indexOf(',')
  if (comma !== -1) {
    return { firstName: name.slice(comma + 1).trim(), lastName: name.slice(0, comma).trim() }
  }
  const words = name.split(' ')
  if (words.length === 1) return { firstName: name, lastName: '' }
  let capitals = 0
  while (capitals < words.length && isUpperWord(words[capitals] as string)) capitals++
  const leading = words.slice(0, capitals)
  // Initials ("JP Martin") are not a last name: ask for three capital letters at least.
  if (capitals > 0 && capitals < words.length && leading.join('').replace(/\P{L}/gu, '').length >= 3) {
    return { firstName: words.slice(capitals).join(' '), lastName: leading.join(' ') }
  }
  return { firstName: words[0] as string, lastName: words.slice(1).join(' ') }
}

const NO_NAME = { firstName: '', lastName: '' }

/** A name part of an address: letters, with inner hyphens (jean-pierre). */
const NAME_PART = /^\p{L}{2,}(?:-\p{L}{2,})*$/u
const capitalize = (part: string) =>
  part
    .split('-')
    .map((word) => word.charAt(0).toLocaleUpperCase('fr') + word.slice(1).toLocaleLowerCase('fr'))
    .join('-')

/**
 * The name an address suggests when it is written `first.last@` or `first_last@` (a `+tag` left
 * out): `julie.blanc@acme.fr` → Julie Blanc. Anything else (`jdupont@`, `j.dupont@`,
 * `support@`) suggests nothing: a guess is offered only where the address spells the name out,
 * and the form lets it be corrected.
 */
export function nameFromAddress(email: string): { firstName: string; lastName: string } {
  const local = (email.split('@')[0] ?? '').split('+')[0] ?? ''
  const parts = local.split(/[._]/u)
  if (parts.length !== 2 || !parts.every((part) => NAME_PART.test(part))) return NO_NAME
  return { firstName: capitalize(parts[0] as string), lastName: capitalize(parts[1] as string) }
}

const address = (email: string, name: { firstName: string; lastName: string }, source: string) => {
  const clean = email.replace(MAILTO, '')
  // No name given beside the address: the address may spell it out.
  const named = name.firstName || name.lastName ? name : nameFromAddress(clean)
  return { kind: 'address', email: clean, ...named, source } as const
}

/** The entries of one token: usually one; `a@x.fr b@x.fr` (space separated) gives two. */
function parseToken(token: string): PastedEntry[] {
  const angle = /^(.*)<\s*([^<>]*?)\s*>$/su.exec(token)
  if (angle) {
    const email = (angle[2] as string).replace(MAILTO, '')
    if (!isAddress(email)) return [{ kind: 'invalid', source: token }]
    return [address(email, splitDisplayName(angle[1] as string), token)]
  }
  // Spreadsheet rows pasted from Excel or LibreOffice: cells separated by tabs.
  if (token.includes('\t')) {
    const cells = token
      .split('\t')
      .map((cell) => cell.trim())
      .filter(Boolean)
    const at = cells.findIndex(isAddress)
    if (at === -1) return [{ kind: 'invalid', source: token }]
    const names = cells.filter((_, i) => i !== at)
    const name =
      names.length === 1
        ? splitDisplayName(names[0] as string)
        : { firstName: names[0] ?? '', lastName: names.slice(1).join(' ') }
    return [address(cells[at] as string, name, token)]
  }
  const words = token.split(/\s+/u)
  const addresses = words.filter(isAddress)
  if (addresses.length === 0) return [{ kind: 'invalid', source: token }]
  if (addresses.length === words.length) return addresses.map((email) => address(email, NO_NAME, email))
  if (addresses.length > 1) return [{ kind: 'invalid', source: token }]
  // `Jean Dupont jean@acme.fr` or `jean@acme.fr (Jean Dupont)`.
  const rest = words.filter((word) => !isAddress(word)).join(' ')
  return [address(addresses[0] as string, splitDisplayName(rest), token)]
}

/**
 * Reads a pasted list of addresses: one per line, or separated by commas or semicolons, each as a
 * bare address, `Name <address>`, `"Last, First" <address>`, `Name address`, or a spreadsheet row.
 * Entries come back in the order pasted; text that holds no address is an `invalid` entry.
 */
export function parseAddressList(text: string): PastedEntry[] {
  return splitAddressList(text).flatMap(parseToken)
}

/**
 * Drops the addresses already in the form (`existing`) or earlier in the list, compared as the
 * contract compares them (case-insensitively, normalised). Invalid entries are all kept.
 */
export function dedupeEntries(
  entries: readonly PastedEntry[],
  existing: readonly string[],
): { entries: PastedEntry[]; duplicates: number } {
  const seen = new Set(existing.filter((email) => email.trim() !== '').map(normalizeEmail))
  const kept: PastedEntry[] = []
  let duplicates = 0
  for (const entry of entries) {
    if (entry.kind === 'address') {
      const key = normalizeEmail(entry.email)
      if (seen.has(key)) {
        duplicates++
        continue
      }
      seen.add(key)
    }
    kept.push(entry)
  }
  return { entries: kept, duplicates }
}
