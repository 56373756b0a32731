/** How long before a token's `exp` a new one is fetched, so a call never leaves with a stale one. */
const EXPIRY_MARGIN_MS = 30_000
/** A token without a readable `exp` (not a JWT) is reused this long. */
const OPAQUE_TOKEN_MS = 60_000

/**
 * A token function for `createUsherClient({ token })` that asks the host's backend for the
 * signed-in user's Usher token: `GET url` with the page's cookies, answered with JSON
 * `{ "token": "…" }` or the token as plain text. The token is reused until 30 seconds before its
 * `exp`; concurrent calls share one request; a failed request is retried on the next call.
 * @example createUsherClient({ baseUrl: '/api/usher', token: tokenFromEndpoint('/api/usher-token') })
 */
export function tokenFromEndpoint(
  url: string,
  { fetch: fetchImpl, now = Date.now }: { fetch?: typeof fetch; now?: () => number } = {},
): () => Promise<string> {
  let cached: { token: Promise<string>; until: number } | null = null
  return () => {
    if (cached && now() < cached.until) return cached.token
    const token = requestToken(url, fetchImpl ?? globalThis.fetch)
    const entry = { token, until: Number.POSITIVE_INFINITY }
    cached = entry
    token.then(
      (value) => {
        entry.until = expiryOf(value, now())
      },
      () => {
        if (cached === entry) cached = null
      },
    )
    return token
  }
}

async function requestToken(url: string, fetchImpl: typeof fetch): Promise<string> {
  const response = await fetchImpl(url, {
    credentials: 'same-origin',
    headers: { accept: 'application/json, text/plain' },
  })
  if (!response.ok) throw new Error(`The token endpoint ${url} answered ${response.status}.`)
  const type = response.headers.get('content-type') ?? ''
  const token = type.includes('json')
    ? ((await response.json()) as { token?: unknown }).token
    : (await response.text()).trim()
  if (typeof token !== 'string' || token === '') {
    throw new Error(`The token endpoint ${url} answered no token (expected { "token": "…" } or plain text).`)
  }
  return token
}

function expiryOf(token: string, now: number): number {
  const exp = jwtExp(token)
  return exp === null ? now + OPAQUE_TOKEN_MS : exp * 1000 - EXPIRY_MARGIN_MS
}

function jwtExp(token: string): number | null {
  const payload = token.split('.')[1]
  if (!payload) return null
  try {
    const json = JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as { exp?: unknown }
    return typeof json.exp === 'number' ? json.exp : null
  } catch {
    return null
  }
}
