/**
 * A stand-in for the Usher API, in memory, for the SDK's example only. It answers a few endpoints
 * the way the contract says (validation, problem+json, keyset pages, per-row invitation results);
 * the real server is @usher/server.
 */
import { randomUUID } from 'node:crypto'
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import {
  BUILT_IN_ROLE_CATALOG,
  CreateInvitationsSchema,
  createProblem,
  type InvitationRowResult,
  isRefusedMailbox,
  itemError,
  ListUsersQuerySchema,
  PROBLEM_CONTENT_TYPE,
  type Problem,
  requestValidationProblem,
  roleEntries,
  type User,
} from '@usher/contract'
import { FIXTURE_NOW, makeGroups, makeMe, makeUsers } from '@usher/fixtures'

function send(res: ServerResponse, status: number, body: unknown, type = 'application/json') {
  res.writeHead(status, { 'content-type': type })
  res.end(JSON.stringify(body))
}
const fail = (res: ServerResponse, problem: Problem) =>
  send(res, problem.status, problem, PROBLEM_CONTENT_TYPE)

async function readJson(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = []
  for await (const chunk of req) chunks.push(chunk as Buffer)
  return JSON.parse(Buffer.concat(chunks).toString('utf8') || 'null')
}

export function startStubServer(port = 0): Promise<{ url: string; server: Server }> {
  const groups = makeGroups()
  const users: User[] = makeUsers(240, { groupIds: groups.map((g) => g.id) })
  const me = makeMe(users)

  const server = createServer(async (req, res) => {
    const url = new URL(req.url ?? '/', 'http://stub')
    if (req.headers.authorization !== 'Bearer demo-token') return fail(res, createProblem('unauthenticated'))
    const route = `${req.method} ${url.pathname}`
    if (route === 'GET /me') return send(res, 200, me)
    if (route === 'GET /roles') {
      const items = roleEntries(BUILT_IN_ROLE_CATALOG)
      return send(res, 200, { items })
    }
    if (route === 'GET /users') {
      const raw: Record<string, string | string[]> = {}
      for (const key of new Set(url.searchParams.keys())) raw[key] = url.searchParams.getAll(key)
      for (const key of ['q', 'sort', 'limit', 'cursor', 'groupId'])
        if (raw[key]) raw[key] = raw[key]?.[0] ?? ''
      const parsed = ListUsersQuerySchema.safeParse(raw)
      if (!parsed.success) return fail(res, requestValidationProblem('query', parsed.error, raw))
      const { q, status, role, limit, cursor } = parsed.data
      const sorted = users
        .filter((u) => !status || status.includes(u.status))
        .filter((u) => !role || role.includes(u.role))
        .filter(
          (u) => !q || `${u.firstName} ${u.lastName} ${u.email}`.toLowerCase().includes(q.toLowerCase()),
        )
        .sort((a, b) => `${a.lastName} ${a.id}`.localeCompare(`${b.lastName} ${b.id}`))
      // Keyset: the cursor names the last row of the previous page, not an offset.
      const start = cursor
        ? sorted.findIndex((u) => u.id === Buffer.from(cursor, 'base64url').toString()) + 1
        : 0
      const items = sorted.slice(start, start + limit)
      const last = items.at(-1)
      const more = start + limit < sorted.length
      return send(res, 200, {
        items,
        nextCursor: more && last ? Buffer.from(last.id).toString('base64url') : null,
      })
    }
    if (route === 'POST /invitations') {
      const body = await readJson(req)
      const parsed = CreateInvitationsSchema.safeParse(body)
      if (!parsed.success) return fail(res, requestValidationProblem('body', parsed.error, body))
      const refused = me.organization.settings.refusedMailboxes
      const results: InvitationRowResult[] = parsed.data.invitations.map((row, index) => {
        // Each row on its own, with the organization's own shared-mailbox list.
        if (isRefusedMailbox(row.email, refused)) {
          return { index, status: 'failed', email: row.email, error: itemError('shared_mailbox_refused') }
        }
        if (users.some((u) => u.email === row.email)) {
          return {
            index,
            status: 'failed',
            email: row.email,
            error: { code: 'email_taken', message: 'Already a member.' },
          }
        }
        const now = FIXTURE_NOW.toISOString()
        const expiresAt = new Date(FIXTURE_NOW.getTime() + 30 * 86_400_000).toISOString()
        const user: User = {
          ...(users[1] as User),
          id: randomUUID(),
          salutation: row.salutation ?? null,
          firstName: row.firstName,
          lastName: row.lastName,
          email: row.email,
          phone: row.phone ?? null,
          role: row.role,
          status: 'invited',
          invitationId: randomUUID(),
          invitationExpiresAt: expiresAt,
          createdAt: now,
          lastActiveAt: null,
          version: 1,
        }
        users.push(user)
        const invitation = {
          id: user.invitationId as string,
          userId: user.id,
          email: user.email,
          salutation: user.salutation,
          firstName: user.firstName,
          lastName: user.lastName,
          role: user.role,
          groupIds: row.groupIds,
          locale: row.locale ?? 'en',
          status: 'pending' as const,
          invitedBy: {
            id: me.user.id,
            name: `${me.user.firstName} ${me.user.lastName}`,
            email: me.user.email,
          },
          expiresAt,
          lastSentAt: now,
          sendCount: 1,
          createdAt: now,
        }
        return { index, status: 'created', invitation, user }
      })
      const created = results.filter((r) => r.status === 'created').length
      return send(res, 200, { results, created, failed: results.length - created })
    }
    return fail(
      res,
      createProblem('not_found', { detail: `${route} is not in this stub; see @usher/server.` }),
    )
  })
  return new Promise((resolve) => {
    server.listen(port, '127.0.0.1', () => {
      const address = server.address()
      const actual = typeof address === 'object' && address ? address.port : port
      resolve({ url: `http://127.0.0.1:${actual}`, server })
    })
  })
}
