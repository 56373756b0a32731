import { createHash } from 'node:crypto'
import {
  type EndpointDefinition,
  type EndpointName,
  endpoints,
  formatEtag,
  HEADERS,
  IDEMPOTENCY_TTL_HOURS,
  IdempotencyKeySchema,
  parseIfMatch,
  requestValidationProblem,
  requiresActivatedTeam,
} from '@usher/contract'
import type { Context, Hono } from 'hono'
import { type Kysely, sql } from 'kysely'
import type * as z from 'zod'
import type { UsherEnv } from '../app/env'
import type { Services } from '../app/services'
import type { Database } from '../db/schema'
import { type Actor, can } from '../domain/actor'
import { type AuditInput, writeAudit } from '../domain/audit'
import { authenticateMailPipeline } from '../inbound/pipeline-actor'
import { authenticate } from './authenticate'
import { ProblemError } from './problem-error'
import { bodyIsOfType, readJsonBody, readTextBody } from './read-body'

type Out<T> = T extends z.ZodType ? z.output<T> : undefined
type Success<E extends EndpointDefinition> = E['success'] extends { schema: infer S extends z.ZodType }
  ? z.input<S>
  : E['success'] extends { file: object }
    ? Response
    : undefined

export interface HandlerContext<E extends EndpointDefinition> {
  c: Context<UsherEnv>
  services: Services
  /**
   * The database; inside an idempotent request already a transaction (the work and its stored
   * answer commit together). Use `transaction()` to group writes: it joins that one.
   */
  db: Kysely<Database>
  actor: E['auth'] extends 'public' ? null : Actor
  params: Out<E['params']>
  query: Out<E['query']>
  body: Out<E['body']>
  /** The version `If-Match` names, on endpoints that require it. */
  ifMatch: E['ifMatch'] extends true ? number : undefined
  requestId: string
  /** The request's "now", from the server's clock: one value for the whole request. */
  now: Date
  /** Runs `fn` in a transaction, or in the one already open. */
  transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>
  /** Writes an audit event as the actor, in `db` (pass the transaction of the change). */
  audit(db: Kysely<Database>, event: AuditInput): Promise<void>
  /** Work to run once the change is committed (mail delivery). Errors are logged, not answered. */
  afterCommit(fn: () => Promise<unknown>): void
}

export type Handler<E extends EndpointDefinition> = (ctx: HandlerContext<E>) => Promise<Success<E>>

/** Hono path syntax from the contract's OpenAPI path: `/users/{id}` → `/users/:id`. */
const honoPath = (path: string) => path.replace(/\{(\w+)\}/g, ':$1')

/** `?a=1&a=2&b=3` → `{ a: ['1', '2'], b: '3' }`: single values stay strings for the schemas. */
function queryObject(c: Context): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {}
  for (const [key, values] of Object.entries(c.req.queries())) {
    out[key] = values.length === 1 ? (values[0] as string) : values
  }
  return out
}

function parsePart(
  part: 'body' | 'query' | 'params',
  schema: z.ZodType | undefined,
  input: unknown,
): unknown {
  if (!schema) return undefined
  const result = schema.safeParse(input)
  if (!result.success)
    throw new ProblemError('validation_failed', requestValidationProblem(part, result.error, input))
  return result.data
}

/**
 * Registers the handler of one row of the contract's endpoint table. Everything the table says is
 * enforced here, in this order: sign-in (401), permission (403), path, query and body against the
 * contract's schemas (422; unknown fields refused), `If-Match` (428), `Idempotency-Key` (replay,
 * 409 in progress, 422 reused). The handler gets parsed, typed input and answers the success body.
 */
