import {
  BulkSharesRequestSchema,
  BulkUsersRequestSchema,
  CreateInvitationsSchema,
  createProblem,
  type ErrorCode,
  ReplaceSharesSchema,
  UpdateUserSchema,
} from '@usher/contract'
import { delay, HttpResponse, http } from 'msw'
import { MockApiError, type MockDb, type MockEndpoint, type MockScenario } from './mock-db'

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

function problem(code: ErrorCode, status?: number) {
  const body = createProblem(code, status ? { status } : {})
  return HttpResponse.json(body, {
    status: body.status,
    headers: { 'content-type': 'application/problem+json' },
  })
}

function list(url: URL, name: string): string[] | undefined {
  const values = url.searchParams.getAll(name).flatMap((v) => v.split(',').filter(Boolean))
  return values.length ? values : undefined
}

/** A failure the scenario injects (500, or a request left hanging for the loading state). */
async function fault(endpoint: MockEndpoint, scenario: MockScenario) {
  const kind = scenario.faults?.[endpoint]
  if (kind === 'loading') await delay('infinite')
  if (kind === 'error') return problem('internal_error')
  return undefined
}

type Resolver = (args: {
  request: Request
  params: Record<string, string | readonly string[] | undefined>
}) => Response | Promise<Response>

/**
 * Wraps a resolver: picks the viewer from the bearer token, answers injected faults, turns a
 * MockApiError into the contract's problem answer, and rejects a body the contract refuses.
 */
function route(
  endpoint: MockEndpoint,
  resolve: (
    db: MockDb,
    viewer: ReturnType<MockDb['viewer']>,
    args: Parameters<Resolver>[0],
  ) => Response | Promise<Response>,
): Resolver {
  return async (args) => {
    const db = mockDb(args.request.headers.get(STORY_HEADER))
    const injected = await fault(endpoint, db.scenario)
    if (injected) return injected
    const token = args.request.headers.get('authorization')?.replace(/^Bearer\s+/i, '') ?? null
    try {
      return await resolve(db, db.viewer(token), args)
    } catch (error) {
      if (error instanceof MockApiError) return problem(error.code, error.status)
      throw error
    }
  }
}

async function body<T>(
  request: Request,
  schema: { safeParse(v: unknown): { success: true; data: T } | { success: false } },
): Promise<T> {
  const parsed = schema.safeParse(await request.json())
  if (!parsed.success) throw new MockApiError('validation_failed')
  return parsed.data
}

const id = (params: Record<string, string | readonly string[] | undefined>) => String(params.id)

/** Every endpoint the components call, over the story's in-memory database. */
export function usherHandlers(base = MOCK_API_BASE) {
  return [
    http.get(
      `${base}/me`,
      route('me', (db, viewer) => HttpResponse.json(db.me(viewer))),
    ),
    http.get(
      `${base}/roles`,
      route('roles', (db) => HttpResponse.json({ items: db.roles() })),
    ),
    http.get(
      `${base}/groups`,
      route('groups', (db, viewer, { request }) => {
        const url = new URL(request.url)
        const start = Number(url.searchParams.get('cursor') ?? 0)
        const limit = Number(url.searchParams.get('limit') ?? 200)
        const groups = db.visibleGroups(viewer)
        const end = Math.min(start + limit, groups.length)
        return HttpResponse.json({
          items: groups.slice(start, end),
          nextCursor: end < groups.length ? String(end) : null,
        })
      }),
    ),
    http.get(
      `${base}/users`,
      route('users', (db, viewer, { request }) => {
        if (viewer.role === 'technician') throw new MockApiError('forbidden')
        const url = new URL(request.url)
        const users = db.listUsers(viewer, {
          q: url.searchParams.get('q') ?? undefined,
          role: list(url, 'role'),
          status: list(url, 'status'),
          groupId: url.searchParams.get('groupId') ?? undefined,
          sort: url.searchParams.get('sort') ?? undefined,
        })
        const start = Number(url.searchParams.get('cursor') ?? 0)
        const end = Math.min(start + Number(url.searchParams.get('limit') ?? 50), users.length)
        return HttpResponse.json({
          items: users.slice(start, end).map((u) => db.present(u)),
          nextCursor: end < users.length ? String(end) : null,
        })
      }),
    ),
    http.post(
      `${base}/users/bulk`,
      route('bulkUsers', async (db, viewer, { request }) =>
        HttpResponse.json(db.bulkUsers(viewer, await body(request, BulkUsersRequestSchema))),
      ),
    ),
    http.get(
      `${base}/users/:id`,
      route('users', (db, viewer, { params }) =>
        HttpResponse.json(db.present(db.findUser(viewer, id(params)))),
      ),
    ),
    http.patch(
      `${base}/users/:id`,
      route('updateUser', async (db, viewer, { request, params }) =>
        HttpResponse.json(db.updateUser(viewer, id(params), await body(request, UpdateUserSchema))),
      ),
    ),
    http.delete(
      `${base}/users/:id`,
      route('updateUser', (db, viewer, { params }) => {
        db.deleteUser(viewer, id(params))
        return new HttpResponse(null, { status: 204 })
      }),
    ),
    http.get(
      `${base}/users/:id/shares`,
      route('shares', (db, viewer, { params }) => HttpResponse.json(db.userShares(viewer, id(params)))),
    ),
    http.put(
      `${base}/users/:id/shares`,
      route('shares', async (db, viewer, { request, params }) => {
        const { shares } = await body(request, ReplaceSharesSchema)
        return HttpResponse.json(db.replaceShares(viewer, id(params), shares))
      }),
    ),
    http.post(
      `${base}/shares/bulk`,
      route('bulkShares', async (db, viewer, { request }) =>
        HttpResponse.json(db.bulkShares(viewer, await body(request, BulkSharesRequestSchema))),
      ),
    ),
    http.post(
      `${base}/invitations`,
      route('invitations', async (db, viewer, { request }) =>
        HttpResponse.json(db.createInvitations(viewer, await body(request, CreateInvitationsSchema))),
      ),
    ),
    http.post(
      `${base}/invitations/:id/resend`,
      route('invitations', (db, viewer, { params }) =>
        HttpResponse.json(db.resendInvitation(viewer, id(params))),
      ),
    ),
    http.delete(
      `${base}/invitations/:id`,
      route('invitations', (db, viewer, { params }) => {
        db.revokeInvitation(viewer, id(params))
        return new HttpResponse(null, { status: 204 })
      }),
    ),
  ]
}
