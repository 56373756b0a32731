import { HEADERS } from '@usher/contract'
import type { MiddlewareHandler } from 'hono'
import { cors } from 'hono/cors'
import type { CorsOptions } from './options'

/** What the SDK sends beyond the CORS-safelisted headers: a browser asks for each in its preflight. */
const SDK_REQUEST_HEADERS = [
  'Authorization',
  'Content-Type',
  HEADERS.idempotencyKey,
  HEADERS.ifMatch,
  HEADERS.requestId,
]

/** What the SDK reads from a response: versions for If-Match, waits, request ids in errors. */
const SDK_RESPONSE_HEADERS = [HEADERS.etag, HEADERS.retryAfter, HEADERS.requestId, 'Idempotent-Replayed']

const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE']

/**
 * Cross-origin access for the pages of the allowed origins. Without it a browser on another
 * origin gets no answer it may read (and its preflight a 404); with it, a preflight from an allowed
 * origin is answered 204 with the methods and headers the SDK uses, and every answer (errors
 * included) names the origin, so the SDK can read a problem's body.
 */
export function corsMiddleware(options: CorsOptions): MiddlewareHandler {
  const allowed = originPredicate(options.origins)
  return cors({
    origin: (origin) => (origin && allowed(origin) ? origin : null),
    allowMethods: METHODS,
    allowHeaders: [...SDK_REQUEST_HEADERS, ...(options.allowHeaders ?? [])],
    exposeHeaders: SDK_RESPONSE_HEADERS,
    maxAge: options.maxAgeSeconds ?? 600,
    credentials: options.credentials ?? false,
  })
}

function originPredicate(origins: CorsOptions['origins']): (origin: string) => boolean {
  if (typeof origins === 'function') return origins
  for (const origin of origins) {
    if (!isOrigin(origin)) {
      throw new Error(
        `cors.origins: "${origin}" is not an origin; write scheme, host and port only, as a browser sends it (e.g. "https://app.example.com").`,
      )
    }
  }
  const set = new Set(origins)
  return (origin) => set.has(origin)
}

function isOrigin(value: string): boolean {
  try {
    return new URL(value).origin === value
  } catch {
    return false
  }
}
