import { describe, expect, it } from 'vitest'
import { fold, searchColumns } from '../src/domain/search'

describe('given names as people type them', () => {
  it('meets typographic and keyboard apostrophes, hyphens and accents on one form', () => {
    expect(fold('Jean-Baptiste d’Ornano')).toBe("jean baptiste d'ornano")
    expect(fold("JEAN BAPTISTE D'ORNANO")).toBe("jean baptiste d'ornano")
    expect(fold('  Élodie   Lefèvre ')).toBe('elodie lefevre')
  })

  it('sorts "d’Ornano" among the d names, not after every letter', () => {
    const names = ['Durand', 'd’Ornano', 'Dubois', 'Fournier'].map(
      (last) => searchColumns('A', last).sort_name,
    )
    expect([...names].sort()).toEqual(["d'ornano a", 'dubois a', 'durand a', 'fournier a'])
  })
})
