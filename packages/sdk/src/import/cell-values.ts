import { type BuiltInRole, type LocaleKey, type Salutation, SalutationSchema } from '@usher/contract'
import { headerKey, type ImportField } from './header-synonyms'

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
  'enabled',
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
  'disabled',
])
/** Other ways of writing a salutation, by `headerKey`. */
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
/** Other names of the built-in roles, by `headerKey`; a host-defined role is written by its key. */
const ROLE_WORDS: Readonly<Record<string, BuiltInRole>> = {
  proprietaire: 'owner',
  administrator: 'admin',
  administrateur: 'admin',
  administratrice: 'admin',
  technicien: 'technician',
  technicienne: 'technician',
  tech: 'technician',
}
/** Names of the languages, and regional tags, by `headerKey`. */
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

/**
 * A cell as the field expects it; undefined for an empty cell (the field is "not given"). A value
 * that cannot be converted is kept as read, for the contract's schema to reject with its message.
 */
export function cellValue(field: ImportField, cell: unknown, groups: ReadonlyMap<string, string>): unknown {
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
  // Only the fields with a vocabulary need the loose key (a Unicode normalisation per cell).
  const key =
    field === 'salutation' || field === 'role' || field === 'locale' || field === 'groupId'
      ? headerKey(text)
      : ''
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
    case 'salutation':
      return SALUTATION_WORDS[key] ?? (isSalutation(key) ? key : text)
    case 'role':
      return ROLE_WORDS[key] ?? text.toLowerCase()
    case 'locale':
      return LOCALE_WORDS[key] ?? text.toLowerCase()
    case 'groupId':
      return groups.get(key) ?? text
    default:
      return text
  }
}
