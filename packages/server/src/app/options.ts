import type { CustomRoleDefinition } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { DatabaseOptions } from '../db/database'
import type { Database } from '../db/schema'
import type { RateLimitStore } from '../domain/rate-limit-store'
import type { UserExportExtraColumn } from '../domain/user-export'
import type { MailTransport } from '../mail/mailer'

export interface AuthOptions {
  /**
   * HS256 secret the host signs its tokens with (at least 32 bytes). The built-in sign-in signs its
   * sessions with it too.
   * @default process.env.USHER_JWT_SECRET
   */
  secret?: string
  /**
   * A JWKS URL to verify the host's tokens (RS256, ES256, EdDSA...) instead of a shared secret.
   * @default process.env.USHER_JWKS_URL
   */
  jwksUrl?: string
  /** When set, tokens must carry this `iss`. */
  issuer?: string
  /** When set, tokens must carry this `aud`. */
  audience?: string
  /**
   * The built-in password sign-in, password reset and change (`/auth/*`). Turn it off when the
   * host signs its users in itself: those endpoints then answer 404 `builtin_auth_disabled`.
   * Needs `secret` to sign sessions.
   * @default true when a secret is set
   */
  builtin?: boolean
  /** Lifetime of a built-in session, in seconds. @default 3600 */
  sessionTtlSeconds?: number
  /**
   * Longest lifetime of a host token, in seconds: one whose `exp - iat` (or `exp` from now) is
   * longer is refused (401 `unauthenticated`), so a leaked token is not a key for a day. Tokens
   * must carry `exp`.
   * @default 3600
   */
  maxTokenLifetimeSeconds?: number
  /**
   * How many seconds the host's clock may run ahead of the server's: a token whose `iat` is
   * further in the future is refused.
   * @default 60
   */
  clockSkewSeconds?: number
}

export interface LinkOptions {
  /**
   * Where the host serves the accept page; the token is appended as `?token=`.
   * @example 'https://app.example.com/accept-invitation'
   */
  acceptInvitationUrl: string
  /** Where the host serves the password reset page; the token is appended as `?token=`. */
  resetPasswordUrl: string
  /**
   * Where people sign in: the link of the notice sent to an existing account added to an
   * organization at once. Defaults to the root of `acceptInvitationUrl`'s site, where a host
   * sends a signed-out visitor on to its sign-in.
   * @default the origin of acceptInvitationUrl, followed by '/'
   * @example 'https://app.example.com/sign-in'
   */
  signInUrl?: string
  /** The product's name in emails. @default 'Usher' */
  productName?: string
}

export interface LimitOptions {
  /** Largest request body, in bytes. @default 2_000_000 */
  bodyBytes?: number
  /** Minimum seconds between two sends of one invitation. @default 60 */
  resendIntervalSeconds?: number
  /** Sends of one invitation per 24 hours. @default 5 */
  resendPerDay?: number
  /** Sign-in attempts per address and per client address, per 15 minutes. @default 10 */
  loginAttempts?: number
  /** Invitation lookups and accepts per client address per minute. @default 30 */
  publicPerMinute?: number
  /**
   * Where those limits count. By default in the server's database (`databaseRateLimitStore`), so
   * every instance on one database shares one budget; `memoryRateLimitStore()` counts in this
   * process only. A function receives the server's database.
   * @default (db) => databaseRateLimitStore(db)
   * @example { store: (db) => databaseRateLimitStore(db, { namespace: 'staging' }) }
   */
  store?: RateLimitStore | ((db: Kysely<Database>) => RateLimitStore)
}

