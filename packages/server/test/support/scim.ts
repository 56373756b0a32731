import type { TestOrg, TestServer } from './harness'

/** A directory's side of the SCIM endpoint: requests with its bearer token, as Entra and Okta send them. */
// biome-ignore lint/suspicious/noExplicitAny: SCIM answers are read by path in the tests, whatever their shape
type Json = any

export interface Directory {
  token: string
  request(
    method: string,
    path: string,
    options?: { body?: unknown; headers?: Record<string, string> },
  ): Promise<{ status: number; json: Json; headers: Headers }>
}

/** `path` as a URL under /scim/v2, its query (quotes and spaces as directories write them) encoded. */
export function scimUrl(t: TestServer, path: string): string {
  const [pathname, query] = path.split(/\?(.*)/s)
  const url = new URL(`${t.url}/scim/v2${pathname}`)
  if (query) url.search = new URLSearchParams(query).toString()
  return url.toString()
}

/** The owner calls the management endpoints (plain fetch: the test does not depend on the SDK). */
export async function ownerCall(t: TestServer, org: TestOrg, method: string, path: string, body?: unknown) {
  const response = await fetch(`${t.url}${path}`, {
    method,
    headers: { Authorization: `Bearer ${await org.owner.token()}`, 'Content-Type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  })
  const text = await response.text()
  return { status: response.status, json: text ? JSON.parse(text) : null }
}

/** Creates a directory token for `org` (and its settings, when given) and a client that uses it. */
export async function connectDirectory(
  t: TestServer,
  org: TestOrg,
  settings?: Record<string, unknown>,
): Promise<Directory> {
  const created = await ownerCall(t, org, 'POST', '/directory-sync/tokens', { name: 'Test directory' })
  if (created.status !== 201) throw new Error(`token: ${created.status} ${JSON.stringify(created.json)}`)
  if (settings) {
    const updated = await ownerCall(t, org, 'PATCH', '/directory-sync/settings', settings)
    if (updated.status !== 200) throw new Error(`settings: ${updated.status} ${JSON.stringify(updated.json)}`)
  }
  return directoryWith(t, created.json.secret)
}

export function directoryWith(t: TestServer, token: string): Directory {
  return {
    token,
    async request(method, path, options = {}) {
      const response = await fetch(scimUrl(t, path), {
        method,
        headers: {
          Authorization: `Bearer ${token}`,
          'Content-Type': 'application/scim+json; charset=utf-8',
          Accept: 'application/scim+json',
          ...options.headers,
        },
        body: options.body === undefined ? undefined : JSON.stringify(options.body),
      })
      const text = await response.text()
      return { status: response.status, json: text ? JSON.parse(text) : null, headers: response.headers }
    },
  }
}
