import { MAX_RESULTS } from './discovery'
import { invalidValue } from './errors'

/** `startIndex` (1-based) and `count` of a list (RFC 7644 §3.4.2.4), with sane bounds. */
export function readPaging(query: Record<string, string | undefined>): { startIndex: number; count: number } {
  const number = (name: string, fallback: number) => {
    const raw = query[name]
    if (raw === undefined || raw === '') return fallback
    const value = Number(raw)
    if (!Number.isInteger(value)) throw invalidValue(`${name} must be an integer.`)
    return value
  }
  // RFC 7644: a startIndex below 1 is read as 1, a negative count as 0.
  const startIndex = Math.max(1, number('startIndex', 1))
  const count = Math.min(MAX_RESULTS, Math.max(0, number('count', 100)))
  return { startIndex, count }
}

/** Query parameters by name, case-insensitively (directories differ in `startIndex` / `startindex`). */
export function queryOf(url: string): Record<string, string | undefined> {
  const out: Record<string, string | undefined> = {}
  const names: Record<string, string> = {
    filter: 'filter',
    startindex: 'startIndex',
    count: 'count',
    attributes: 'attributes',
    excludedattributes: 'excludedAttributes',
  }
  for (const [key, value] of new URL(url).searchParams) {
    const name = names[key.toLowerCase()]
    if (name) out[name] = value
  }
  return out
}

/**
 * `totalResults`: a first page that came back short holds every match (a lookup by userName, the
 * common case, costs no second query); otherwise the count.
 */
export async function totalOf(
  found: number,
  startIndex: number,
  count: number,
  countAll: () => Promise<{ n: number }>,
): Promise<number> {
  if (startIndex === 1 && found < count) return found
  return Number((await countAll()).n)
}
