import {
  AcceptInvitationSchema,
  ActivateOrganizationSchema,
  BulkSharesRequestSchema,
  BulkUsersRequestSchema,
  ChangePasswordSchema,
  CreateGroupSchema,
  CreateImportSchema,
  CreateInvitationsSchema,
  createProblem,
  DEFAULT_PASSWORD_POLICY,
  type ErrorCode,
  type Import,
  ImportChunkSchema,
  type ImportRowResult,
  type InvitationLookup,
  type LoginResult,
  LoginSchema,
  PasswordResetConfirmSchema,
  type PasswordResetLookup,
  PasswordResetRequestSchema,
  passwordRulesBroken,
  ReplaceSharesSchema,
  UpdateGroupSchema,
  UpdateUserSchema,
} from '@usher/contract'
import { FIXTURE_NOW } from '@usher/fixtures'
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

function problem(code: ErrorCode, status?: number, extra: Record<string, unknown> = {}) {
  const body = createProblem(code, status ? { ...extra, status } : extra)
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
      if (error instanceof MockApiError) return problem(error.code, error.status, error.extra)
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

/**
 * Links and sign-ins the stories use. A link token (43 characters) names its fate by its start:
 * `storyToken('expired')`; a token starting otherwise is unknown.
 */
export type StoryLink = 'pending' | 'expired' | 'revoked' | 'used' | 'unknown'
export function storyToken(kind: StoryLink): string {
  return kind.padEnd(43, '0')
}
/** The password every story account signs in with. */
export const STORY_PASSWORD = 'Lavande-Soleil-2026'
/** Hugo Moreau's password, set by an administrator: signing in leads to the change-password step. */
export const STORY_TEMPORARY_PASSWORD = 'Temporaire-2026'
/** An address with accounts in two organizations: the server asks which one (409). */
export const STORY_SHARED_EMAIL = 'camille@atelier.test'
export const STORY_ORGANIZATION = 'atelier-durand'

function linkOf(token: string): StoryLink {
  const kind = (['pending', 'expired', 'revoked', 'used'] as const).find((k) => token === storyToken(k))
  return kind ?? 'unknown'
}

function lookupOf(db: MockDb): InvitationLookup {
  return {
    status: 'pending',
    organization: { name: db.me(db.viewer('owner')).organization.name },
    invitedBy: { name: 'Camille Durand' },
    email: 'ninon.petit@acme.fr',
    salutation: null,
    firstName: 'Ninon',
    lastName: 'Petit',
    role: 'technician',
    locale: 'en',
    expiresAt: new Date(FIXTURE_NOW.getTime() + 5 * 86_400_000).toISOString(),
    passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, requireDigit: true, minStrength: 3 },
  }
}

/** The story organization's policy: stricter than the default, so the stories show it is the one read. */
export const STORY_PASSWORD_POLICY = { ...DEFAULT_PASSWORD_POLICY, minLength: 14, requireDigit: true }

function resetLookupOf(db: MockDb): PasswordResetLookup {
  const viewer = db.present(db.viewer('technician'))
  return {
    organization: { name: db.me(db.viewer('owner')).organization.name },
    email: viewer.email,
    firstName: viewer.firstName,
    lastName: viewer.lastName,
    locale: 'en',
    activation: false,
    expiresAt: new Date(FIXTURE_NOW.getTime() + 3_600_000).toISOString(),
    passwordPolicy: STORY_PASSWORD_POLICY,
  }
}

/** What the server says of a refused password: the policy applied and what was broken. */
function tooWeak(password: string, context: { email?: string; names?: string[] } = {}) {
  const broken = passwordRulesBroken(password, STORY_PASSWORD_POLICY, context)
  if (broken.length === 0) return
  throw new MockApiError('password_too_weak', undefined, {
    passwordPolicy: STORY_PASSWORD_POLICY,
    passwordProblems: broken,
  })
}

function session(token: string) {
  return { token, expiresAt: new Date(FIXTURE_NOW.getTime() + 86_400_000).toISOString() }
}

function loginResult(db: MockDb, token: 'owner' | 'technician', mustChangePassword = false): LoginResult {
  return {
    session: session(token),
    user: db.present(db.viewer(token)),
    mustChangePassword,
    passwordPolicy: STORY_PASSWORD_POLICY,
  }
}

interface MockImport {
  job: Import
  results: ImportRowResult[]
  chunks: Map<number, ImportRowResult[]>
}
const importsOf = new WeakMap<MockDb, Map<string, MockImport>>()

function imports(db: MockDb): Map<string, MockImport> {
  let found = importsOf.get(db)
  if (!found) {
    found = new Map()
    importsOf.set(db, found)
  }
  return found
}

function openImport(db: MockDb, importId: string, { open = false } = {}): MockImport {
  const found = imports(db).get(importId)
  if (!found) throw new MockApiError('not_found')
  if (open && found.job.status !== 'open') throw new MockApiError('import_finished')
  return found
}

