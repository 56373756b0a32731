import { en } from './en'
import { fr } from './fr'
import type { Locale, MessageKey, MessageOverrides, MessageParams, Messages, PluralMessage } from './types'

export const catalogs: Record<Locale, Messages> = { en, fr }

const isPlural = (value: unknown): value is PluralMessage =>
  typeof value === 'object' &&
  value !== null &&
  'other' in value &&
  typeof (value as PluralMessage).other === 'string'

/** The catalog with the host's overrides laid over it, key by key. */
export function mergeMessages(base: Messages, overrides: MessageOverrides | undefined): Messages {
  if (!overrides) return base
  const merge = (a: Record<string, unknown>, b: Record<string, unknown>): Record<string, unknown> => {
    const out: Record<string, unknown> = { ...a }
    for (const [key, value] of Object.entries(b)) {
      if (value === undefined) continue
      const current = a[key]
      out[key] =
        typeof value === 'object' && !isPlural(value) && typeof current === 'object' && current !== null
          ? merge(current as Record<string, unknown>, value as Record<string, unknown>)
          : value
    }
    return out
  }
  return merge(
    base as unknown as Record<string, unknown>,
    overrides as Record<string, unknown>,
  ) as unknown as Messages
}

function lookup(messages: Messages, key: string): unknown {
  let node: unknown = messages
  for (const part of key.split('.')) {
    if (typeof node !== 'object' || node === null) return undefined
    node = (node as Record<string, unknown>)[part]
  }
  return node
}

/** French words that elide before a vowel: « que Atelier » is written « qu’Atelier ». */
const ELIDING = /(^|[\s(«])(que|Que|de|De|jusque|lorsque|puisque|ne|le|la)\s$/
/** A name that starts with a vowel sound (an initial h is left alone: aspirated or not, it varies). */
const VOWEL_START = /^[aeiouyàâäéèêëîïôöùûüæœ]/i

const fill = (
  template: string,
  params: MessageParams | undefined,
  format: (n: number) => string,
  elide: boolean,
) => {
  let out = ''
  let last = 0
  for (const match of template.matchAll(/\{\{(\w+)\}\}/g)) {
    const index = match.index ?? 0
    let before = template.slice(last, index)
    const value = params?.[match[1] ?? '']
    const text = value === undefined ? match[0] : typeof value === 'number' ? format(value) : value
    // A name filled in after "que" or "de" elides in French, as written text would.
    if (elide && typeof value === 'string' && VOWEL_START.test(value) && ELIDING.test(before))
      before = before.replace(/(\S+)\s$/, (word) => `${word.slice(0, -2)}’`)
    out += before + text
    last = index + match[0].length
  }
  return out + template.slice(last)
}

export type Translate = (key: MessageKey, params?: MessageParams) => string

/**
 * `t(key, params)`: the message for `key` with `{{name}}` filled in. Plural messages choose their
 * form from `params.count` with the locale's plural rules. A key missing from the catalog shows
 * the key itself (and a test fails on any key missing from either catalog).
 */
export function createTranslator(locale: Locale, messages: Messages): Translate {
  const plural = new Intl.PluralRules(locale)
  const number = new Intl.NumberFormat(locale)
  const format = (n: number) => number.format(n)
  const elide = locale === 'fr'
  return (key, params) => {
    const value = lookup(messages, key)
    if (typeof value === 'string') return fill(value, params, format, elide)
    if (isPlural(value)) {
      const count = Number(params?.count ?? 0)
      const form =
        count === 0 && value.zero !== undefined
          ? value.zero
          : (value[plural.select(count) as 'one' | 'other'] ?? value.other)
      return fill(form, params, format, elide)
    }
    return key
  }
}
