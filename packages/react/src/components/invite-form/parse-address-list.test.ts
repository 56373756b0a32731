import { describe, expect, it } from 'vitest'
import {
  dedupeEntries,
  nameFromAddress,
  parseAddressList,
  splitAddressList,
  splitDisplayName,
} from './parse-address-list'

const emails = (text: string) =>
  parseAddressList(text).map((entry) => (entry.kind === 'address' ? entry.email : `!${entry.source}`))

describe('given a pasted list of addresses', () => {
  it('splits on newlines, commas and semicolons, skipping blanks', () => {
    expect(emails('a@acme.fr\nb@acme.fr\r\nc@acme.fr')).toEqual(['a@acme.fr', 'b@acme.fr', 'c@acme.fr'])
    expect(emails('a@acme.fr, b@acme.fr;c@acme.fr ;; ,\n\n')).toEqual(['a@acme.fr', 'b@acme.fr', 'c@acme.fr'])
  })

  it('reads "Name <address>" and splits the name into first and last', () => {
    expect(parseAddressList('Jean Dupont <jean.dupont@acme.fr>')).toEqual([
      {
        kind: 'address',
        email: 'jean.dupont@acme.fr',
        firstName: 'Jean',
        lastName: 'Dupont',
        source: 'Jean Dupont <jean.dupont@acme.fr>',
      },
    ])
    const [entry] = parseAddressList('Jean-Pierre de la Tour <jp@acme.fr>')
    expect(entry).toMatchObject({ firstName: 'Jean-Pierre', lastName: 'de la Tour' })
  })

  it('keeps quoted names with commas whole, as "Last, First"', () => {
    const entries = parseAddressList('"Dupont, Jean" <jean@acme.fr>, "Martin, Élodie" <elodie@acme.fr>')
    expect(entries).toMatchObject([
      { kind: 'address', email: 'jean@acme.fr', firstName: 'Jean', lastName: 'Dupont' },
      { kind: 'address', email: 'elodie@acme.fr', firstName: 'Élodie', lastName: 'Martin' },
    ])
  })

  it('does not split inside angle brackets, and strips mailto:', () => {
    expect(parseAddressList('Zoé <mailto:zoe@acme.fr>; <paul@acme.fr>')).toMatchObject([
      { email: 'zoe@acme.fr', firstName: 'Zoé', lastName: '' },
      { email: 'paul@acme.fr', firstName: '', lastName: '' },
    ])
  })

  it('leaves the names blank for a bare address, or a display name that is the address', () => {
    expect(parseAddressList('x@acme.fr\n"x@acme.fr" <x@acme.fr>')).toMatchObject([
      { email: 'x@acme.fr', firstName: '', lastName: '' },
      { email: 'x@acme.fr', firstName: '', lastName: '' },
    ])
  })

  it('reads "Name address", "address (Name)" and several addresses separated by spaces', () => {
    expect(parseAddressList('Hugo Moreau hugo@acme.fr')).toMatchObject([
      { email: 'hugo@acme.fr', firstName: 'Hugo', lastName: 'Moreau' },
    ])
    expect(parseAddressList('hugo@acme.fr (Hugo Moreau)')).toMatchObject([
      { email: 'hugo@acme.fr', firstName: 'Hugo', lastName: 'Moreau' },
    ])
    expect(emails('a@acme.fr b@acme.fr')).toEqual(['a@acme.fr', 'b@acme.fr'])
  })

  it('reads spreadsheet rows (tab-separated cells)', () => {
    expect(parseAddressList('Camille\tDurand\tcamille@acme.fr\nDURAND Léa\tlea@acme.fr')).toMatchObject([
      { email: 'camille@acme.fr', firstName: 'Camille', lastName: 'Durand' },
      { email: 'lea@acme.fr', firstName: 'Léa', lastName: 'DURAND' },
    ])
  })

  it('reports junk as invalid entries instead of dropping them', () => {
    expect(parseAddressList('a@acme.fr, not an address; Jean <nope>, b@acme.fr c@acme.fr d')).toEqual([
      { kind: 'address', email: 'a@acme.fr', firstName: '', lastName: '', source: 'a@acme.fr' },
      { kind: 'invalid', source: 'not an address' },
      { kind: 'invalid', source: 'Jean <nope>' },
      { kind: 'invalid', source: 'b@acme.fr c@acme.fr d' },
    ])
  })

  it('ends an entry at a newline even inside an unbalanced quote', () => {
    expect(splitAddressList('"Dupont, Jean <j@acme.fr>\nb@acme.fr')).toEqual([
      '"Dupont, Jean <j@acme.fr>',
      'b@acme.fr',
    ])
  })
})

describe('given a display name', () => {
  it('splits "First Last", "Last, First" and French "LAST First"', () => {
    expect(splitDisplayName('Camille Durand')).toEqual({ firstName: 'Camille', lastName: 'Durand' })
    expect(splitDisplayName('Durand, Camille')).toEqual({ firstName: 'Camille', lastName: 'Durand' })
    expect(splitDisplayName('LE GALL Yann')).toEqual({ firstName: 'Yann', lastName: 'LE GALL' })
    expect(splitDisplayName('JP Martin')).toEqual({ firstName: 'JP', lastName: 'Martin' })
    expect(splitDisplayName("'Zoé'")).toEqual({ firstName: 'Zoé', lastName: '' })
    expect(splitDisplayName('  ')).toEqual({ firstName: '', lastName: '' })
  })
})

describe('given entries to add to a form', () => {
  it('drops addresses already in the form or earlier in the list, case-insensitively', () => {
    const result = dedupeEntries(parseAddressList('A@acme.fr, b@acme.fr, junk, B@ACME.FR, c@acme.fr'), [
      'a@acme.fr',
      '',
    ])
    expect(result.duplicates).toBe(2)
    expect(result.entries.map((entry) => (entry.kind === 'address' ? entry.email : entry.source))).toEqual([
      'b@acme.fr',
      'junk',
      'c@acme.fr',
    ])
  })
})

describe('given bare addresses that spell a name', () => {
  it('suggests the first and last name from first.last@ and first_last@, and nothing from others', () => {
    expect(nameFromAddress('julie.blanc@durand.example')).toEqual({ firstName: 'Julie', lastName: 'Blanc' })
    expect(nameFromAddress('jean-pierre_dupont+test@acme.fr')).toEqual({
      firstName: 'Jean-Pierre',
      lastName: 'Dupont',
    })
    expect(nameFromAddress('ÉLODIE.MARTIN@acme.fr')).toEqual({ firstName: 'Élodie', lastName: 'Martin' })
    for (const email of ['jdupont@acme.fr', 'j.dupont@acme.fr', 'a.b.c@acme.fr', 'jean.dupont2@acme.fr'])
      expect(nameFromAddress(email)).toEqual({ firstName: '', lastName: '' })
  })

  it('fills the rows of a pasted list of bare addresses, and keeps a name given beside one', () => {
    const entries = parseAddressList('julie.blanc@durand.example\nMarc Petit <julie.petit@durand.example>')
    expect(entries).toMatchObject([
      { kind: 'address', firstName: 'Julie', lastName: 'Blanc' },
      { kind: 'address', firstName: 'Marc', lastName: 'Petit' },
    ])
  })
})
