import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'

/**
 * The name a `Content-Disposition` header gives: the UTF-8 `filename*` when present (RFC 6266),
 * else the plain `filename`, else `fallback`.
 */
export function fileNameOf(disposition: string | null, fallback: string): string {
  if (!disposition) return fallback
  const extended = /filename\*\s*=\s*UTF-8''([^;]+)/i.exec(disposition)
  if (extended?.[1]) {
    try {
      return decodeURIComponent(extended[1].trim())
    } catch {
      // A malformed escape: fall through to the plain name.
    }
  }
  const plain = /filename\s*=\s*"([^"]*)"|filename\s*=\s*([^;]+)/i.exec(disposition)
  return (plain?.[1] ?? plain?.[2])?.trim() || fallback
}

/** `client.exports`: files of the API's data, read whole (an export of 100,000 people is a few MB). */
export function exportsResource(call: Call): UsherClient['exports'] {
  return {
    users: async (query, o) => {
      const response = await call('exportUsers', { query }, o)
      return {
        fileName: fileNameOf(response.headers.get('content-disposition'), 'members.csv'),
        contentType: response.headers.get('content-type') ?? 'text/csv',
        blob: await response.blob(),
      }
    },
  }
}
