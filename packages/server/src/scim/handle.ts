import { randomUUID } from 'node:crypto'
import type { DirectoryOperation } from '@usher/contract'
import type { Context } from 'hono'
import type { UsherEnv } from '../app/env'
import { readJsonBody } from '../http/read-body'
import { deliverPending } from '../mail/mailer'
import type { ScimContext } from './context'
import { authenticateDirectory, type DirectoryCaller } from './directory-actor'
import { errorBody, type ScimError, toScimError } from './errors'

export const SCIM_CONTENT_TYPE = 'application/scim+json; charset=utf-8'

/** What a handler answers: a status, a body (none for 204), headers (ETag, Location). */
export interface ScimAnswer {
  status: 200 | 201 | 204
  body?: unknown
  headers?: Record<string, string>
  /** Who or what the request was about, for the request log. */
  subject?: string | null
}

export interface ScimRequest {
  c: Context<UsherEnv>
  caller: DirectoryCaller
  /** The absolute base of the service provider, for `meta.location`. */
  base: string
  body(): Promise<unknown>
  /** Runs `fn` in one transaction; mail it queued goes out once it committed. */
  transaction<T>(fn: (ctx: ScimContext) => Promise<T>): Promise<T>
  /** For the log when the request fails before the handler names its subject. */
  subject: string | null
}

/** The SCIM base URL as the directory called it (the host's mount prefix included). */
function baseOf(c: Context<UsherEnv>): string {
  const url = new URL(c.req.url)
  const at = url.pathname.indexOf('/scim/v2')
  return `${url.origin}${url.pathname.slice(0, at + '/scim/v2'.length)}`
}

let lastPurge = 0

/**
 * One SCIM endpoint: the directory's token (401), its rate limit (429), the handler, SCIM error
 * bodies for every refusal (the domain's included), and a line in the organization's request log
 * — the owner's panel shows it, so an owner can see why Entra reports an error.
 */
export function scimHandler(
  operation: DirectoryOperation,
  handler: (req: ScimRequest) => Promise<ScimAnswer>,
) {
  return async (c: Context<UsherEnv>) => {
    const services = c.get('services')
    const requestId = c.get('requestId')
    const now = services.now()
    let caller: DirectoryCaller | null = null
    const outboxIds: string[] = []
    let request: ScimRequest | null = null
    let answer: ScimAnswer
    let failure: ScimError | null = null
    try {
      const directory = await authenticateDirectory(c, services, now)
      caller = directory
      request = {
        c,
        caller: directory,
        base: baseOf(c),
        subject: null,
        body: () => readJsonBody(c, services.limits.bodyBytes),
        transaction: (fn) =>
          services.db
            .transaction()
            .execute((trx) => fn({ trx, services, caller: directory, now, requestId, outboxIds })),
      }
      answer = await handler(request)
    } catch (error) {
      failure = toScimError(error)
      answer = { status: 200, body: errorBody(failure) }
    }
    if (outboxIds.length && !failure) {
      deliverPending(services.db, services.mail.transport, services.mail.from, services.now, outboxIds).catch(
        (error) => services.logger.error('after-commit task failed', { requestId, error: String(error) }),
      )
    }
    if (caller) {
      const path = new URL(c.req.url).pathname
      await services.db
        .insertInto('directory_requests')
        .values({
          id: randomUUID(),
          org_id: caller.actor.org.id,
          at: now,
          token_id: caller.token.id,
          token_name: caller.token.name,
          method: c.req.method,
          path: path.slice(path.indexOf('/scim/v2')),
          operation,
          subject: (answer.subject ?? request?.subject)?.slice(0, 300) ?? null,
          status: failure ? failure.status : answer.status,
          scim_type: failure?.scimType ?? null,
          reason: failure?.detail.slice(0, 1000) ?? null,
        })
        .execute()
        .catch((error) =>
          services.logger.warn('directory request log failed', { requestId, error: String(error) }),
        )
      // The log keeps 30 days; trimmed at most hourly, by whichever request comes.
      if (now.getTime() - lastPurge > 3_600_000) {
        lastPurge = now.getTime()
        await services.db
          .deleteFrom('directory_requests')
          .where('at', '<', new Date(now.getTime() - 30 * 86_400_000))
          .execute()
          .catch(() => {})
      }
    }
    if (failure) {
      return c.body(JSON.stringify(answer.body), failure.status as 400, {
        'Content-Type': SCIM_CONTENT_TYPE,
        ...failure.headers,
      })
    }
    if (answer.status === 204) return c.body(null, 204, answer.headers)
    return c.body(JSON.stringify(answer.body), answer.status, {
      'Content-Type': SCIM_CONTENT_TYPE,
      ...answer.headers,
    })
  }
}
