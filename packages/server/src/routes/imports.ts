import type { Hono } from 'hono'
import type { UsherEnv } from '../app/env'
import { isUuid } from '../domain/actor'
import { roleRefusal } from '../domain/admission'
import { decodeCursor, encodeCursor, pageFrom } from '../domain/cursor'
import { deliverImportMail } from '../domain/import-mail'
import {
  assertOpen,
  assertRoom,
  countChanges,
  findImport,
  finishImport,
  importOptions,
  insertImport,
  prepareChunk,
  processChunk,
  storedChunk,
  toImport,
} from '../domain/imports'
import { groupInScope } from '../domain/scope'
import { fieldProblem, ProblemError } from '../http/problem-error'
import { route } from '../http/route'

/**
 * Imports: the client parses and validates the file, opens an import, sends
 * its rows in chunks under indexes (a retried index answers its first results and creates
 * nothing twice), then completes it. Who sees an import: see `findImport`.
 */
export function registerImportRoutes(app: Hono<UsherEnv>) {
  route(app, 'createImport', async (ctx) => {
    const { actor, body, now } = ctx
    const limit = actor.settings.importRowLimit
    if (body.totalRows > limit) {
      throw new ProblemError('import_row_limit', {
        detail: `Your organization imports at most ${limit} rows at a time; this file has ${body.totalRows}.`,
      })
    }
    const { defaultRole, targetGroupId } = body.options
    // The catalog's judgement of a row's role, answered as a 422 on the option.
    const refused = roleRefusal(actor, defaultRole, 'options.defaultRole')
    if (refused) throw fieldProblem(refused.errors)
    return ctx.transaction(async (trx) => {
      if (targetGroupId !== null) {
        const group = isUuid(targetGroupId)
          ? await trx
              .selectFrom('groups')
              .select('id')
              .where('org_id', '=', actor.org.id)
              .where('id', '=', targetGroupId)
              .executeTakeFirst()
          : undefined
        if (!group || !groupInScope(actor, group.id)) {
          throw fieldProblem([
            {
              path: 'options.targetGroupId',
              code: 'not_found',
              message: 'No such group in your organization.',
            },
          ])
        }
      }
      const row = await insertImport(trx, actor, body, now)
      await ctx.audit(trx, {
        action: 'import.started',
        target: { type: 'import', id: row.id, label: row.file_name },
        changes: { totalRows: [null, row.total_rows], dryRun: [null, body.options.dryRun] },
      })
      return toImport(row)
    })
  })

  route(app, 'addImportChunk', async (ctx) => {
    const { actor, body, params, services } = ctx
    // Outside the transaction: a replay answers at once, and passwords are hashed before the
    // import's lock is taken (argon2id costs ~50 ms each).
    const before = await findImport(ctx.db, actor, params.id)
    const replay = await storedChunk(ctx.db, before.id, body.index)
    if (replay) return replay
    assertOpen(before)
    assertRoom(before, body.rows.length)
    const prepared = await prepareChunk(ctx.db, actor, importOptions(before), body.rows)

    const { result, mailIds } = await ctx.transaction(async (trx) => {
      // The row lock serialises the chunks of one import: a duplicate sent concurrently waits,
      // then finds the first one's answer.
      const job = await findImport(trx, actor, params.id, true)
      const stored = await storedChunk(trx, job.id, body.index)
      if (stored) return { result: stored, mailIds: [] }
      assertOpen(job)
      assertRoom(job, body.rows.length)
      return processChunk(
        trx,
        { actor, services, now: ctx.now, requestId: ctx.requestId },
        job,
        body,
        prepared,
      )
    })
    if (mailIds.length) ctx.afterCommit(() => deliverImportMail(services, mailIds))
    return result
  })

  route(app, 'completeImport', (ctx) =>
    ctx.transaction(async (trx) => {
      const job = await findImport(trx, ctx.actor, ctx.params.id, true)
      const done = await finishImport(trx, job, 'completed', ctx.now)
      await ctx.audit(trx, {
        action: 'import.completed',
        target: { type: 'import', id: done.id, label: done.file_name },
        changes: countChanges(done),
      })
      return toImport(done)
    }),
  )

  route(app, 'cancelImport', (ctx) =>
    ctx.transaction(async (trx) => {
      const job = await findImport(trx, ctx.actor, ctx.params.id, true)
      const done = await finishImport(trx, job, 'cancelled', ctx.now)
      await ctx.audit(trx, {
        action: 'import.cancelled',
        target: { type: 'import', id: done.id, label: done.file_name },
        changes: countChanges(done),
      })
      return toImport(done)
    }),
  )

  route(app, 'getImport', async ({ db, actor, params }) => toImport(await findImport(db, actor, params.id)))

  route(app, 'getImportReport', async ({ db, actor, params, query }) => {
    const job = await findImport(db, actor, params.id)
    const after = decodeCursor('import-rows', query.cursor, ['int'])
    let q = db
      .selectFrom('import_rows')
      .select(['line', 'email', 'status', 'user_id', 'error'])
      .where('import_id', '=', job.id)
    if (query.status) q = q.where('status', '=', query.status)
    if (after) q = q.where('line', '>', after[0] as number)
    const rows = await q
      .orderBy('line')
      .limit(query.limit + 1)
      .execute()
    return pageFrom(
      rows,
      query.limit,
      (r) => ({
        line: r.line,
        email: r.email,
        status: r.status as 'created',
        userId: r.user_id,
        error: (typeof r.error === 'string' ? JSON.parse(r.error) : r.error) ?? null,
      }),
      (r) => encodeCursor('import-rows', [r.line]),
    )
  })
}
