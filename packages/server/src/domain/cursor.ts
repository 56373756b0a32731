import { ProblemError } from '../http/problem-error'
import { isUuid } from './actor'

/**
 * Keyset cursors: the last row's sort value and id, as base64url JSON, tagged with what they sort
 * by so a cursor from another sort or list is refused rather than misread.
 */
export function encodeCursor(kind: string, values: readonly (string | number | null)[]): string {
  return Buffer.from(JSON.stringify([kind, ...values])).toString('base64url')
}

/**
 * What one value of a cursor must be, checked before it reaches SQL (where a bad one would fail a
 * cast and answer 500): `text` (no NUL, which PostgreSQL refuses), `uuid`, `timestamp` (ISO 8601
 * or PostgreSQL's text form, a real date in years 1 to 9999), `activity` (a timestamp or
 * `-infinity`, what users' last activity sorts as when there is none), `int` (an `integer`
 * column's range).
 */
export type CursorPart = 'text' | 'uuid' | 'timestamp' | 'activity' | 'int'

/**
 * The values of a cursor of `kind`, each checked against its part; null without a cursor. Anything
 * else — not ours, another list's, a value of the wrong shape — is 422 on `query.cursor`.
 */
export function decodeCursor(
  kind: string,
  cursor: string | undefined,
  parts: readonly CursorPart[],
): (string | number)[] | null {
  if (cursor === undefined) return null
  let parsed: unknown
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'))
  } catch {
    throw badCursor()
  }
  if (!Array.isArray(parsed) || parsed[0] !== kind || parsed.length !== parts.length + 1) throw badCursor()
  const values = parsed.slice(1) as unknown[]
  if (!values.every((value, i) => fits(value, parts[i] as CursorPart))) throw badCursor()
  return values as (string | number)[]
}

export const badCursor = () =>
  new ProblemError('validation_failed', {
    errors: [{ path: 'query.cursor', code: 'invalid_value', message: 'This cursor is not from this list.' }],
  })

const INT_MAX = 2_147_483_647

function fits(value: unknown, part: CursorPart): boolean {
  switch (part) {
    case 'int':
      return typeof value === 'number' && Number.isSafeInteger(value) && value >= 0 && value <= INT_MAX
    case 'text':
      return typeof value === 'string' && !value.includes('\u0000')
    case 'uuid':
      return typeof value === 'string' && isUuid(value)
    case 'timestamp':
      return typeof value === 'string' && isTimestamp(value)
    case 'activity':
      return typeof value === 'string' && (value === '-infinity' || isTimestamp(value))
  }
}

// 2024-01-02T03:04:05.678Z (JSON) or 2024-01-02 03:04:05.678901+02 (PostgreSQL's text output).
const TIMESTAMP =
  /^(\d{4})-(\d{2})-(\d{2})[T ](\d{2}):(\d{2}):(\d{2})(?:\.\d{1,6})?(?:Z|[+-](\d{2})(?::?(\d{2})(?::?(\d{2}))?)?)$/

const isLeap = (year: number) => (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0
const DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31]

/** A timestamp PostgreSQL reads as the same instant: real calendar fields, a sane UTC offset. */
export function isTimestamp(value: string): boolean {
  const match = TIMESTAMP.exec(value)
  if (!match) return false
  const [year, month, day, hour, minute, second, offsetHours, offsetMinutes, offsetSeconds] = match
    .slice(1)
    .map((field) => Number(field ?? 0))
  if (!year || !month || !day || month > 12) return false
  const days = month === 2 && isLeap(year) ? 29 : (DAYS[month - 1] ?? 0)
  return (
    day <= days &&
    (hour ?? 0) <= 23 &&
    (minute ?? 0) <= 59 &&
    (second ?? 0) <= 59 &&
    (offsetHours ?? 0) <= 15 &&
    (offsetMinutes ?? 0) <= 59 &&
    (offsetSeconds ?? 0) <= 59
  )
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
