import type { Context } from 'hono'
import type { UsherEnv } from '../app/env'
import type { Services } from '../app/services'
import type { Actor } from '../domain/actor'
import { bearerSecret, findOrgToken } from '../domain/org-tokens'
import { ProblemError } from '../http/problem-error'
import { organizationTokenActor } from '../scim/directory-actor'

/** Messages per token in a minute: a busy helpdesk stays well below; a mail loop does not. */
export const PIPELINE_RATE_LIMIT = { requests: 6_000, windowSeconds: 60 }

/**
 * The caller of POST /inbound-email: a live mail pipeline token of an organization (401
 * otherwise: a member's session, a directory token or a revoked one opens nothing here), acting
 * for that organization and named in the audit log as its mail pipeline.
 */
export async function authenticateMailPipeline(
  c: Context<UsherEnv>,
  services: Services,
  now: Date,
): Promise<Actor> {
  const secret = bearerSecret(c.req.header('Authorization'))
  if (!secret) {
    throw new ProblemError('unauthenticated', {
      detail: 'Authorization must be "Bearer <mail pipeline token>".',
    })
  }
  const found = await findOrgToken(services, 'inbound-email', secret, now, {
    ...PIPELINE_RATE_LIMIT,
    detail: 'Too many messages with this mail pipeline token.',
  })
  if (!found) {
    throw new ProblemError('unauthenticated', {
      detail: 'This mail pipeline token is not valid (revoked, or never issued).',
    })
  }
  return organizationTokenActor(services, found.org, found.token, {
    firstName: 'Mail pipeline',
    lastName: `(${found.token.name})`,
    source: 'email',
  })
}
