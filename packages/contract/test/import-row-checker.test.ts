import { describe, expect, it } from 'vitest'
import { importRowChecker, importRowSchema, toFieldErrors } from '../src/index'

const GROUP = '0b7e2a8e-3f7c-4c1e-9a4b-2d5f6e7a8b9c'

// Rows as the column mapping hands them over: valid ones, and one or more problems per field.
const ROWS: Record<string, unknown>[] = [
  { line: 2, firstName: 'Élodie', lastName: 'Martin', email: 'elodie.martin@exemple.fr' },
  { line: 3, firstName: 'Jean', email: 'jean@exemple.fr', role: 'technician', groupIds: [GROUP] },
  { line: 4, firstName: '', email: 'x@exemple.fr' },
  { line: 5, email: 'nobody@exemple.fr' },
  { line: 6, firstName: 'Ana', email: 'ana@exemple' },
  { line: 7, firstName: 'Ana', email: 'support@exemple.fr' },
  { line: 8, firstName: 'www.evil.com', email: 'evil@exemple.fr', phone: 'call me' },
  { line: 9, firstName: 'Léa', email: 'lea@exemple.fr', salutation: 'Dr', locale: 'de' },
  { line: 10, firstName: 'Léa', email: 'lea2@exemple.fr', groupIds: ['not-an-id', GROUP] },
  { line: 11, firstName: 'Léa', email: 'lea3@exemple.fr', groupIds: [] },
  { line: 12, firstName: 'Léa', email: 'lea4@exemple.fr', password: '****' },
  { line: 13, firstName: 'Léa', email: 'lea5@exemple.fr', enabled: 'oui' },
  { line: 14, firstName: 'Léa', email: 'lea6@exemple.fr', badge: 'B-4', other: 1 },
  { line: 0, firstName: 'Zoé\u0000', email: 'zoe@exemple.fr', jobTitle: 'x'.repeat(500) },
  { line: 15, firstName: 'Léa', email: 'lea7@exemple.fr', phone: '', mobile: '+33 6 12 34 56 78' },
  { line: 16, firstName: 'Léa', email: 'lea8@exemple.fr', groupId: '', locale: '', role: 'Not A Key!' },
  { line: 17, firstName: 42, email: null, contactFor: ['billing', 'Bad Topic'] },
  { line: 21, firstName: 'Léa', email: 'lea9@exemple.fr', groupIds: ['a\u0000b'] },
  { line: 22, firstName: 'Léa', email: 'lea10@exemple.fr', groupIds: ['a', 'b'] },
  { line: 23, firstName: '\u0000list\u0000x', email: 'lea11@exemple.fr', contactFor: ['x'] },
  // The same values again: remembered verdicts must match fresh ones.
  { line: 24, firstName: 'Léa', email: 'lea2@exemple.fr', groupIds: ['not-an-id', GROUP] },
  { line: 18, firstName: '', email: 'x@exemple.fr' },
  { line: 19, firstName: 'Ana', email: 'support@exemple.fr' },
  { line: 20, firstName: 'Léa', email: 'lea4@exemple.fr', password: '****' },
]

describe('importRowChecker', () => {
  for (const refused of [undefined, null, ['compta']]) {
    it(`gives each row the errors importRowSchema gives it (refused list: ${JSON.stringify(refused)})`, () => {
      const schema = importRowSchema(refused)
      const check = importRowChecker(refused)
      for (const row of ROWS) {
        const parsed = schema.safeParse(row)
        const expected = parsed.success ? [] : toFieldErrors(parsed.error.issues, [], { input: row })
        expect({ line: row.line, errors: check(row) }).toEqual({ line: row.line, errors: expected })
      }
    })
  }

  it('finds problems in most rows of the table (it is not a table of valid rows)', () => {
    const check = importRowChecker()
    expect(ROWS.filter((row) => check(row).length > 0).length).toBeGreaterThan(15)
  })
})
