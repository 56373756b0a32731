import { createHash, randomBytes } from 'node:crypto'
import {
  DEFAULT_DIRECTORY_SYNC_SETTINGS,
  type DirectorySyncSettings,
  DirectorySyncSettingsSchema,
} from '@usher/contract'
import type { Context } from 'hono'
import type { Kysely } from 'kysely'
import type { UsherEnv } from '../app/env'
import type { Services } from '../app/services'
import type { Database, UserRow } from '../db/schema'
import type { Actor } from '../domain/actor'
import { throttle } from '../domain/auth-limits'
import { organizationSettings } from '../domain/organizations'
import { ScimError } from './errors'

/** Requests per token in a window: a full Entra cycle runs well below it; a runaway loop does not. */
export const DIRECTORY_RATE_LIMIT = { requests: 12_000, windowSeconds: 60 }

const SECRET_PREFIX = 'usher_scim_'

/** A new bearer token: 256 random bits, and the hash that is all the database keeps. */
export function newDirectorySecret(): { secret: string; hash: string; prefix: string } {
  const secret = `${SECRET_PREFIX}${randomBytes(32).toString('base64url')}`
  return { secret, hash: hashDirectorySecret(secret), prefix: secret.slice(0, SECRET_PREFIX.length + 4) }
}

export const hashDirectorySecret = (secret: string) => createHash('sha256').update(secret).digest('hex')

/** The organization's directory sync settings (the defaults until the owner changes one). */
export async function directorySettings(db: Kysely<Database>, orgId: string): Promise<DirectorySyncSettings> {
  const row = await db
    .selectFrom('directory_settings')
    .select('settings')
    .where('org_id', '=', orgId)
    .executeTakeFirst()
  const parsed = DirectorySyncSettingsSchema.safeParse({
    ...DEFAULT_DIRECTORY_SYNC_SETTINGS,
    ...((row?.settings as object | undefined) ?? {}),
  })
  return parsed.success ? parsed.data : DEFAULT_DIRECTORY_SYNC_SETTINGS
}

/** Who a directory request acts as: the organization (owner-wide), audited as the directory. */
export interface DirectoryCaller {
  actor: Actor
  token: { id: string; name: string }
  settings: DirectorySyncSettings
}

/**
 * The directory as an actor: organization-wide (a token acts for the whole organization, like its
 * owner, so the rules judge its writes exactly as they judge the owner's), and named in the audit
 * log as the directory and its token. Its `user` is no member: its id is the token's, which no
 * foreign key points at, and nothing it writes names it as an inviter.
 */
function directoryActor(services: Services, org: Actor['org'], token: { id: string; name: string }): Actor {
  const user: UserRow = {
    id: token.id,
    org_id: org.id,
    email: '',
    salutation: null,
    first_name: 'Directory sync',
    last_name: `(${token.name})`,
    nickname: null,
    phone: null,
    mobile: null,
    job_title: null,
    department: null,
    description: null,
    external_id: null,
    locale: 'en',
    role: 'owner',
    enabled: true,
    activated_at: org.created_at,
    invitation_expires_at: null,
    contact_for: [],
    primary_contact: false,
    assigned_agent_id: null,
    must_change_password: false,
    source: 'scim',
    password_hash: null,
    session_epoch: 0,
    created_at: org.created_at,
    last_active_at: null,
    version: 1,
    shares_version: 1,
    sort_name: '',
    search_first: '',
    search_last: '',
    search_full: '',
  } as UserRow
  return {
    user,
    org,
    settings: organizationSettings(org),
    role: 'owner',
    rank: services.roles.rankOf('owner'),
    roles: services.roles,
    permissions: services.roles.permissionsOf('owner'),
    scope: null,
  }
}

const unauthorized = (detail: string) =>
  new ScimError(401, detail, null, { 'WWW-Authenticate': 'Bearer realm="scim"' })

/**
 * The caller of a SCIM request: a live token of the organization (401 otherwise), within its rate
 * limit (429). A token reaches its own organization only: everything below filters on its org.
 */
export async function authenticateDirectory(
  c: Context<UsherEnv>,
  services: Services,
  now: Date,
): Promise<DirectoryCaller> {
  const header = c.req.header('Authorization')
  const secret = header?.match(/^Bearer\s+(\S+)$/i)?.[1]
  if (!secret) throw unauthorized('Authorization must be "Bearer <directory token>".')
  const token = await services.db
    .selectFrom('directory_tokens')
    .selectAll()
    .where('token_hash', '=', hashDirectorySecret(secret))
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!token) throw unauthorized('This directory token is not valid (revoked, or never issued).')
  // The server's limiter (its store: the database by default, so instances share the budget).
  await throttle(
    services,
    `scim:${token.id}`,
    DIRECTORY_RATE_LIMIT.requests,
    DIRECTORY_RATE_LIMIT.windowSeconds,
    now,
    'Too many requests with this directory token.',
  )
  const org = await services.db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', token.org_id)
    .executeTakeFirstOrThrow()
  // Last use, at most once a minute: not a write per request.
  if (!token.last_used_at || now.getTime() - new Date(token.last_used_at).getTime() > 60_000) {
    await services.db
      .updateTable('directory_tokens')
      .set({ last_used_at: now })
      .where('id', '=', token.id)
      .execute()
  }
  const named = { id: token.id, name: token.name }
  return {
    actor: directoryActor(services, org, named),
    token: named,
    settings: await directorySettings(services.db, org.id),
  }
}