/** Sends a chunk: creates, updates or skips each row; `faults.importChunks: 'rows'` fails every other one. */
function importRows(
  db: MockDb,
  current: MockImport,
  rows: { line: number; email: string; firstName: string; lastName?: string | undefined }[],
): ImportRowResult[] {
  const { options } = current.job
  return rows.map((row, index): ImportRowResult => {
    const email = row.email.toLowerCase()
    const base = { line: row.line, email }
    if (db.scenario.faults?.importChunks === 'rows' && (current.results.length + index) % 2 === 1)
      return {
        ...base,
        status: 'failed',
        userId: null,
        error: { code: 'internal_error', message: 'Server error.' },
      }
    const existing = db.users.find((u) => u.email === email)
    if (options.dryRun) return { ...base, status: 'valid', userId: existing?.id ?? null, error: null }
    if (existing) {
      if (!options.updateExisting) return { ...base, status: 'skipped', userId: existing.id, error: null }
      db.users = db.users.map((u) =>
        u.id === existing.id ? { ...u, firstName: row.firstName, lastName: row.lastName ?? u.lastName } : u,
      )
      return { ...base, status: 'updated', userId: existing.id, error: null }
    }
    const template =
      db.users.find((u) => u.status === 'invited') ?? (db.users[0] as (typeof db.users)[number])
    const userId = crypto.randomUUID()
    db.users = [
      ...db.users,
      {
        ...template,
        id: userId,
        email,
        firstName: row.firstName,
        lastName: row.lastName ?? '',
        role: options.defaultRole,
      },
    ]
    return { ...base, status: 'created', userId, error: null }
  })
}

const id = (params: Record<string, string | readonly string[] | undefined>) => String(params.id)

