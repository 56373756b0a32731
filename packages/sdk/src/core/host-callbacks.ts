import { isUsherError } from '../errors/guards'
import { UsherError } from '../errors/usher-error'
import { detachError } from '../utils/detach-error'
import type { TokenSource } from './options'

// The host's own code (its token function, its hooks) runs inside a call: what it throws is the
// host's failure, wrapped in an UsherError and never retried as a network one would be.

export async function resolveToken(
  name: string,
  token: TokenSource | undefined,
): Promise<string | null | undefined> {
  if (typeof token !== 'function') return token
  try {
    return await token()
  } catch (cause) {
    // The host's own failure (signed out, refresh refused): not a network error, not worth a retry.
    throw new UsherError('The token function failed; see `cause`.', { endpoint: name, cause })
  }
}

export function setAuthorization(name: string, headers: Headers, token: string): void {
  try {
    headers.set('authorization', `Bearer ${token}`)
  } catch (error) {
    // The platform's message quotes the value: keep the token out of the cause.
    throw new UsherError(
      'The token cannot be sent in a header: it holds a line break or a character beyond Latin-1.',
      { endpoint: name, cause: detachError(error, { secret: token }) },
    )
  }
}

/** Runs a host hook; what it throws is the host's failure, not a network one (never retried). */
export async function runHook(name: string, kind: string, hook: () => void | Promise<void>): Promise<void> {
  try {
    await hook()
  } catch (cause) {
    if (isUsherError(cause)) throw cause
    throw new UsherError(`A ${kind} hook failed; see \`cause\`.`, { endpoint: name, cause })
  }
}
