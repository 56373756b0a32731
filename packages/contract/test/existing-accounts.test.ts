import { describe, expect, it } from 'vitest'
import { DEFAULT_ORGANIZATION_SETTINGS, joinsAtOnce, OrganizationSettingsSchema } from '../src/index'

describe('joining at once', () => {
  it('happens only when the organization adds existing accounts and the address signs in', () => {
    expect(joinsAtOnce('add', true)).toBe(true)
    expect(joinsAtOnce('add', false)).toBe(false)
    expect(joinsAtOnce('invite', true)).toBe(false)
    expect(joinsAtOnce('invite', false)).toBe(false)
  })

  it('is off for a new organization, and the setting takes only the two modes', () => {
    expect(DEFAULT_ORGANIZATION_SETTINGS.existingAccounts).toBe('invite')
    const parse = (existingAccounts: unknown) =>
      OrganizationSettingsSchema.safeParse({ ...DEFAULT_ORGANIZATION_SETTINGS, existingAccounts }).success
    expect([parse('add'), parse('invite'), parse('join')]).toEqual([true, true, false])
  })
})
