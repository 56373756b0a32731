import {
  createProblem,
  type EndpointDefinition,
  type EndpointName,
  type ErrorCode,
  endpoints,
  HEADERS,
  PROBLEM_CONTENT_TYPE,
  parseIfMatch,
  requestValidationProblem,
  type User,
} from '@usher/contract'
import { delay, HttpResponse, type HttpResponseResolver, http } from 'msw'
import type * as z from 'zod'
import { MockApiError } from './errors'
import type { MockDb } from './mock-db'
import type { MockEndpoint } from './scenario'

/** Where stories mount the API: relative, so the static build works from any host. */
export const MOCK_API_BASE = '/api/usher'

/** The header naming the story a request comes from: a docs page renders many stories at once. */
export const STORY_HEADER = 'x-usher-story'

const databases = new Map<string, MockDb>()
let latest: MockDb | null = null

/** The preview's loader: a fresh database for a story, each time it loads. */
export function setMockDb(storyId: string, db: MockDb) {
  databases.set(storyId, db)
  latest = db
}

/** A story's database; without an id, the one loaded last (the story a play function runs in). */
export function mockDb(storyId?: string | null): MockDb {
  const db = (storyId ? databases.get(storyId) : undefined) ?? latest
  if (!db) throw new Error('No mock database: the preview loader creates one per story.')
  return db
}

function problem(code: ErrorCode, extra: Record<string, unknown> = {}) {
  const body = createProblem(code, extra)
  return HttpResponse.json(body, { status: body.status, headers: { 'content-type': PROBLEM_CONTENT_TYPE } })
}

type Out<T> = T extends z.ZodType ? z.output<T> : undefined
type Answer<E extends EndpointDefinition> = E['success'] extends { schema: infer S extends z.ZodType }
  ? z.input<S>
  : // biome-ignore lint/suspicious/noConfusingVoidType: an answer with no body returns nothing
    void | null

/** What a mock endpoint's answer gets: the story's database, the viewer, and the parsed request. */
export interface MockRequest<E extends EndpointDefinition> {
  db: MockDb
  /** From the bearer token (`Viewer`); the owner when there is none (public endpoints ignore it). */
  viewer: User
  params: Out<E['params']>
  query: Out<E['query']>
  body: Out<E['body']>
  /** The version `If-Match` names, on the endpoints that require it (428 without one). */
  ifMatch: E['ifMatch'] extends true ? number : undefined
  request: Request
}

/** `?a=1&a=2&b=3` → `{ a: ['1', '2'], b: '3' }`, as the server hands a query to its schema. */
function queryObject(url: URL): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const key of new Set(url.searchParams.keys())) {
    const values = url.searchParams.getAll(key)
    out[key] = values.length === 1 ? (values[0] as string) : values
  }
  return out
}

function parsePart(part: 'body' | 'query' | 'params', schema: z.ZodType | undefined, input: unknown) {
  if (!schema) return undefined
  const result = schema.safeParse(input)
  if (!result.success) {
    const { code: _, ...extra } = requestValidationProblem(part, result.error, input)
    throw new MockApiError('validation_failed', undefined, extra)
  }
  return result.data
}

/**
 * One row of the contract's endpoint table over the story's database: its method and path, its
 * permission (`auth`, judged with the story's roles), its params, query and body parsed with the
 * contract's schemas, its `If-Match` (428 without one), its success status. `fault` names the scenario switch that can make it
 * fail (500) or hang; a MockApiError becomes the contract's problem answer.
 */
export function route<N extends EndpointName>(
  name: N,
  fault: MockEndpoint,
  answer: (
    req: MockRequest<(typeof endpoints)[N]>,
  ) => Answer<(typeof endpoints)[N]> | Promise<Answer<(typeof endpoints)[N]>>,
  base = MOCK_API_BASE,
) {
  const endpoint: EndpointDefinition = endpoints[name]
  const path = `${base}${endpoint.path.replace(/\{(\w+)\}/g, ':$1')}`
  const resolver: HttpResponseResolver = async ({ request, params }) => {
    const db = mockDb(request.headers.get(STORY_HEADER))
    const injected = db.scenario.faults?.[fault]
    if (injected === 'loading') await delay('infinite')
    if (injected === 'error') return problem('internal_error')
    const token = request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? null
    const viewer = db.viewer(token)
    try {
      // The mail pipeline's door takes a pipeline token, which no story holds: it stays shut.
      if (endpoint.auth === 'inbound-email-token') throw new MockApiError('unauthenticated')
      if (endpoint.auth !== 'public' && endpoint.auth !== 'authenticated') {
        db.requirePermission(viewer, endpoint.auth)
      }
      let ifMatch: number | undefined
      if (endpoint.ifMatch) {
        const version = parseIfMatch(request.headers.get(HEADERS.ifMatch))
        if (version === null) throw new MockApiError('precondition_required')
        ifMatch = version
      }
      const parsed = {
        params: parsePart('params', endpoint.params, params),
        query: parsePart('query', endpoint.query, queryObject(new URL(request.url))),
        body: endpoint.body
          ? parsePart('body', endpoint.body, await request.json().catch(() => undefined))
          : undefined,
      }
      const result = await answer({ db, viewer, request, ifMatch, ...parsed } as MockRequest<
        (typeof endpoints)[N]
      >)
      const { status, schema } = endpoint.success
      return schema
        ? HttpResponse.json(result as Record<string, unknown>, { status })
        : new HttpResponse(null, { status })
    } catch (error) {
      if (error instanceof MockApiError) {
        return problem(error.code, error.status ? { ...error.extra, status: error.status } : error.extra)
      }
      throw error
    }
  }
  const method = endpoint.method.toLowerCase() as 'get' | 'post' | 'put' | 'patch' | 'delete'
  return http[method](path, resolver)
}

/** A page of `items` from an offset cursor, as the API pages its lists. */
export function page<T>(items: readonly T[], query: { limit: number; cursor?: string | undefined }) {
  const start = Number(query.cursor ?? 0) || 0
  const end = Math.min(start + query.limit, items.length)
  return { items: items.slice(start, end), nextCursor: end < items.length ? String(end) : null }
}
