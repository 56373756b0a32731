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
import { bearerSecret, findOrgToken } from '../domain/org-tokens'
import { organizationSettings } from '../domain/organizations'
import { ScimError } from './errors'

/** Requests per token in a window: a full Entra cycle runs well below it; a runaway loop does not. */
export const DIRECTORY_RATE_LIMIT = { requests: 12_000, windowSeconds: 60 }

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

/** Who a machine's token acts as, as the audit log names it. */
export interface TokenIdentity {
  firstName: string
  lastName: string
  source: UserRow['source']
}

/**
 * A machine with an organization's token as an actor (a directory, a mail pipeline):
 * organization-wide (a token acts for the whole organization, like its owner, so the rules judge
 * its writes exactly as they judge the owner's), and named in the audit log as the machine and its
 * token. Its `user` is no member: its id is the token's, which no foreign key points at, and
 * nothing it writes names it as an inviter.
 */
export function organizationTokenActor(
  services: Services,
  org: Actor['org'],
  token: { id: string; name: string },
  identity: TokenIdentity,
): Actor {
  const user: UserRow = {
    id: token.id,
    org_id: org.id,
    email: '',
    salutation: null,
    first_name: identity.firstName,
    last_name: identity.lastName,
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
    source: identity.source,
    account_id: null,
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
    account: null,
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
  const secret = bearerSecret(c.req.header('Authorization'))
  if (!secret) throw unauthorized('Authorization must be "Bearer <directory token>".')
  const found = await findOrgToken(services, 'scim', secret, now, {
    ...DIRECTORY_RATE_LIMIT,
    detail: 'Too many requests with this directory token.',
  })
  if (!found) throw unauthorized('This directory token is not valid (revoked, or never issued).')
  const { token, org } = found
  return {
    actor: organizationTokenActor(services, org, token, {
      firstName: 'Directory sync',
      lastName: `(${token.name})`,
      source: 'scim',
    }),
    token,
    settings: await directorySettings(services.db, org.id),
  }
}
