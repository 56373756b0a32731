import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import type { PGlite } from '@electric-sql/pglite'
import {
  createProblem,
  createRoleCatalog,
  HEADERS,
  PROBLEM_CONTENT_TYPE,
  type Problem,
} from '@usher/contract'
import { Hono } from 'hono'
import type { Kysely } from 'kysely'
import { createTokenVerifier } from '../auth/tokens'
import { openDatabase } from '../db/database'
import { migrateToLatest } from '../db/migrate'
import type { Database } from '../db/schema'
import { databaseRateLimitStore, type RateLimitStore } from '../domain/rate-limit-store'
import { ProblemError } from '../http/problem-error'
import { registerInboundEmailRoutes } from '../inbound/routes'
import { deliverPending, purgeOutbox } from '../mail/mailer'
import { smtpTransport } from '../mail/smtp-transport'
import { registerAccessReviewRoutes } from '../routes/access-reviews'
import { registerAuditRoutes } from '../routes/audit'
import { registerAuthRoutes } from '../routes/auth'
import { registerGroupRoutes } from '../routes/groups'
import { registerImportRoutes } from '../routes/imports'
import { registerInvitationRoutes } from '../routes/invitations'
import { registerMailProblemRoutes } from '../routes/mail-problems'
import { registerMeRoutes } from '../routes/me'
import { registerOrganizationRoutes } from '../routes/organization'
import { registerShareRoutes } from '../routes/shares'
import { registerUserRoutes } from '../routes/users'
import { registerUserExportRoutes } from '../routes/users-export'
import { builtInJobs } from '../scheduler/jobs'
import { type Scheduler, startScheduler } from '../scheduler/scheduler'
import { registerDirectorySyncRoutes } from '../scim/routes'
import { corsMiddleware } from './cors'
import type { UsherEnv } from './env'
import type { Logger, UsherServerOptions } from './options'
import { createProvisioning, type Provisioning } from './provisioning'
import type { Services } from './services'

export interface UsherServer extends Hono<UsherEnv> {
  /** Resolves once the database is migrated; requests wait for it on their own. */
  ready: Promise<void>
  /** The database, for the host's own queries and for tests. */
  db: Kysely<Database>
  /** Create organizations and their first owner (what a host does when a customer signs up). */
  provision: Provisioning
  /** Sends the outbox's unsent messages now (they are also sent after each request that wrote one). */
  flushMail(): Promise<number>
  /**
   * The job engine (pg-boss on the server's database) that retries mail, reminds invitees and
   * tells inviters of lapsed invitations; register the host's own jobs on it. Null when the
   * `scheduler` option is false. Its calls wait for the engine to start.
   */
  scheduler: Scheduler | null
  /** Stops the scheduler, closes the database (and the SMTP transport). */
  close(): Promise<void>
}

const consoleLogger: Logger = {
  info: (message, fields) => console.info(`[usher] ${message}`, fields ?? ''),
  warn: (message, fields) => console.warn(`[usher] ${message}`, fields ?? ''),
  error: (message, fields) => console.error(`[usher] ${message}`, fields ?? ''),
}

/** The links of the emails, with the defaults of a host serving its pages on localhost:5173. */
function linkOptions(links: UsherServerOptions['links']): Services['links'] {
  const acceptInvitationUrl = links?.acceptInvitationUrl ?? 'http://localhost:5173/accept-invitation'
  return {
    acceptInvitationUrl,
    resetPasswordUrl: links?.resetPasswordUrl ?? 'http://localhost:5173/reset-password',
    signInUrl: links?.signInUrl ?? new URL('/', acceptInvitationUrl).href,
    productName: links?.productName ?? 'Usher',
  }
}

function loadOpenApiDocument(): string {
  const require = createRequire(import.meta.url)
  return readFileSync(require.resolve('@usher/contract/openapi.json'), 'utf8')
}

/**
 * The Usher API as a Hono app, to mount under any prefix:
 * @example
 * const usher = createUsherServer({ auth: { secret: process.env.USHER_JWT_SECRET } })
 * hostApp.route('/api/usher', usher)
 */
