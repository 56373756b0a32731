import type { Hono } from 'hono'
import type { UsherEnv } from '../app/env'
import type { Services } from '../app/services'
import { acceptInvitation, lookupInvitation } from '../domain/accept-invitation'
import { requireOutranks } from '../domain/account-guards'
import { throttlePublic } from '../domain/auth-limits'
import { createInvitationBatch } from '../domain/create-invitations'
import { decodeCursor, encodeCursor, pageFrom } from '../domain/cursor'
import { findInvitationInScope, listInvitationRows, toInvitations } from '../domain/invitations'
import { resendInvitation } from '../domain/resend-invitation'
import { iso } from '../domain/time'
import { UserWrites } from '../domain/user-writes'
import { ProblemError } from '../http/problem-error'
import { route } from '../http/route'
import { deliverPending } from '../mail/mailer'

const deliver = (services: Services, ids: string[]) => () =>
  deliverPending(services.db, services.mail.transport, services.mail.from, services.now, ids)

export function registerInvitationRoutes(app: Hono<UsherEnv>) {
  route(app, 'createInvitations', async (ctx) => {
    const { actor, services, now } = ctx
    const { outboxIds, ...result } = await ctx.transaction((trx) =>
      createInvitationBatch(trx, services, actor, ctx.body, now, ctx.requestId),
    )
    if (outboxIds.length) ctx.afterCommit(deliver(services, outboxIds))
    return result
  })

  route(app, 'listInvitations', async ({ db, actor, query, now }) => {
    const cursor = decodeCursor('invitations', query.cursor, ['timestamp', 'uuid'])
    const rows = await listInvitationRows(
      db,
      actor,
      {
        statuses: query.status ?? [],
        limit: query.limit,
        after: cursor ? [String(cursor[0]), String(cursor[1])] : null,
      },
      now,
    )
    const page = pageFrom(
      rows,
      query.limit,
      (row) => row,
      (row) => encodeCursor('invitations', [iso(row.created_at), row.id]),
    )
    return { items: await toInvitations(db, page.items, now, actor), nextCursor: page.nextCursor }
  })

  route(app, 'resendInvitation', async (ctx) => {
    const { actor, services, now, params } = ctx
    const { invitation, outboxId } = await ctx.transaction(async (trx) => {
      // No row lock here: resendInvitation's update only applies to a still-pending row, and it may
      // lock the organization, which must come before any row lock (accept takes them in that order).
      const found = await findInvitationInScope(trx, actor, params.id)
      return resendInvitation(new UserWrites(trx, actor, now, ctx.audit), services, found)
    })
    ctx.afterCommit(deliver(services, [outboxId]))
    const [answer] = await toInvitations(ctx.db, [invitation], now, actor)
    if (!answer) throw new ProblemError('not_found')
    return answer
  })

  route(app, 'revokeInvitation', async (ctx) => {
    const { actor, now, params } = ctx
    await ctx.transaction(async (trx) => {
      const { invitation, user } = await findInvitationInScope(trx, actor, params.id, { forUpdate: true })
      // Revoking a never-activated invitation deletes the person: the same rule as deleting them.
      requireOutranks(actor, user)
      if (invitation.status !== 'pending') {
        throw new ProblemError('status_not_allowed', {
          detail: `This invitation was ${invitation.status === 'accepted' ? 'already accepted' : 'revoked'}.`,
        })
      }
      await trx
        .updateTable('invitations')
        .set({ status: 'revoked', revoked_at: now })
        .where('id', '=', invitation.id)
        .execute()
      // The person was only ever invited: revoking takes them off the list (memberships and shares
      // go with the row). The invitation row stays, so its link answers "revoked".
      if (!user.activated_at) await trx.deleteFrom('users').where('id', '=', user.id).execute()
      await ctx.audit(trx, {
        action: 'invitation.revoked',
        target: { type: 'invitation', id: invitation.id, label: user.email },
        changes: null,
      })
    })
    return undefined
  })

  route(app, 'lookupInvitation', async ({ c, services, db, query, now }) => {
    await throttlePublic(c, services, now)
    return lookupInvitation(db, query.token, now)
  })

  route(app, 'acceptInvitation', async (ctx) => {
    const { c, services, body, now } = ctx
    await throttlePublic(c, services, now)
    return acceptInvitation(
      services,
      body,
      await signedInAs(c.req.header('Authorization'), services),
      now,
      ctx.transaction,
      (trx, event) => ctx.audit(trx, event),
    )
  })
}

/**
 * Who a public request is signed in as, from a valid bearer token; null without one or with one
 * that does not verify (a stale session is no reason to refuse a public link).
 */
async function signedInAs(header: string | undefined, services: Services) {
  const token = header?.match(/^Bearer\s+(\S+)$/i)?.[1]
  if (!token) return null
  try {
    const claims = await services.tokens.verify(token)
    return { subject: claims.subject, orgId: claims.orgId }
  } catch {
    return null
  }
}
