import { CSV_CONTENT_TYPE } from '@usher/contract'
import type { Hono } from 'hono'
import { sql } from 'kysely'
import type { UsherEnv } from '../app/env'
import {
  currentReview,
  findReview,
  type ItemRow,
  requireOpen,
  selectItems,
  startReview,
  toAccessReview,
  toItem,
} from '../domain/access-review'
import { decideItems } from '../domain/access-review-decisions'
import { outcomeFileName, outcomeRows, remindedRecently } from '../domain/access-review-outcome'
import { remindReviewers } from '../domain/access-review-reminders'
import { decodeCursor, encodeCursor } from '../domain/cursor'
import { csvLines } from '../domain/user-export'
import { ProblemError } from '../http/problem-error'
import { route } from '../http/route'
import { deliverPending } from '../mail/mailer'

const BOM = '\uFEFF'

export function registerAccessReviewRoutes(app: Hono<UsherEnv>) {
  route(app, 'startAccessReview', async (ctx) => {
    const { actor, now } = ctx
    return ctx.transaction(async (trx) => {
      const review = await startReview(trx, actor, now)
      const started = await toAccessReview(trx, actor, review)
      await ctx.audit(trx, {
        action: 'access_review.started',
        target: { type: 'organization', id: actor.org.id, label: actor.org.name },
        changes: { reviewId: [null, review.id], lines: [null, started.counts.total] },
      })
      return started
    })
  })

  // Registered before /access-reviews/{id}/… so "current" is never read as an id.
  route(app, 'getCurrentAccessReview', async ({ db, actor }) => {
    const review = await currentReview(db, actor)
    return { review: review ? await toAccessReview(db, actor, review) : null }
  })

  route(app, 'listAccessReviewItems', async ({ db, actor, params, query }) => {
    const review = await findReview(db, actor, params.id)
    const after = decodeCursor('review-items', query.cursor, ['text', 'uuid']) as [string, string] | null
    let select = selectItems(db, actor, review)
    if (query.decision) select = select.where('s.decision', '=', query.decision)
    if (after) select = select.where(sql<boolean>`(s.sort_name, s.id) > (${after[0]}, ${after[1]}::uuid)`)
    const rows = (await select
      .orderBy('s.sort_name')
      .orderBy('s.id')
      .limit(query.limit + 1)
      .execute()) as ItemRow[]
    const more = rows.length > query.limit
    const page = more ? rows.slice(0, query.limit) : rows
    const last = page[page.length - 1]
    return {
      items: page.map(toItem),
      nextCursor: more && last ? encodeCursor('review-items', [last.sort_name, last.id]) : null,
    }
  })

  route(app, 'decideAccessReview', async (ctx) => {
    const { actor, params, body, now, requestId } = ctx
    return ctx.transaction(async (trx) => {
      const review = await findReview(trx, actor, params.id)
      return decideItems(trx, { actor, now, requestId, audit: ctx.audit }, review, body.decisions)
    })
  })

  route(app, 'remindAccessReviewers', async (ctx) => {
    const { actor, params, now, services } = ctx
    const outboxIds: string[] = []
    const reminded = await ctx.transaction(async (trx) => {
      const review = await findReview(trx, actor, params.id)
      requireOpen(review)
      if (remindedRecently(review.reminded_at, now)) {
        throw new ProblemError('conflict', {
          detail: 'The reviewers were reminded less than an hour ago.',
        })
      }
      outboxIds.push(...(await remindReviewers(trx, actor, review, now)))
      return outboxIds.length
    })
    if (outboxIds.length) {
      ctx.afterCommit(() =>
        deliverPending(services.db, services.mail.transport, services.mail.from, services.now, outboxIds),
      )
    }
    return { reminded }
  })

  route(app, 'closeAccessReview', async (ctx) => {
    const { actor, params, now } = ctx
    return ctx.transaction(async (trx) => {
      const review = await findReview(trx, actor, params.id)
      requireOpen(review)
      await trx
        .updateTable('access_reviews')
        .set({ status: 'closed', closed_at: now, closed_by: actor.user.id })
        .where('id', '=', review.id)
        .execute()
      const closed = await toAccessReview(trx, actor, await findReview(trx, actor, review.id))
      const { confirmed, removed, pending } = closed.counts
      await ctx.audit(trx, {
        action: 'access_review.closed',
        target: { type: 'organization', id: actor.org.id, label: actor.org.name },
        changes: {
          reviewId: [null, review.id],
          confirmed: [null, confirmed],
          removed: [null, removed],
          notReviewed: [null, pending],
        },
      })
      return closed
    })
  })

  route(app, 'exportAccessReview', async ({ db, actor, params, query }) => {
    const review = await findReview(db, actor, params.id)
    const locale = query.locale ?? (actor.user.locale === 'fr' ? 'fr' : 'en')
    const rows = (await selectItems(db, actor, review)
      .orderBy('s.sort_name')
      .orderBy('s.user_id')
      // The role first, then each shared group by name.
      .orderBy(sql`s.kind = 'share'`)
      .orderBy('s.group_name')
      .execute()) as ItemRow[]
    const fileName = outcomeFileName(actor.org.name, new Date(review.started_at), locale)
    return new Response(BOM + csvLines(outcomeRows(rows, locale, actor.roles), query.delimiter), {
      status: 200,
      headers: {
        'Content-Type': CSV_CONTENT_TYPE,
        'Content-Disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  })
}
