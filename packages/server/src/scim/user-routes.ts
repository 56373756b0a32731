import type { Hono } from 'hono'
import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { UsherEnv } from '../app/env'
import { project, readProjection } from './attributes'
import { listResponse } from './discovery'
import { notFound, ScimError } from './errors'
import { filterCondition, userAttributes } from './filter'
import { scimHandler } from './handle'
import { queryOf, readPaging, totalOf } from './list-query'
import { applyPatch, readPatchOperations } from './patch'
import { etagOf, ifMatchVersion, readScimUser, type ScimUserRow, toScimUser } from './user-resource'
import { findScimUser, scimUsers } from './user-store'
import { createDirectoryPerson, removeDirectoryPerson, updateDirectoryPerson } from './user-writer'

const preconditionFailed = () =>
  new ScimError(412, 'The person changed since this version: read them again and retry.')

/** 412 when `If-Match` names another version than the person's (RFC 7644 §3.14). */
function checkIfMatch(header: string | undefined, version: number) {
  const wanted = ifMatchVersion(header)
  if (wanted === 'invalid')
    throw new ScimError(400, 'If-Match must be an entity tag such as W/"3".', 'invalidSyntax')
  if (wanted !== null && wanted !== version) throw preconditionFailed()
}

export function registerScimUserRoutes(scim: Hono<UsherEnv>) {
  scim.get(
    '/Users',
    scimHandler('user.list', async ({ c, caller, base }) => {
      const query = queryOf(c.req.url)
      const { startIndex, count } = readPaging(query)
      const projection = readProjection(query)
      const orgId = caller.actor.org.id
      let where: RawBuilder<SqlBool> = sql<SqlBool>`true`
      if (query.filter) where = filterCondition(query.filter, userAttributes(orgId))
      const db = c.get('services').db
      const rows =
        count === 0
          ? []
          : await scimUsers(db, orgId)
              .selectAll('u')
              .select(['du.user_name', 'du.attributes'])
              .where(where)
              .orderBy('u.created_at')
              .orderBy('u.id')
              .offset(startIndex - 1)
              .limit(count)
              .execute()
      const total = await totalOf(rows.length, startIndex, count, () =>
        scimUsers(db, orgId)
          .select(sql<number>`count(*)::int`.as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      )
      const resources = (rows as ScimUserRow[]).map((row) =>
        project(toScimUser(row, `${base}/Users/${row.id}`), projection),
      )
      return {
        status: 200,
        body: listResponse(resources, total, startIndex),
        subject: query.filter ?? null,
      }
    }),
  )

  scim.get(
    '/Users/:id',
    scimHandler('user.read', async ({ c, caller, base }) => {
      const id = c.req.param('id') ?? ''
      const row = await findScimUser(c.get('services').db, caller.actor.org.id, id)
      if (!row) throw notFound('User', id)
      const version = etagOf(row.version)
      return {
        status: 200,
        body: project(toScimUser(row, `${base}/Users/${row.id}`), readProjection(queryOf(c.req.url))),
        headers: { ETag: version },
        subject: row.user_name ?? row.email,
      }
    }),
  )

  scim.post(
    '/Users',
    scimHandler('user.create', async (req) => {
      const body = await req.body()
      const userName = (body as { userName?: unknown } | null)?.userName
      req.subject = typeof userName === 'string' ? userName : null
      const person = readScimUser(body)
      const row = await req.transaction((ctx) => createDirectoryPerson(ctx, person))
      const location = `${req.base}/Users/${row.id}`
      return {
        status: 201,
        body: toScimUser(row, location),
        headers: { Location: location, ETag: etagOf(row.version) },
        subject: person.userName,
      }
    }),
  )

  scim.put(
    '/Users/:id',
    scimHandler('user.update', async (req) => {
      const id = req.c.req.param('id') ?? ''
      const body = await req.body()
      const person = readScimUser(body)
      req.subject = person.userName
      const row = await req.transaction(async (ctx) => {
        const target = await findScimUser(ctx.trx, req.caller.actor.org.id, id, { lock: true })
        if (!target) throw notFound('User', id)
        checkIfMatch(req.c.req.header('If-Match'), target.version)
        return updateDirectoryPerson(ctx, target, person)
      })
      const location = `${req.base}/Users/${row.id}`
      return { status: 200, body: toScimUser(row, location), headers: { ETag: etagOf(row.version) } }
    }),
  )

  scim.patch(
    '/Users/:id',
    scimHandler('user.update', async (req) => {
      const id = req.c.req.param('id') ?? ''
      const operations = readPatchOperations(await req.body())
      const row = await req.transaction(async (ctx) => {
        // The row lock first: a concurrent PATCH waits, then applies its operations to this one's result.
        const target = await findScimUser(ctx.trx, req.caller.actor.org.id, id, { lock: true })
        if (!target) throw notFound('User', id)
        req.subject = target.user_name ?? target.email
        checkIfMatch(req.c.req.header('If-Match'), target.version)
        const location = `${req.base}/Users/${target.id}`
        const patched = applyPatch(toScimUser(target, location), operations)
        return updateDirectoryPerson(ctx, target, readScimUser(patched))
      })
      const location = `${req.base}/Users/${row.id}`
      return { status: 200, body: toScimUser(row, location), headers: { ETag: etagOf(row.version) } }
    }),
  )

  scim.delete(
    '/Users/:id',
    scimHandler('user.delete', async (req) => {
      const id = req.c.req.param('id') ?? ''
      await req.transaction(async (ctx) => {
        const target = await findScimUser(ctx.trx, req.caller.actor.org.id, id, { lock: true })
        if (!target) throw notFound('User', id)
        req.subject = target.user_name ?? target.email
        checkIfMatch(req.c.req.header('If-Match'), target.version)
        await removeDirectoryPerson(ctx, target)
      })
      return { status: 204 }
    }),
  )
}