export function createUsherServer(options: UsherServerOptions = {}): UsherServer {
  const now = options.clock ?? (() => new Date())
  const logger = options.logger ?? consoleLogger
  const database: { db: Kysely<Database>; pglite?: PGlite; close(): Promise<void> } =
    options.database && 'kysely' in options.database
      ? { db: options.database.kysely, close: async () => {} }
      : openDatabase(options.database)
  const db = database.db

  const secret = options.auth?.secret ?? process.env.USHER_JWT_SECRET
  const jwksUrl = options.auth?.jwksUrl ?? process.env.USHER_JWKS_URL
  if (secret !== undefined && secret.length < 32) {
    throw new Error('The JWT secret must be at least 32 characters (USHER_JWT_SECRET).')
  }
  const smtpUrl = process.env.SMTP_URL
  const ownedTransport = options.mailer?.transport === undefined && smtpUrl ? smtpTransport(smtpUrl) : null
  const transport = options.mailer?.transport === undefined ? ownedTransport : options.mailer.transport

  const services: Services = {
    roles: createRoleCatalog(options.roles),
    exportColumns: options.exportColumns ?? [],
    db,
    now,
    tokens: createTokenVerifier({
      secret,
      jwksUrl,
      issuer: options.auth?.issuer,
      audience: options.auth?.audience,
      now,
      maxLifetimeSeconds: options.auth?.maxTokenLifetimeSeconds,
      clockSkewSeconds: options.auth?.clockSkewSeconds,
    }),
    secret,
    builtinAuth: (options.auth?.builtin ?? true) && Boolean(secret),
    trustProxy: trustedProxies(options.trustProxy),
    sessionTtlSeconds: options.auth?.sessionTtlSeconds ?? 3600,
    mail: {
      transport,
      from: options.mailer?.from ?? process.env.SMTP_FROM ?? 'Usher <no-reply@usher.localhost>',
    },
    links: linkOptions(options.links),
    logger,
    limits: {
      bodyBytes: options.limits?.bodyBytes ?? 2_000_000,
      resendIntervalSeconds: options.limits?.resendIntervalSeconds ?? 60,
      resendPerDay: options.limits?.resendPerDay ?? 5,
      loginAttempts: options.limits?.loginAttempts ?? 10,
      publicPerMinute: options.limits?.publicPerMinute ?? 30,
    },
    rateLimits: rateLimitStore(options.limits?.store, db),
  }

  const ready = migrateToLatest(db).then(() => undefined)
  // A failed migration is reported to every request (503) and to whoever awaits `ready`.
  ready.catch((error) => logger.error('database migration failed', { error: String(error) }))
  const openapi = loadOpenApiDocument()

  const app = new Hono<UsherEnv>()
  // First, so a preflight is answered before anything waits for the database.
  if (options.cors) app.use(corsMiddleware(options.cors))

  app.use(async (c, next) => {
    const incoming = c.req.header(HEADERS.requestId)
    const requestId = incoming && /^[\w.:-]{1,100}$/.test(incoming) ? incoming : randomUUID()
    c.set('requestId', requestId)
    c.set('services', services)
    c.set('actor', null)
    c.header(HEADERS.requestId, requestId)
    c.header('Cache-Control', 'no-store')
    try {
      await ready
    } catch {
      throw new ProblemError('service_unavailable', { retryAfter: 5 }, { 'Retry-After': '5' })
    }
    await next()
  })

  app.get('/openapi.json', (c) => c.body(openapi, 200, { 'Content-Type': 'application/json' }))
  registerMeRoutes(app)
  registerOrganizationRoutes(app)
  registerMailProblemRoutes(app)
  // Before the user routes, so that "export" is never read as a user id.
  registerUserExportRoutes(app)
  registerUserRoutes(app)
  registerInvitationRoutes(app)
  registerGroupRoutes(app)
  registerShareRoutes(app)
  registerImportRoutes(app)
  registerAuditRoutes(app)
  registerAccessReviewRoutes(app)
  registerAuthRoutes(app)
  registerDirectorySyncRoutes(app)
  registerInboundEmailRoutes(app)

  app.notFound((c) =>
    problemResponse(
      createProblem('not_found', { detail: `No route ${c.req.method} ${c.req.path}.` }),
      c.get('requestId'),
    ),
  )
  app.onError((error, c) => {
    const requestId = c.get('requestId')
    if (error instanceof ProblemError) return problemResponse(error.problem, requestId, error.headers)
    if (isDataException(error)) {
      // A value of the request that the checks let through and PostgreSQL refused (a NUL in a
      // text, a date out of range): the request is wrong, not the server.
      logger.warn('data exception', { requestId, error: String(error) })
      return problemResponse(
        createProblem('validation_failed', {
          detail: 'The database could not read a value of this request.',
        }),
        requestId,
      )
    }
    if (isUnavailable(error)) {
      logger.warn('database unavailable', { requestId, error: String(error) })
      return problemResponse(createProblem('service_unavailable', { retryAfter: 2 }), requestId, {
        'Retry-After': '2',
      })
    }
    logger.error('unhandled error', {
      requestId,
      error: error instanceof Error ? (error.stack ?? error.message) : String(error),
    })
    return problemResponse(createProblem('internal_error'), requestId)
  })

  const flushMail = () => deliverPending(db, transport, services.mail.from, now)
  // At start-up: rows past the outbox's retention go, then messages committed while no transport
  // was reachable are sent. Without a transport the outbox is the development mailbox: kept whole.
  if (transport) {
    ready
      .then(
        async () => {
          await purgeOutbox(db, now())
          await flushMail()
        },
        () => {}, // a failed migration is reported above
      )
      .catch((error) => logger.warn('start-up mail delivery failed', { error: String(error) }))
  }

  const scheduler = schedulerOf(options.scheduler, ready, services, database.pglite)

  return Object.assign(app, {
    ready,
    db,
    provision: createProvisioning(services, ready),
    flushMail,
    scheduler,
    async close() {
      await ready.catch(() => {})
      await scheduler?.stop()
      ownedTransport?.close()
      await database.close()
    },
  })
}

