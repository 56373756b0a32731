import { DirectorySyncSettingsSchema, isDirectoryDefaultRole, SCIM_BASE_PATH } from '@usher/contract'
import type { Hono } from 'hono'
import { sql } from 'kysely'
import type { UsherEnv } from '../app/env'
import { isUuid } from '../domain/actor'
import { decodeCursor, encodeCursor, pageFrom } from '../domain/cursor'
import { createOrgToken, listOrgTokens, revokeOrgToken } from '../domain/org-tokens'
import { iso } from '../domain/time'
import { ProblemError } from '../http/problem-error'
import { route } from '../http/route'
import { directorySettings } from './directory-actor'

/** The owner's side of directory sync: settings, tokens (the secret shown once), the request log. */
export function registerManagementRoutes(app: Hono<UsherEnv>) {
  route(app, 'getDirectorySync', async ({ db, actor }) => {
    const [settings, tokens, provisioned] = await Promise.all([
      directorySettings(db, actor.org.id),
      listOrgTokens(db, actor.org.id, 'scim'),
      db
        .selectFrom('directory_users')
        .select(sql<number>`count(*)::int`.as('n'))
        .where('org_id', '=', actor.org.id)
        .where('detached_at', 'is', null)
        .executeTakeFirstOrThrow(),
    ])
    return {
      scimPath: SCIM_BASE_PATH,
      settings,
      tokens,
      provisionedPeople: Number(provisioned.n),
    }
  })

  route(app, 'updateDirectorySyncSettings', async (ctx) => {
    const { actor, body, now } = ctx
    if (body.defaultRole !== undefined) {
      if (!isDirectoryDefaultRole(actor.roles, body.defaultRole)) {
        throw new ProblemError('validation_failed', {
          errors: [
            {
              path: 'defaultRole',
              code: 'invalid_value',
              message: `"${body.defaultRole}" cannot be the default role.`,
            },
          ],
        })
      }
    }
    return ctx.transaction(async (trx) => {
      const before = await directorySettings(trx, actor.org.id)
      const after = DirectorySyncSettingsSchema.parse({ ...before, ...body })
      await trx
        .insertInto('directory_settings')
        .values({ org_id: actor.org.id, settings: JSON.stringify(after), updated_at: now })
        .onConflict((oc) =>
          oc.column('org_id').doUpdateSet({ settings: JSON.stringify(after), updated_at: now }),
        )
        .execute()
      const changes: Record<string, [unknown, unknown]> = {}
      for (const key of Object.keys(after) as (keyof typeof after)[]) {
        if (before[key] !== after[key]) changes[`directorySync.${key}`] = [before[key], after[key]]
      }
      if (Object.keys(changes).length) {
        await ctx.audit(trx, {
          action: 'organization.updated',
          target: { type: 'organization', id: actor.org.id, label: actor.org.name },
          changes,
        })
      }
      return after
    })
  })

  route(app, 'createDirectoryToken', (ctx) => createOrgToken(ctx, 'scim', ctx.body.name))

  route(app, 'revokeDirectoryToken', async (ctx) => {
    const revoked = isUuid(ctx.params.id) && (await revokeOrgToken(ctx, 'scim', ctx.params.id))
    if (!revoked) throw new ProblemError('not_found', { detail: 'No such directory token.' })
    return undefined
  })

  route(app, 'listDirectoryRequests', async ({ db, actor, query }) => {
    const after = decodeCursor('directory-requests', query.cursor, ['timestamp', 'uuid'])
    let q = db.selectFrom('directory_requests').selectAll().where('org_id', '=', actor.org.id)
    if (query.failed === true) q = q.where('status', '>=', 400)
    if (query.failed === false) q = q.where('status', '<', 400)
    if (after) q = q.where(sql<boolean>`(at, id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`)
    const rows = await q
      .orderBy('at', 'desc')
      .orderBy('id', 'desc')
      .limit(query.limit + 1)
      .execute()
    return pageFrom(
      rows,
      query.limit,
      (r) => ({
        id: r.id,
        at: iso(r.at),
        method: r.method,
        path: r.path,
        operation: r.operation as never,
        subject: r.subject,
        status: r.status,
        scimType: r.scim_type,
        reason: r.reason,
        tokenName: r.token_name,
      }),
      (r) => encodeCursor('directory-requests', [iso(r.at), r.id]),
    )
  })
}
