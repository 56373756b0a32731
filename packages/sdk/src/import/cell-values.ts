import { type LocaleKey, type RoleCatalog, type Salutation, SalutationSchema } from '@usher/contract'
import { type ImportField, looseKey } from './header-synonyms'

// The words people write in a cell for the fields with a vocabulary, in English and French. Each
// maps to the contract's value; the contract's own values are recognised as they are.

const TRUE_WORDS = /* @__PURE__ */ new Set([
  'true',
  'yes',
  'y',
  '1',
  'oui',
  'o',
  'vrai',
  'x',
  'active',
  'actif',
  'activé',
  'activée',
  'enabled',
  'activated',
])
const FALSE_WORDS = /* @__PURE__ */ new Set([
  'false',
  'no',
  'n',
  '0',
  'non',
  'faux',
  'inactive',
  'inactif',
  'désactivé',
  'désactivée',
  'disabled',
  'deactivated',
  // Google Workspace's status column: Active or Suspended.
  'suspended',
  'suspendu',
  'suspendue',
  'blocked',
  'bloqué',
  'bloquée',
])
/** Other ways of writing a salutation, by `looseKey`. */
const SALUTATION_WORDS: Readonly<Record<string, Salutation>> = {
  m: 'mr',
  monsieur: 'mr',
  mister: 'mr',
  mrs: 'ms',
  miss: 'ms',
  mme: 'ms',
  madame: 'ms',
  mlle: 'ms',
  mademoiselle: 'ms',
}
/** Other names of the built-in roles, by `looseKey`, in English and French. */
const ROLE_WORDS: Readonly<Record<string, string>> = {
  owner: 'owner',
  primaryadmin: 'owner',
  proprietaire: 'owner',
  administrateurprincipal: 'owner',
  admin: 'admin',
  administrator: 'admin',
  administrateur: 'admin',
  administratrice: 'admin',
  technician: 'technician',
  technicien: 'technician',
  technicienne: 'technician',
  tech: 'technician',
}

/**
 * Every way of writing a role of `catalog`, by `looseKey`: its key, the built-in roles' English and
 * French names, and each host role's labels in both languages. Without a catalog, the built-in
 * names only (a host role is then written by its key).
 */
export function roleWords(catalog?: RoleCatalog): ReadonlyMap<string, string> {
  const words = new Map(Object.entries(ROLE_WORDS))
  for (const key of catalog?.keys ?? []) {
    words.set(looseKey(key), key)
    for (const locale of ['en', 'fr'] as const) {
      const label = catalog?.labelOf(key, locale)
      if (label && !words.has(looseKey(label))) words.set(looseKey(label), key)
    }
  }
  return words
}

/** Names of the languages, and regional tags, by `looseKey`. */
const LOCALE_WORDS: Readonly<Record<string, LocaleKey>> = {
  english: 'en',
  anglais: 'en',
  enus: 'en',
  engb: 'en',
  french: 'fr',
  francais: 'fr',
  frfr: 'fr',
  frca: 'fr',
  frbe: 'fr',
  frch: 'fr',
}

function isSalutation(key: string): key is Salutation {
  return (SalutationSchema.options as readonly string[]).includes(key)
}

/** What a cell is read against: the organization's roles, by `looseKey`, and a cache of keys. */
export interface CellContext {
  roles: ReadonlyMap<string, string>
  /**
   * `looseKey` of the words seen so far: a column of roles, salutations or groups repeats a few
   * words over thousands of rows, and the Unicode normalisation is the costly part.
   */
  keys: Map<string, string>
}

/** `looseKey(text)`, remembered in `context.keys`. */
export function cachedKey(context: Pick<CellContext, 'keys'>, text: string): string {
  let key = context.keys.get(text)
  if (key === undefined) {
    key = looseKey(text)
    // A column of unique values (names, ids) would only fill memory: the cache stays small.
    if (context.keys.size < 10_000) context.keys.set(text, key)
  }
  return key
}

/**
 * A cell as the field expects it; undefined for an empty cell (the field is "not given"). A value
 * that cannot be converted is kept as read, for the contract's schema to reject with its message.
 * Groups are read apart (`readGroupCell`): a cell names several.
 */
export function cellValue(field: ImportField, cell: unknown, context: CellContext): unknown {
  if (cell === null || cell === undefined) return undefined
  if (typeof cell !== 'string') {
    // JSON: numbers (a phone as a number) become text; booleans and lists stay as they are.
    if (typeof cell === 'number' && field !== 'enabled') return String(cell)
    return cell
  }
  // A password is kept as typed: leading or trailing spaces may be part of it.
  if (field === 'password') return cell === '' ? undefined : cell
  const text = cell.trim()
  if (text === '') return undefined
  switch (field) {
    case 'enabled': {
      const word = text.toLowerCase()
      if (TRUE_WORDS.has(word)) return true
      if (FALSE_WORDS.has(word)) return false
      return text
    }
    case 'contactFor':
      return text
        .split(/[,;|]/)
        .map((t) => t.trim())
        .filter(Boolean)
    case 'salutation': {
      const key = cachedKey(context, text)
      return SALUTATION_WORDS[key] ?? (isSalutation(key) ? key : text)
    }
    case 'role':
      return context.roles.get(cachedKey(context, text)) ?? text
    case 'locale':
      return LOCALE_WORDS[cachedKey(context, text)] ?? text.toLowerCase()
    default:
      return text
  }
}

/** A group cell read against the organization's groups. */
export interface GroupCell {
  ids: string[]
  /** Names (or ids) that are no group of the organization, as written. */
  unknown: string[]
}

/**
 * The groups a cell names: several separated by `;` or `|` (a comma may be part of a name), each
 * by its id or by its name, compared without case or accents. With no list of groups to read
 * against (`groups` null), every entry is taken as an id, for the server to judge.
 */
export function readGroupCell(
  cell: unknown,
  groups: { ids: ReadonlySet<string>; byName: ReadonlyMap<string, string> } | null,
  context: Pick<CellContext, 'keys'> = { keys: new Map() },
): GroupCell | undefined {
  const entries = (
    Array.isArray(cell) ? cell.map(String) : typeof cell === 'string' ? cell.split(/[;|]/) : []
  )
    .map((entry) => entry.trim())
    .filter(Boolean)
  if (entries.length === 0) return undefined
  const ids: string[] = []
  const unknown: string[] = []
  for (const entry of entries) {
    const id =
      groups === null ? entry : groups.ids.has(entry) ? entry : groups.byName.get(cachedKey(context, entry))
    if (id === undefined) unknown.push(entry)
    else if (!ids.includes(id)) ids.push(id)
  }
  return { ids, unknown }
}
