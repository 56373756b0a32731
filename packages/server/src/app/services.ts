import type { RoleCatalog } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { TokenVerifier } from '../auth/tokens'
import type { Database } from '../db/schema'
import type { RateLimitStore } from '../domain/rate-limit-store'
import type { UserExportExtraColumn } from '../domain/user-export'
import type { MailTransport } from '../mail/mailer'
import type { LinkOptions, Logger } from './options'

/** Everything a handler may need besides the request: built once per server. */
export interface Services {
  db: Kysely<Database>
  now: () => Date
  /** The built-in roles and the host's (`options.roles`): every role decision asks it. */
  roles: RoleCatalog
  /** The host's extra columns of the members export. */
  exportColumns: readonly UserExportExtraColumn[]
  tokens: TokenVerifier
  /** The HS256 secret, when one is configured (for `provision.token`). */
  secret: string | undefined
  builtinAuth: boolean
  /** Proxies in front that append to X-Forwarded-For (`options.trustProxy`). */
  trustProxy: number
  sessionTtlSeconds: number
  mail: { transport: MailTransport | null; from: string }
  links: Required<LinkOptions>
  logger: Logger
  limits: {
    bodyBytes: number
    resendIntervalSeconds: number
    resendPerDay: number
    loginAttempts: number
    publicPerMinute: number
  }
  /**
   * The counters of the sign-in, password and public link limits: the database unless the host
   * chose another store. (Resends are capped from the invitations' own rows and audit events.)
   */
  rateLimits: RateLimitStore
}