/**
 * Starts the job engine once the database is migrated. The handle's calls wait for it; a failed
 * start is logged and rejects them, and the API keeps serving (mail is still sent after requests).
 */
function schedulerOf(
  option: UsherServerOptions['scheduler'],
  ready: Promise<void>,
  services: Services,
  pglite: PGlite | undefined,
): Scheduler | null {
  if (option === false) return null
  const started = ready.then(() =>
    startScheduler(
      {
        db: services.db,
        pglite,
        now: services.now,
        logger: services.logger,
        pollSeconds: option?.pollSeconds,
        tickSeconds: option?.tickSeconds,
        periods: option?.periods,
      },
      builtInJobs(services),
    ),
  )
  started.catch((error) => services.logger.error('scheduler failed to start', { error: String(error) }))
  const running = started.then(() => undefined)
  running.catch(() => {})
  return {
    started: running,
    register: async (job) => (await started).register(job),
    enqueue: async (name, data, enqueueOptions) => (await started).enqueue(name, data, enqueueOptions),
    runNow: async (name, data, timeoutMs) => (await started).runNow(name, data, timeoutMs),
    stop: async () => {
      const running = await started.catch(() => null)
      await running?.stop()
    },
  }
}

function trustedProxies(value: number | undefined): number {
  if (value === undefined) return 0
  if (!Number.isInteger(value) || value < 0) {
    throw new Error('trustProxy must be the number of proxies in front of the server (0 or more).')
  }
  return value
}

function rateLimitStore(
  store: RateLimitStore | ((db: Kysely<Database>) => RateLimitStore) | undefined,
  db: Kysely<Database>,
): RateLimitStore {
  if (store === undefined) return databaseRateLimitStore(db)
  return typeof store === 'function' ? store(db) : store
}

function problemResponse(
  problem: Problem,
  requestId: string | undefined,
  headers: Record<string, string> = {},
) {
  const body: Problem = requestId ? { ...problem, requestId } : problem
  return new Response(JSON.stringify(body), {
    status: problem.status,
    headers: {
      'Content-Type': PROBLEM_CONTENT_TYPE,
      'Cache-Control': 'no-store',
      ...(requestId ? { [HEADERS.requestId]: requestId } : {}),
      ...headers,
    },
  })
}

/** PostgreSQL's class 22 (data exception): a value it cannot read, such as a bad cast or a NUL byte. */
function isDataException(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  return typeof code === 'string' && /^22[0-9A-Z]{3}$/.test(code)
}

/** Connection-level failures of the database: worth a retry, not a 500. */
function isUnavailable(error: unknown): boolean {
  const code = (error as { code?: unknown })?.code
  if (
    typeof code === 'string' &&
    (/^08/.test(code) || code === '57P01' || code === 'ECONNREFUSED' || code === 'ECONNRESET')
  )
    return true
  const message = error instanceof Error ? error.message : ''
  return /Connection terminated|connection refused|terminating connection|not queryable/i.test(message)
}