/** Every endpoint the components call, over the story's in-memory database. */
export function usherHandlers(base = MOCK_API_BASE) {
  return [
    http.get(
      `${base}/me`,
      route('me', (db, viewer) => HttpResponse.json(db.me(viewer))),
    ),
    http.post(
      `${base}/organization/activate`,
      route('organization', async (db, viewer, { request }) =>
        HttpResponse.json(db.activate(viewer, (await body(request, ActivateOrganizationSchema)).name)),
      ),
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
    http.post(
      `${base}/groups`,
      route('groups', async (db, viewer, { request }) =>
        HttpResponse.json(db.createGroup(viewer, await body(request, CreateGroupSchema)), { status: 201 }),
      ),
    ),
    http.patch(
      `${base}/groups/:id`,
      route('groups', async (db, viewer, { request, params }) =>
        HttpResponse.json(db.updateGroup(viewer, id(params), await body(request, UpdateGroupSchema))),
      ),
    ),
    http.delete(
      `${base}/groups/:id`,
      route('groups', (db, viewer, { params }) => {
        db.deleteGroup(viewer, id(params))
        return new HttpResponse(null, { status: 204 })
      }),
    ),
    http.get(
      `${base}/groups/:id/shares`,
      route('shares', (db, viewer, { params }) => HttpResponse.json(db.groupShares(viewer, id(params)))),
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
    http.get(
      `${base}/invitations/lookup`,
      route('invitations', (db, _viewer, { request }) => {
        const link = linkOf(new URL(request.url).searchParams.get('token') ?? '')
        if (link === 'revoked') throw new MockApiError('invitation_revoked')
        if (link === 'used') throw new MockApiError('invitation_used')
        if (link === 'unknown') throw new MockApiError('invitation_not_found')
        const lookup = lookupOf(db)
        return HttpResponse.json(
          link === 'expired'
            ? {
                ...lookup,
                status: 'expired',
                expiresAt: new Date(FIXTURE_NOW.getTime() - 86_400_000).toISOString(),
              }
            : lookup,
        )
      }),
    ),
    http.post(
      `${base}/invitations/accept`,
      route('invitations', async (db, _viewer, { request }) => {
        const input = await body(request, AcceptInvitationSchema)
        const link = linkOf(input.token)
        if (link !== 'pending')
          throw new MockApiError(link === 'unknown' ? 'invitation_not_found' : `invitation_${link}`)
        const lookup = lookupOf(db)
        if (passwordRulesBroken(input.password, lookup.passwordPolicy).length)
          throw new MockApiError('password_too_weak')
        const invited = db.users.find((u) => u.status === 'invited')
        if (!invited) throw new MockApiError('invitation_not_found')
        const user = {
          ...invited,
          firstName: input.firstName,
          lastName: input.lastName ?? '',
          email: lookup.email,
          status: 'active' as const,
          invitationId: null,
          invitationExpiresAt: null,
        }
        db.users = db.users.map((u) => (u.id === user.id ? user : u))
        return HttpResponse.json({ user: db.present(user), session: session('technician') })
      }),
    ),
    http.post(
      `${base}/auth/login`,
      route('auth', async (db, _viewer, { request }) => {
        const input = await body(request, LoginSchema)
        if (input.email === STORY_SHARED_EMAIL && !input.organization) throw new MockApiError('conflict')
        if (input.email === 'hugo.moreau@acme.fr' && input.password === STORY_TEMPORARY_PASSWORD)
          return HttpResponse.json(loginResult(db, 'technician', true))
        const known = input.email === STORY_SHARED_EMAIL || db.users.some((u) => u.email === input.email)
        if (!known || input.password !== STORY_PASSWORD) throw new MockApiError('invalid_credentials')
        return HttpResponse.json(loginResult(db, 'owner'))
      }),
    ),
    http.post(
      `${base}/auth/password-reset`,
      route('auth', async (_db, _viewer, { request }) => {
        await body(request, PasswordResetRequestSchema)
        return new HttpResponse(null, { status: 202 })
      }),
    ),
    http.get(
      `${base}/auth/password-reset/lookup`,
      route('auth', (db, _viewer, { request }) => {
        const token = new URL(request.url).searchParams.get('token') ?? ''
        if (linkOf(token) !== 'pending') throw new MockApiError('reset_token_invalid')
        return HttpResponse.json(resetLookupOf(db))
      }),
    ),
    http.post(
      `${base}/auth/password-reset/confirm`,
      route('auth', async (db, _viewer, { request }) => {
        const input = await body(request, PasswordResetConfirmSchema)
        if (linkOf(input.token) !== 'pending') throw new MockApiError('reset_token_invalid')
        const person = resetLookupOf(db)
        tooWeak(input.password, { email: person.email, names: [person.firstName, person.lastName] })
        return HttpResponse.json(loginResult(db, 'owner'))
      }),
    ),
    http.post(
      `${base}/auth/password`,
      route('auth', async (db, _viewer, { request }) => {
        const input = await body(request, ChangePasswordSchema)
        if (input.currentPassword !== STORY_TEMPORARY_PASSWORD && input.currentPassword !== STORY_PASSWORD)
          throw new MockApiError('invalid_credentials')
        tooWeak(input.newPassword)
        return HttpResponse.json(loginResult(db, 'technician'))
      }),
    ),
    http.post(
      `${base}/imports`,
      route('imports', async (db, viewer, { request }) => {
        const input = await body(request, CreateImportSchema)
        if (viewer.role === 'technician') throw new MockApiError('forbidden')
        const job: Import = {
          id: crypto.randomUUID(),
          status: 'open',
          fileName: input.fileName,
          format: input.format,
          options: input.options,
          totalRows: input.totalRows,
          processedRows: 0,
          counts: { created: 0, updated: 0, skipped: 0, failed: 0, valid: 0 },
          createdBy: viewer.id,
          createdAt: FIXTURE_NOW.toISOString(),
          completedAt: null,
        }
        imports(db).set(job.id, { job, results: [], chunks: new Map() })
        return HttpResponse.json(job, { status: 201 })
      }),
    ),
    http.post(
      `${base}/imports/:id/chunks`,
      route('importChunks', async (db, _viewer, { request, params }) => {
        const current = openImport(db, id(params), { open: true })
        const chunk = await body(request, ImportChunkSchema)
        const replay = current.chunks.get(chunk.index)
        if (replay) return HttpResponse.json({ index: chunk.index, results: replay })
        const results = importRows(db, current, chunk.rows)
        current.chunks.set(chunk.index, results)
        current.results.push(...results)
        for (const result of results) current.job.counts[result.status]++
        current.job.processedRows = current.results.length
        return HttpResponse.json({ index: chunk.index, results })
      }),
    ),
    http.post(
      `${base}/imports/:id/complete`,
      route('imports', (db, _viewer, { params }) => {
        const current = openImport(db, id(params), { open: true })
        current.job = { ...current.job, status: 'completed', completedAt: FIXTURE_NOW.toISOString() }
        return HttpResponse.json(current.job)
      }),
    ),
    http.get(
      `${base}/imports/:id`,
      route('imports', (db, _viewer, { params }) => HttpResponse.json(openImport(db, id(params)).job)),
    ),
    http.get(
      `${base}/imports/:id/rows`,
      route('imports', (db, _viewer, { request, params }) => {
        const url = new URL(request.url)
        const status = url.searchParams.get('status')
        const rows = openImport(db, id(params)).results.filter((r) => !status || r.status === status)
        const start = Number(url.searchParams.get('cursor') ?? 0)
        const end = Math.min(start + Number(url.searchParams.get('limit') ?? 200), rows.length)
        return HttpResponse.json({
          items: rows.slice(start, end),
          nextCursor: end < rows.length ? String(end) : null,
        })
      }),
    ),
    http.delete(
      `${base}/imports/:id`,
      route('imports', (db, _viewer, { params }) => {
        const current = openImport(db, id(params), { open: true })
        current.job = { ...current.job, status: 'cancelled', completedAt: FIXTURE_NOW.toISOString() }
        return HttpResponse.json(current.job)
      }),
    ),
  ]
}
