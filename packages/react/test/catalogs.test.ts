import { ERROR_CODES, FIELD_ERROR_CODES, PERMISSIONS } from '@usher/contract'
import { describe, expect, it } from 'vitest'
import { en } from '../src/i18n/en'
import { fr } from '../src/i18n/fr'

/** Every leaf path of a catalog: `status.active`, `seatUsage.counts` (plural forms are one leaf). */
function keys(node: unknown, prefix = ''): string[] {
  if (typeof node === 'string') return [prefix]
  if (node && typeof node === 'object' && 'other' in node) return [prefix]
  return Object.entries(node as Record<string, unknown>).flatMap(([k, v]) =>
    keys(v, prefix ? `${prefix}.${k}` : k),
  )
}

describe('given the en and fr catalogs', () => {
  it('have exactly the same keys', () => {
    expect(keys(fr).sort()).toEqual(keys(en).sort())
  })

  it('have no empty or untranslated-placeholder message', () => {
    for (const catalog of [en, fr]) {
      for (const key of keys(catalog)) {
        const value = key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], catalog)
        const texts = typeof value === 'string' ? [value] : Object.values(value as object)
        for (const text of texts) expect(text, key).toMatch(/\S/)
        for (const text of texts) expect(text, key).not.toBe('TODO')
      }
    }
  })

  it('keep the same {{parameters}} in both languages', () => {
    const params = (text: string) => [...text.matchAll(/\{\{(\w+)\}\}/g)].map((m) => m[1]).sort()
    for (const key of keys(en)) {
      const get = (c: unknown) =>
        key.split('.').reduce<unknown>((n, k) => (n as Record<string, unknown>)[k], c)
      const a = get(en)
      const b = get(fr)
      const first = (v: unknown) => (typeof v === 'string' ? v : (v as { other: string }).other)
      expect(params(first(b)), key).toEqual(params(first(a)))
    }
  })

  it('translate every error code, field-error code and permission of the contract', () => {
    expect(Object.keys(en.errors.codes).sort()).toEqual(Object.keys(ERROR_CODES).sort())
    expect(Object.keys(en.errors.fields).sort()).toEqual([...FIELD_ERROR_CODES].sort())
    expect(Object.keys(en.permissions).sort()).toEqual([...PERMISSIONS].sort())
  })
})