export interface CorsOptions {
  /**
   * The origins whose pages may call the API from a browser: scheme, host and port, exactly as the
   * browser sends them in `Origin` (no path, no trailing slash); or a function that decides.
   * @example ['https://app.example.com', 'http://localhost:5173']
   */
  origins: readonly string[] | ((origin: string) => boolean)
  /**
   * Send `Access-Control-Allow-Credentials: true`, for a host whose pages call with cookies. The SDK
   * sends its token in `Authorization` and needs no cookies.
   * @default false
   */
  credentials?: boolean
  /** Request headers the host's pages add beyond the SDK's own. @default [] */
  allowHeaders?: readonly string[]
  /** How long a browser may reuse a preflight's answer, in seconds. @default 600 */
  maxAgeSeconds?: number
}

export interface Logger {
  info(message: string, fields?: Record<string, unknown>): void
  warn(message: string, fields?: Record<string, unknown>): void
  error(message: string, fields?: Record<string, unknown>): void
}

export interface SchedulerSettings {
  /** How often an idle worker asks the database for work, in seconds (0.5 at least). @default 2 */
  pollSeconds?: number
  /**
   * How often this instance offers the recurring jobs their next run, in seconds. Each job still
   * runs once per its own period across every instance.
   * @default 15
   */
  tickSeconds?: number
  /**
   * A recurring job's period by name, in seconds, instead of its own: the mail retries
   * (`usher.mail`, 30 s) and the invitation reminders and lapse notices (`usher.invitations`, 300 s).
   * @example { 'usher.invitations': 60 }
   */
  periods?: Readonly<Record<string, number>>
}

export interface UsherServerOptions {
  /** Where the data lives; or an open Kysely instance on the schema (migrations still run). */
  database?: DatabaseOptions | { kysely: Kysely<Database> }
  /**
   * How mail leaves. The outbox table always records every message; with a transport (SMTP when
   * `SMTP_URL` is set) it is also delivered.
   * @default SMTP from process.env.SMTP_URL, else none (outbox only)
   */
  mailer?: { transport?: MailTransport | null; from?: string }
  auth?: AuthOptions
  /**
   * The host's own roles beside owner, admin and technician: each a rank below the owner's, a set
   * of permissions, a scope, whether its holders take one of the plan's seats, and its names in
   * English and French. Every decision (who may give it, whose account its holders manage, seats)
   * follows the same rules as the built-in roles'.
   * @default {}
   * @example { operator: { rank: 15, permissions: ['users:read'], scope: 'groups', takesSeat: true, label: { en: 'Operator', fr: 'Opérateur' } } }
   */
  roles?: Readonly<Record<string, CustomRoleDefinition>>
  links?: Partial<LinkOptions>
  /**
   * Columns of the host's own in the members export (`GET /users/export`), after Usher's.
   * @default []
   * @example [{ key: 'plan', header: { en: 'Plan', fr: 'Offre' }, value: (user) => planOf(user.id) }]
   */
  exportColumns?: readonly UserExportExtraColumn[]
  /**
   * The job engine for time-driven work (mail retries, invitation reminders and lapse notices):
   * pg-boss on the server's own database, PostgreSQL or embedded PGlite; several instances on one
   * PostgreSQL share it and do each job once. `false` turns it off (a host that runs its own
   * worker, tests that move the clock): mail is then still sent after each request.
   * @default {} (on)
   */
  scheduler?: false | SchedulerSettings
  /** What "now" is: tests move it to expire invitations. @default () => new Date() */
  clock?: () => Date
  logger?: Logger
  limits?: LimitOptions
  /**
   * How many proxies of the host's own (load balancer, ingress) stand in front of the server and
   * append the address they saw to X-Forwarded-For. The per-address limits then count the address
   * that many entries from the right of that header; 0 counts the socket's peer and ignores the
   * header, which any client can write.
   * @default 0
   * @example 1 // one load balancer in front
   */
  trustProxy?: number
  /**
   * Cross-origin access, when the pages that call the API are served from another origin than the
   * API (a standalone server, a separate API domain). Off by default: a host that mounts the API
   * under its own origin needs none.
   * @example { origins: ['https://app.example.com'] }
   */
  cors?: CorsOptions
}
