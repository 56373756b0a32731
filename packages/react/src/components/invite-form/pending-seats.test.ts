import { createRoleCatalog } from '@usher/contract'
import { HOST_ROLES, SEAT_CASES } from '@usher/fixtures'
import { describe, expect, it } from 'vitest'
import { pendingSeats } from './pending-seats'

const catalog = createRoleCatalog(HOST_ROLES)

describe('given the rows of the invite form', () => {
  it('counts a row exactly when the decision table says an invited person of its role holds a seat', () => {
    for (const c of SEAT_CASES.filter((c) => c.status === 'invited')) {
      const rows = [{ email: 'someone@atelier.test', role: c.role }]
      expect(pendingSeats(rows, ['row-1'], new Set(), catalog.takesSeat), c.role).toBe(c.holdsSeat ? 1 : 0)
    }
  })

  it('leaves out rows without an address and rows the server refused in the last send', () => {
    const rows = [
      { email: 'ines@atelier.test', role: 'technician' },
      { email: '  ', role: 'technician' },
      { email: 'karim@atelier.test', role: 'technician' },
      { email: 'olga@atelier.test', role: 'operator' },
    ]
    const ids = ['a', 'b', 'c', 'd']
    expect(pendingSeats(rows, ids, new Set(), catalog.takesSeat)).toBe(3)
    expect(pendingSeats(rows, ids, new Set(['c']), catalog.takesSeat)).toBe(2)
  })
})
