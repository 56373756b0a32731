import { ScimError } from './errors'

/**
 * `attributes` and `excludedAttributes` (RFC 7644 §3.4.2.5): which attributes a response carries.
 * `id` and `schemas` always come back. Paths are case-insensitive; a sub-attribute is
 * `name.givenName`, an extension's is its URN then `:attribute`.
 */
export interface Projection {
  attributes: string[] | null
  excluded: string[]
}

const list = (value: string | undefined) =>
  value
    ? value
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : []

export function readProjection(query: { attributes?: string; excludedAttributes?: string }): Projection {
  const attributes = list(query.attributes)
  return { attributes: attributes.length ? attributes : null, excluded: list(query.excludedAttributes) }
}

const EXTENSION = /^(urn:[^ ]+):([^:.]+(?:\.[^:.]+)?)$/i
const CORE = /^urn:ietf:params:scim:schemas:core:2\.0:(user|group):/i

/** A path as [top-level key, sub key?], keys matched case-insensitively against `resource`. */
function split(path: string, resource: Record<string, unknown>): [string, string | undefined] | null {
  const whole = Object.keys(resource).find((k) => k.toLowerCase() === path.toLowerCase())
  if (whole) return [whole, undefined] // an extension's URN alone names its whole object
  const core = path.replace(CORE, '')
  const extension = core.match(EXTENSION)
  if (extension?.[1] && extension[2]) {
    const key = Object.keys(resource).find((k) => k.toLowerCase() === extension[1]?.toLowerCase())
    return key ? [key, extension[2]] : null
  }
  const [top, sub] = core.split('.')
  if (!top) throw new ScimError(400, `"${path}" is not an attribute path.`, 'invalidPath')
  const key = Object.keys(resource).find((k) => k.toLowerCase() === top.toLowerCase())
  return key ? [key, sub] : null
}

function subKey(value: unknown, sub: string): string | undefined {
  if (typeof value !== 'object' || value === null) return undefined
  return Object.keys(value).find((k) => k.toLowerCase() === sub.toLowerCase())
}

export function project(resource: Record<string, unknown>, projection: Projection): Record<string, unknown> {
  if (projection.attributes) {
    const out: Record<string, unknown> = { schemas: resource.schemas, id: resource.id }
    for (const path of projection.attributes) {
      const found = split(path, resource)
      if (!found) continue
      const [key, sub] = found
      const value = resource[key]
      if (!sub) {
        out[key] = value
        continue
      }
      if (Array.isArray(value)) {
        out[key] = value.map((item) => {
          const k = subKey(item, sub)
          return k ? { [k]: (item as Record<string, unknown>)[k] } : {}
        })
        continue
      }
      const k = subKey(value, sub)
      if (k) out[key] = { ...((out[key] as object) ?? {}), [k]: (value as Record<string, unknown>)[k] }
    }
    return out
  }
  if (projection.excluded.length === 0) return resource
  const out: Record<string, unknown> = { ...resource }
  for (const path of projection.excluded) {
    const found = split(path, out)
    if (!found) continue
    const [key, sub] = found
    if (key === 'id' || key === 'schemas') continue
    if (!sub) {
      delete out[key]
      continue
    }
    const value = out[key]
    const k = subKey(value, sub)
    if (k && typeof value === 'object' && value !== null && !Array.isArray(value)) {
      const { [k]: _dropped, ...rest } = value as Record<string, unknown>
      out[key] = rest
    }
  }
  return out
}