export function route<N extends EndpointName>(
  app: Hono<UsherEnv>,
  name: N,
  handler: Handler<(typeof endpoints)[N]>,
) {
  const endpoint: EndpointDefinition = endpoints[name]
  app.on(endpoint.method, honoPath(endpoint.path), async (c) => {
    const services = c.get('services')
    const requestId = c.get('requestId')
    const now = services.now()

    let actor: Actor | null = null
    if (endpoint.auth === 'inbound-email-token') {
      // A machine's token, not a member's session: it acts for its organization, on this door only.
      actor = await authenticateMailPipeline(c, services, now)
      c.set('actor', actor)
    } else if (endpoint.auth !== 'public') {
      actor = await authenticate(c, services, now, name)
      if (endpoint.auth !== 'authenticated' && !can(actor, endpoint.auth)) {
        throw new ProblemError('forbidden', { detail: `This action needs the permission ${endpoint.auth}.` })
      }
      // Before the team is named, its people, groups and shares are not managed (the contract's rule).
      if (requiresActivatedTeam(endpoint) && !actor.org.activated_at) {
        throw new ProblemError('team_not_activated', { detail: 'Name the team to activate it first.' })
      }
      c.set('actor', actor)
    }

    const params = parsePart('params', endpoint.params, c.req.param())
    const query = parsePart('query', endpoint.query, queryObject(c))
    let rawBody: unknown
    if (endpoint.rawBody && bodyIsOfType(c, endpoint.rawBody.contentType)) {
      const text = await readTextBody(c, services.limits.bodyBytes)
      rawBody = text === undefined ? undefined : { [endpoint.rawBody.field]: text }
    } else if (endpoint.body) rawBody = await readJsonBody(c, services.limits.bodyBytes)
    const body = parsePart('body', endpoint.body, rawBody)

    let ifMatch: number | undefined
    if (endpoint.ifMatch) {
      const header = c.req.header(HEADERS.ifMatch)
      const version = parseIfMatch(header)
      if (version === null) {
        throw new ProblemError('precondition_required', {
          detail: header ? 'If-Match must be a strong ETag such as "7".' : undefined,
        })
      }
      ifMatch = version
    }

    const after: Array<() => Promise<unknown>> = []
    const base = {
      c,
      services,
      actor,
      params,
      query,
      body,
      ifMatch,
      requestId,
      now,
      afterCommit: (fn: () => Promise<unknown>) => {
        after.push(fn)
      },
    }
    const contextFor = (db: Kysely<Database>, inTransaction: boolean) =>
      ({
        ...base,
        db,
        transaction: <T>(fn: (trx: Kysely<Database>) => Promise<T>) =>
          inTransaction ? fn(db) : db.transaction().execute(fn),
        audit: (trx: Kysely<Database>, event: AuditInput) =>
          writeAudit(trx, { actor, requestId, now }, event),
      }) as HandlerContext<EndpointDefinition>

    const key = endpoint.idempotent ? c.req.header(HEADERS.idempotencyKey) : undefined
    let status: number = endpoint.success.status
    let result: unknown
    let replayed = false
    if (key !== undefined && actor) {
      if (!IdempotencyKeySchema.safeParse(key).success) {
        throw new ProblemError('validation_failed', {
          errors: [
            {
              path: 'headers.idempotency-key',
              code: 'invalid_format',
              message: '8 to 255 printable characters.',
            },
          ],
        })
      }
      const hash = createHash('sha256')
        .update(JSON.stringify([name, actor.user.id, c.req.param(), rawBody ?? null]))
        .digest('hex')
      const outcome = await runIdempotent(
        services.db,
        actor.org.id,
        key,
        name,
        hash,
        now,
        (trx) => (handler as Handler<EndpointDefinition>)(contextFor(trx, true)),
        endpoint.success.status,
      )
      status = outcome.status
      result = outcome.body
      replayed = outcome.replayed
    } else {
      result = await (handler as Handler<EndpointDefinition>)(contextFor(services.db, false))
    }

    for (const fn of after) {
      fn().catch((error) =>
        services.logger.error('after-commit task failed', { requestId, error: String(error) }),
      )
    }

    // A file endpoint answers its own Response (a streamed body with its own headers).
    if (result instanceof Response) {
      for (const [name, value] of c.res.headers) {
        if (!result.headers.has(name)) result.headers.set(name, value)
      }
      return result
    }
    if (replayed) c.header('Idempotent-Replayed', 'true')
    const version = (result as { version?: unknown } | undefined)?.version
    if (typeof version === 'number' && endpoint.method !== 'POST') c.header(HEADERS.etag, formatEtag(version))
    if (status === 204 || result === undefined) return c.body(null, status === 204 ? 204 : (status as 200))
    return c.json(result as object, status as 200)
  })
}

/**
 * Runs `work` at most once per (organization, key) for 24 hours. The work and its stored answer
 * commit in one transaction, under a transaction-scoped advisory lock on the key: a concurrent
 * request with the same key gets 409 at once, and a request cut off midway (connection lost,
 * process killed) rolls back whole, lock included, so its retry starts clean and nothing is done
 * twice.
 */
async function runIdempotent(
  db: Kysely<Database>,
  orgId: string,
  key: string,
  endpoint: string,
  hash: string,
  now: Date,
  work: (trx: Kysely<Database>) => Promise<unknown>,
  successStatus: number,
): Promise<{ status: number; body: unknown; replayed: boolean }> {
  return db.transaction().execute(async (trx) => {
    const lock = await sql<{ locked: boolean }>`
      select pg_try_advisory_xact_lock(hashtextextended(${`${orgId}:${key}`}, 0)) as locked`.execute(trx)
    if (!lock.rows[0]?.locked) {
      throw new ProblemError('idempotency_in_progress', { retryAfter: 1 }, { 'Retry-After': '1' })
    }
    const since = new Date(now.getTime() - IDEMPOTENCY_TTL_HOURS * 3_600_000)
    const previous = await trx
      .selectFrom('idempotency_keys')
      .selectAll()
      .where('org_id', '=', orgId)
      .where('key', '=', key)
      .executeTakeFirst()
    if (previous && new Date(previous.created_at) > since) {
      if (previous.endpoint !== endpoint || previous.request_hash !== hash) {
        throw new ProblemError('idempotency_key_reused')
      }
      return { status: previous.status_code, body: previous.body ?? undefined, replayed: true }
    }
    const body = await work(trx)
    await trx.deleteFrom('idempotency_keys').where('org_id', '=', orgId).where('key', '=', key).execute()
    await trx
      .insertInto('idempotency_keys')
      .values({
        org_id: orgId,
        key,
        endpoint,
        request_hash: hash,
        status_code: successStatus,
        body: body === undefined ? null : JSON.stringify(body),
        created_at: now,
      })
      .execute()
    return { status: successStatus, body, replayed: false }
  })
}
