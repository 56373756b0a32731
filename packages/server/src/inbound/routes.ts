import type { Hono } from 'hono'
import type { UsherEnv } from '../app/env'
import { isUuid } from '../domain/actor'
import { createOrgToken, listOrgTokens, revokeOrgToken } from '../domain/org-tokens'
import { ProblemError } from '../http/problem-error'
import { route } from '../http/route'
import { deliverPending } from '../mail/mailer'
import { senderFacts } from './message'
import { receiveMessage } from './receive'

/** POST /inbound-email (the mail pipeline's door) and the owner's management of its tokens. */
export function registerInboundEmailRoutes(app: Hono<UsherEnv>) {
  route(app, 'receiveInboundEmail', async (ctx) => {
    const { services } = ctx
    const outboxIds: string[] = []
    const answer = await receiveMessage({ ...ctx, outboxIds }, await senderFacts(ctx.body))
    if (outboxIds.length) {
      ctx.afterCommit(() =>
        deliverPending(services.db, services.mail.transport, services.mail.from, services.now, outboxIds),
      )
    }
    return answer
  })

  route(app, 'listInboundEmailTokens', async ({ db, actor }) => ({
    tokens: await listOrgTokens(db, actor.org.id, 'inbound-email'),
  }))

  route(app, 'createInboundEmailToken', (ctx) => createOrgToken(ctx, 'inbound-email', ctx.body.name))

  route(app, 'revokeInboundEmailToken', async (ctx) => {
    const revoked = isUuid(ctx.params.id) && (await revokeOrgToken(ctx, 'inbound-email', ctx.params.id))
    if (!revoked) throw new ProblemError('not_found', { detail: 'No such mail pipeline token.' })
    return undefined
  })
}
