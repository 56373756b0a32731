import { BUILT_IN_ROLES, LOCALES, SalutationSchema } from '@usher/contract'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { applyMapping, newIdempotencyKey, sampleImportFile } from '../src/index'

const UUID_V4 = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

/** One cell of `field`, read through the public mapping. */
function cell(field: 'salutation' | 'role' | 'locale', value: string): unknown {
  return applyMapping({ rows: [{ line: 2, cells: [value] }] }, [field])[0]?.fields[field]
}

describe('given an import cell holding one of the contract’s own values', () => {
  it.each(SalutationSchema.options.flatMap((s) => [s, s.toUpperCase(), `${s}.`]))(
    'reads the salutation %s as the contract’s value',
    (value) => {
      expect(SalutationSchema.options).toContain(cell('salutation', value))
    },
  )

  it.each([...BUILT_IN_ROLES])('reads the built-in role %s as itself', (role) => {
    expect(cell('role', role.toUpperCase())).toBe(role)
  })

  it.each([...LOCALES])('reads the language %s as itself', (locale) => {
    expect(cell('locale', locale.toUpperCase())).toBe(locale)
  })

  it('offers a sample file in every language of the contract', () => {
    for (const locale of LOCALES) {
      expect(sampleImportFile({ format: 'csv', locale }).length).toBeGreaterThan(0)
    }
  })
})

describe('given newIdempotencyKey', () => {
  afterEach(() => {
    vi.unstubAllGlobals()
  })

  it('makes a fresh v4 UUID on every call', () => {
    const keys = new Set(Array.from({ length: 50 }, () => newIdempotencyKey()))
    expect(keys.size).toBe(50)
    for (const key of keys) expect(key).toMatch(UUID_V4)
  })

  it('builds one from random bytes where randomUUID is missing (plain HTTP)', () => {
    const platform = globalThis.crypto
    vi.stubGlobal('crypto', { getRandomValues: (bytes: Uint8Array) => platform.getRandomValues(bytes) })
    expect(globalThis.crypto.randomUUID).toBeUndefined()
    expect(newIdempotencyKey()).toMatch(UUID_V4)
  })
})
