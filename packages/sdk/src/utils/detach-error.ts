/** What Node's socket errors say about a failed connection: worth keeping, and no secret. */
const KEPT = ['code', 'errno', 'syscall', 'address', 'port'] as const
const MAX_DEPTH = 5

/**
 * A copy of `error` and its causes fit to travel as an Usher error's `cause`: class, name and
 * message, Node's socket fields (`code`, `syscall`...), nothing else. ky's errors carry the
 * `Request`, whose headers hold the bearer token; a cause is logged, serialised and sent to error
 * trackers, so it must not. `secret`, if given, is cut out of every message (a header value the
 * platform refused, quoted in its message). The copy's stack is its own.
 */
export function detachError(error: unknown, options: { secret?: string; message?: string } = {}): unknown {
  return detach(error, options.secret, options.message, 0)
}

function detach(error: unknown, secret: string | undefined, message: string | undefined, depth: number) {
  const scrub = (text: string) => (secret ? text.split(secret).join('[redacted]') : text)
  if (typeof error === 'string') return scrub(error)
  if (!(error instanceof Error)) {
    // A thrown primitive says what it says; an object that is not an Error may hold anything.
    return typeof error === 'object' && error !== null ? new Error('A non-Error value was thrown.') : error
  }
  const Class = error instanceof TypeError ? TypeError : error instanceof RangeError ? RangeError : Error
  const copy = new Class(scrub(message ?? error.message))
  if (copy.name !== error.name) copy.name = error.name
  const source = error as unknown as Record<string, unknown>
  const target = copy as unknown as Record<string, unknown>
  for (const key of KEPT) {
    const value = source[key]
    if (typeof value === 'string' || typeof value === 'number') target[key] = value
  }
  if (depth < MAX_DEPTH) {
    if (error instanceof AggregateError) {
      target.errors = error.errors.map((item: unknown) => detach(item, secret, undefined, depth + 1))
    }
    if (error.cause !== undefined) copy.cause = detach(error.cause, secret, undefined, depth + 1)
  }
  return copy
}
