import { describe, expect, it } from 'vitest'
import {
  DEFAULT_ORGANIZATION_SETTINGS,
  OrganizationSettingsSchema,
  UpdateOrganizationSchema,
} from '../src/index'
import { frenchDe, frenchQue } from '../src/rules/french'
import { canonicalTimeZone, isValidTimeZone } from '../src/rules/time-zone'
import { emailDomain, userMatchesSearch, userSearchTerms } from '../src/rules/user-search'

const lea = { firstName: 'Léa', lastName: 'd’Ornano', email: 'Lea.Dornano@Durand.example' }

describe('given the users search box', () => {
  it('finds a person by a prefix of their names or address, accents and case aside', () => {
    for (const q of ['lea', 'LÉA', "d'orn", 'léa d’o', 'lea.dor'])
      expect(userMatchesSearch(lea, q), q).toBe(true)
    for (const q of ['ornano', 'dornano@', 'a']) expect(userMatchesSearch(lea, q), q).toBe(false)
    expect(userMatchesSearch(lea, '   ')).toBe(true)
  })

  it('reads a domain as the addresses at it, with or without the @', () => {
    expect(userMatchesSearch(lea, 'durand.example')).toBe(true)
    expect(userMatchesSearch(lea, '@DURAND.EX')).toBe(true)
    expect(userMatchesSearch(lea, '@durand')).toBe(true)
    expect(userMatchesSearch(lea, '@martin.example')).toBe(false)
    // A word without a dot stays a name: "durand" finds the Durands, not everyone at durand.example.
    expect(userMatchesSearch(lea, 'durand')).toBe(false)
    expect(userSearchTerms('@durand.example')).toEqual({ name: null, email: null, domain: 'durand.example' })
    expect(userSearchTerms('jean dupont.x')?.domain).toBeNull()
    expect(userSearchTerms('@')).toBeNull()
    expect(emailDomain('a@b@Sub.Example')).toBe('sub.example')
  })
})

describe('given an organization time zone', () => {
  it('accepts IANA names in any case and aliases, and refuses offsets and unknown zones', () => {
    expect(canonicalTimeZone('europe/paris')).toBe('Europe/Paris')
    expect(isValidTimeZone('America/Montreal')).toBe(true)
    expect(isValidTimeZone('UTC')).toBe(true)
    for (const name of ['+01:00', 'CET+1', 'Mars/Olympus', '', 'Europe/Paris/../x']) {
      expect(isValidTimeZone(name), name).toBe(false)
    }
  })

  it('defaults to Paris for settings written before the field existed, and says why a name is refused', () => {
    expect(DEFAULT_ORGANIZATION_SETTINGS.timeZone).toBe('Europe/Paris')
    const patch = UpdateOrganizationSchema.safeParse({ settings: { timeZone: 'Paris' } })
    expect(patch.success).toBe(false)
    const issue = patch.error?.issues[0]
    expect(issue?.path).toEqual(['settings', 'timeZone'])
    expect(issue?.message).toMatch(/IANA time zone/)
    expect(UpdateOrganizationSchema.parse({ settings: { timeZone: ' Europe/Brussels ' } })).toEqual({
      settings: { timeZone: 'Europe/Brussels' },
    })
    expect(OrganizationSettingsSchema.shape.timeZone.parse('Asia/Tokyo')).toBe('Asia/Tokyo')
  })
})

describe('given a name in a French sentence', () => {
  it('elides before a vowel, accented or capital, and not before a consonant or an h', () => {
    expect(frenchQue('Atelier')).toBe('qu’Atelier')
    expect(frenchDe('Élodie')).toBe('d’Élodie')
    expect(frenchDe('Jean')).toBe('de Jean')
    expect(frenchDe('Hugo')).toBe('de Hugo')
    expect(frenchQue('Usher')).toBe('qu’Usher')
  })
})
