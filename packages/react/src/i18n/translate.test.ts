import { describe, expect, it } from 'vitest'
import { catalogs, createTranslator } from './translate'

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
  })
})

describe('given the English catalog', () => {
  const t = createTranslator('en', catalogs.en)
  it('leaves names as they are', () => {
    expect(t('acceptInvitation.consent', { organization: 'Atelier Durand' })).not.toContain('’Atelier')
  })
})
