import { createHash, randomBytes, randomUUID } from 'node:crypto'
import type { DirectoryToken, DirectoryTokenCreated } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { Services } from '../app/services'
import type { Database, OrganizationRow } from '../db/schema'
import type { Actor } from './actor'
import type { AuditInput } from './audit'
import { throttle } from './auth-limits'
import { iso } from './time'

/**
 * The organization's bearer tokens for machines: a directory (SCIM) and a mail pipeline. One
 * table, one way to issue, find, list and revoke them; each token is for one purpose and opens
 * that door only. The secret is 256 random bits, shown once; the database keeps its SHA-256.
 */

export type OrgTokenPurpose = 'scim' | 'inbound-email'

/** What each kind of token is called: the secret's prefix and the audit log's field. */
const KINDS: Record<OrgTokenPurpose, { prefix: string; auditField: string }> = {
  scim: { prefix: 'usher_scim_', auditField: 'directoryToken' },
  'inbound-email': { prefix: 'usher_mail_', auditField: 'inboundEmailToken' },
}

export const hashOrgTokenSecret = (secret: string) => createHash('sha256').update(secret).digest('hex')

/** A new secret for `purpose`, the hash that is all the database keeps, and the prefix the panel shows. */
export function newOrgTokenSecret(purpose: OrgTokenPurpose): {
  secret: string
  hash: string
  prefix: string
} {
  const { prefix } = KINDS[purpose]
  const secret = `${prefix}${randomBytes(32).toString('base64url')}`
  return { secret, hash: hashOrgTokenSecret(secret), prefix: secret.slice(0, prefix.length + 4) }
}

type TokenRow = {
  id: string
  name: string
  prefix: string
  created_at: Date | string
  last_used_at: Date | string | null
}
const toToken = (row: TokenRow): DirectoryToken => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  createdAt: iso(row.created_at),
  lastUsedAt: row.last_used_at ? iso(row.last_used_at) : null,
})

/** The organization's live tokens for `purpose`, oldest first. */
export async function listOrgTokens(
  db: Kysely<Database>,
  orgId: string,
  purpose: OrgTokenPurpose,
): Promise<DirectoryToken[]> {
  const rows = await db
    .selectFrom('directory_tokens')
    .select(['id', 'name', 'prefix', 'created_at', 'last_used_at'])
    .where('org_id', '=', orgId)
    .where('purpose', '=', purpose)
    .where('revoked_at', 'is', null)
    .orderBy('created_at')
    .execute()
  return rows.map(toToken)
}

/** What issuing or revoking a token needs of the request: its actor, clock, transaction and audit. */
export interface TokenWriteContext {
  actor: Actor
  now: Date
  transaction<T>(fn: (trx: Kysely<Database>) => Promise<T>): Promise<T>
  audit(db: Kysely<Database>, event: AuditInput): Promise<void>
}

/** Issues a named token (audited); the answer carries the secret, this once. */
export async function createOrgToken(
  ctx: TokenWriteContext,
  purpose: OrgTokenPurpose,
  name: string,
): Promise<DirectoryTokenCreated> {
  const { actor, now } = ctx
  const { secret, hash, prefix } = newOrgTokenSecret(purpose)
  const row = {
    id: randomUUID(),
    org_id: actor.org.id,
    name,
    prefix,
    token_hash: hash,
    purpose,
    created_by: actor.user.id,
    created_at: now,
    last_used_at: null,
    revoked_at: null,
  }
  await ctx.transaction(async (trx) => {
    await trx.insertInto('directory_tokens').values(row).execute()
    await ctx.audit(trx, {
      action: 'organization.updated',
      target: { type: 'organization', id: actor.org.id, label: actor.org.name },
      changes: { [KINDS[purpose].auditField]: [null, name] },
    })
  })
  return { ...toToken(row), secret }
}

/** Revokes a live token of the organization for `purpose` (audited); false when there is none. */
export async function revokeOrgToken(ctx: TokenWriteContext, purpose: OrgTokenPurpose, id: string) {
  const { actor, now } = ctx
  return ctx.transaction(async (trx) => {
    const revoked = await trx
      .updateTable('directory_tokens')
      .set({ revoked_at: now })
      .where('id', '=', id)
      .where('org_id', '=', actor.org.id)
      .where('purpose', '=', purpose)
      .where('revoked_at', 'is', null)
      .returning('name')
      .executeTakeFirst()
    if (!revoked) return false
    await ctx.audit(trx, {
      action: 'organization.updated',
      target: { type: 'organization', id: actor.org.id, label: actor.org.name },
      changes: { [KINDS[purpose].auditField]: [revoked.name, null] },
    })
    return true
  })
}

/** The bearer secret of an `Authorization` header, or null. */
export const bearerSecret = (header: string | undefined) => header?.match(/^Bearer\s+(\S+)$/i)?.[1] ?? null

/**
 * The live token a secret names for `purpose`, and its organization; null when it names none
 * (revoked, never issued, or issued for the other door). Within its rate limit (429 beyond, from
 * the server's limiter, which instances share). Its last use is written at most once a minute.
 */
export async function findOrgToken(
  services: Services,
  purpose: OrgTokenPurpose,
  secret: string,
  now: Date,
  limit: { requests: number; windowSeconds: number; detail: string },
): Promise<{ token: { id: string; name: string }; org: OrganizationRow } | null> {
  const token = await services.db
    .selectFrom('directory_tokens')
    .selectAll()
    .where('token_hash', '=', hashOrgTokenSecret(secret))
    .where('purpose', '=', purpose)
    .where('revoked_at', 'is', null)
    .executeTakeFirst()
  if (!token) return null
  await throttle(services, `${purpose}:${token.id}`, limit.requests, limit.windowSeconds, now, limit.detail)
  const org = await services.db
    .selectFrom('organizations')
    .selectAll()
    .where('id', '=', token.org_id)
    .executeTakeFirstOrThrow()
  if (!token.last_used_at || now.getTime() - new Date(token.last_used_at).getTime() > 60_000) {
    await services.db
      .updateTable('directory_tokens')
      .set({ last_used_at: now })
      .where('id', '=', token.id)
      .execute()
  }
  return { token: { id: token.id, name: token.name }, org }
}
