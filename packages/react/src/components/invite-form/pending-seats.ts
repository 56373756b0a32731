import type { InviteRowValues } from './invite-form-schema'

/**
 * How many seats the form's rows would take once sent: rows with an address and a role that takes
 * a seat, except those the server refused in the last send (their error still stands: as they are,
 * they will not take one).
 */
export function pendingSeats(
  rows: readonly Pick<InviteRowValues, 'email' | 'role'>[],
  rowIds: readonly string[],
  refused: ReadonlySet<string>,
  takesSeat: (role: string) => boolean,
): number {
  let pending = 0
  rows.forEach((row, index) => {
    const id = rowIds[index]
    if (id !== undefined && refused.has(id)) return
    if (takesSeat(row.role) && row.email.trim() !== '') pending += 1
  })
  return pending
}
