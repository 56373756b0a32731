import { ProblemError } from '../http/problem-error'

/**
 * Keyset cursors: the last row's sort value and id, as base64url JSON, tagged with what they sort
 * by so a cursor from another sort or list is refused rather than misread.
 */
export function encodeCursor(kind: string, values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify([kind, ...values])).toString('base64url')
}

export function decodeCursor(
  kind: string,
  cursor: string | undefined,
  arity: number,
): (string | number | null)[] | null {
  if (cursor === undefined) return null
  try {
    const parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown
    if (Array.isArray(parsed) && parsed[0] === kind && parsed.length === arity + 1) {
      const values = parsed.slice(1)
      if (values.every((v) => v === null || typeof v === 'string' || typeof v === 'number')) return values
    }
  } catch {
    // falls through to the 422
  }
  throw new ProblemError('validation_failed', {
    errors: [{ path: 'query.cursor', code: 'invalid_value', message: 'This cursor is not from this list.' }],
  })
}

/** A page from `limit + 1` fetched rows: the extra one says there is a next page. */
export function pageFrom<Row, Item>(
  rows: Row[],
  limit: number,
  toItem: (row: Row) => Item,
  cursorOf: (row: Row) => string,
): { items: Item[]; nextCursor: string | null } {
  const more = rows.length > limit
  const slice = more ? rows.slice(0, limit) : rows
  const last = slice[slice.length - 1]
  return { items: slice.map(toItem), nextCursor: more && last ? cursorOf(last) : null }
}
