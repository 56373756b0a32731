import { describe, expect, it } from 'vitest'
import { catalogs, createTranslator } from './translate'
import type { PluralMessage } from './types'

describe('given the French catalog', () => {
  const t = createTranslator('fr', catalogs.fr)

  it('elides “que” and “de” before a name that starts with a vowel, and only then', () => {
    expect(t('acceptInvitation.consent', { organization: 'Atelier Durand' })).toContain(
      'J’accepte qu’Atelier Durand',
    )
    expect(t('acceptInvitation.consent', { organization: 'Northwind' })).toContain('J’accepte que Northwind')
  })

  it('counts with the plural rules: 0 and 1 take the singular, each number its own', () => {
    expect(
      t('inviteForm.seatWarning', { count: 1, left: t('inviteForm.seatsLeft', { count: 0 }) }),
    ).toContain('1 nécessaire, 0 disponible.')
    expect(
      t('inviteForm.seatWarning', { count: 4, left: t('inviteForm.seatsLeft', { count: 1 }) }),
    ).toContain('4 nécessaires, 1 disponible.')
    expect(t('seatUsage.over', { count: 2 })).toBe('Ce formulaire dépasse l’offre de 2 postes.')
    expect(
      t('importUsers.preview.counts', {
        count: 1,
        invalid: t('importUsers.preview.withErrors', { count: 3 }),
      }),
    ).toBe('1 ligne valide, 3 avec des erreurs.')
    expect(t('inviteForm.intro', { count: 1 })).toContain('valables 1 jour.')
    expect(t('sharedGroups.someUsers', { count: 1, total: 3 })).toBe('Partagé avec 1 utilisateur sur 3')
  })
})

describe('given the English catalog', () => {
  const t = createTranslator('en', catalogs.en)
  it('leaves names as they are', () => {
    expect(t('acceptInvitation.consent', { organization: 'Atelier Durand' })).not.toContain('’Atelier')
  })
})

/** Every message of a catalog by its dotted key; a plural message keeps its forms. */
function leaves(node: unknown, prefix = '', out = new Map<string, string | PluralMessage>()) {
  for (const [key, value] of Object.entries(node as Record<string, unknown>)) {
    const path = prefix ? `${prefix}.${key}` : key
    if (typeof value === 'string') out.set(path, value)
    else if (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as PluralMessage).other === 'string'
    )
      out.set(path, value as PluralMessage)
    else leaves(value, path, out)
  }
  return out
}

const forms = (message: string | PluralMessage) =>
  typeof message === 'string' ? [message] : Object.values(message).filter((form) => form !== undefined)
const variables = (message: string | PluralMessage) =>
  [...new Set(forms(message).flatMap((form) => [...form.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1])))].sort()

// What a reader would see broken: a line wrapped before « : », a straight ' in French text, a
// `{{name}}` left unfilled because the two languages disagree on its name, « 1 poste » for 0.
describe('given both catalogs, message by message', () => {
  const en = leaves(catalogs.en)
  const fr = leaves(catalogs.fr)
  const slips = (check: (key: string, message: string | PluralMessage) => string | undefined, catalog = fr) =>
    [...catalog].map(([key, message]) => check(key, message)).filter((slip) => slip !== undefined)

  it('has the same keys in English and French', () => {
    expect([...fr.keys()].filter((key) => !en.has(key))).toEqual([])
    expect([...en.keys()].filter((key) => !fr.has(key))).toEqual([])
  })

  it('fills the same {{variables}} in English and French', () => {
    expect(
      slips((key, message) => {
        const english = en.get(key)
        if (!english) return undefined
        const a = variables(english).join(', ')
        const b = variables(message).join(', ')
        return a === b ? undefined : `${key}: en {{${a}}}, fr {{${b}}}`
      }),
    ).toEqual([])
  })

  it('says every counted word through the plural rules, in both languages', () => {
    // « (3) » alone has no word to agree; « 3 lignes lues » has two.
    const check = (key: string, message: string | PluralMessage) =>
      typeof message === 'string' && /\{\{count\}\}[\s\u00a0]*\p{L}/u.test(message) ? key : undefined
    expect([...slips(check, en), ...slips(check, fr)]).toEqual([])
  })

  it('fills the number in the French singular, which 0 takes too (unless a zero form says it)', () => {
    expect(
      slips((key, message) =>
        typeof message !== 'string' && message.zero === undefined && /(^|\D)1(\D|$)/.test(message.one)
          ? `${key}: ${message.one}`
          : undefined,
      ),
    ).toEqual([])
  })

  it('puts a no-break space (U+00A0) before « : ; ! ? » and inside « », in French', () => {
    expect(
      slips((key, message) => {
        for (const form of forms(message)) {
          // A time (15:05) is no punctuation.
          const bare = form.replace(/\d:\d/g, '')
          if (/[^\u00a0][;!?»]|[^\u00a0]:|«[^\u00a0]/.test(bare)) return `${key}: ${form}`
        }
        return undefined
      }),
    ).toEqual([])
  })

  it('uses the typographic apostrophe and « » in French, never \' " “ ”', () => {
    expect(
      slips((key, message) => (forms(message).some((form) => /['"“”]/.test(form)) ? key : undefined)),
    ).toEqual([])
  })

  it('uses “ ” and ’ in English, never straight quotes', () => {
    expect(
      slips((key, message) => (forms(message).some((form) => /['"]/.test(form)) ? key : undefined), en),
    ).toEqual([])
  })

  it('has no stray spaces and no three-dot ellipsis', () => {
    const check = (key: string, message: string | PluralMessage) =>
      forms(message).some((form) => form !== form.trim() || /[ \u00a0]{2}|\.\.\./.test(form))
        ? key
        : undefined
    expect([...slips(check, en), ...slips(check, fr)]).toEqual([])
  })
})
