import type { UpdateUserInput, User } from '@usher/contract'
import { inScope } from './edit-user-values'

/** Order-insensitive for the lists: ticking two groups in another order is no change. */
const same = (a: unknown, b: unknown) =>
  Array.isArray(a) && Array.isArray(b)
    ? a.length === b.length && [...a].sort().join('\n') === [...b].sort().join('\n')
    : a === b

/** The fields whose parsed value differs from the user's: all a PATCH needs to carry. */
export function changesOf(
  user: User,
  scope: ReadonlySet<string> | null,
  parsed: Record<string, unknown>,
): UpdateUserInput {
  const current: Record<string, unknown> = {
    ...user,
    groupIds: inScope(user.groupIds, scope),
    enabled: user.status !== 'disabled',
  }
  // A backend that stores '' or CRLF must not see every save change those fields.
  for (const [key, value] of Object.entries(current)) {
    if (value === '') current[key] = null
    else if (typeof value === 'string' && value.includes('\r\n'))
      current[key] = value.replaceAll('\r\n', '\n')
  }
  const patch: Record<string, unknown> = {}
  for (const [key, value] of Object.entries(parsed)) {
    if (value !== undefined && !same(value, current[key] ?? null)) patch[key] = value
  }
  return patch as UpdateUserInput
}
