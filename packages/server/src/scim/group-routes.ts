import type { Hono } from 'hono'
import { type RawBuilder, type SqlBool, sql } from 'kysely'
import type { ScimPatchOperation } from 'scim-patch'
import type { UsherEnv } from '../app/env'
import { project, readProjection } from './attributes'
import { listResponse } from './discovery'
import { notFound, ScimError } from './errors'
import { filterCondition, groupAttributes } from './filter'
import {
  createDirectoryGroup,
  deleteDirectoryGroup,
  findScimGroup,
  membersOf,
  readScimGroup,
  scimGroups,
  toScimGroup,
  updateDirectoryGroup,
} from './group-writer'
import { scimHandler } from './handle'
import { queryOf, readPaging, totalOf } from './list-query'
import { applyPatch, readPatchOperations } from './patch'
import { etagOf, ifMatchVersion } from './user-resource'

function checkIfMatch(header: string | undefined, version: number) {
  const wanted = ifMatchVersion(header)
  if (wanted === 'invalid')
    throw new ScimError(400, 'If-Match must be an entity tag such as W/"3".', 'invalidSyntax')
  if (wanted !== null && wanted !== version) {
    throw new ScimError(412, 'The group changed since this version: read it again and retry.')
  }
}

/** Whether a response carries members: not when `excludedAttributes=members` (as Entra asks). */
const wantsMembers = (projection: ReturnType<typeof readProjection>) =>
  !projection.excluded.some((a) => a.toLowerCase() === 'members') &&
  (projection.attributes === null || projection.attributes.some((a) => a.toLowerCase().startsWith('members')))

/**
 * A remove of `members` with a value list (Entra's form without the compliance flag) as one
 * remove per member by a value filter (its form with the flag, and RFC 7644's): the listed members
 * carry `$ref: null` and no `display`, so matching whole objects would remove nobody.
 */
function memberRemovals(operations: ScimPatchOperation[]): ScimPatchOperation[] {
  return operations.flatMap((op) => {
    if (op.op !== 'remove' || op.path?.toLowerCase() !== 'members' || !Array.isArray(op.value)) return [op]
    return (op.value as Array<{ value?: unknown }>).map(
      (member) =>
        ({
          op: 'remove',
          path: `members[value eq ${JSON.stringify(String(member?.value))}]`,
        }) as ScimPatchOperation,
    )
  })
}

export function registerScimGroupRoutes(scim: Hono<UsherEnv>) {
  scim.get(
    '/Groups',
    scimHandler('group.list', async ({ c, caller, base }) => {
      const query = queryOf(c.req.url)
      const { startIndex, count } = readPaging(query)
      const projection = readProjection(query)
      const db = c.get('services').db
      const orgId = caller.actor.org.id
      let where: RawBuilder<SqlBool> = sql<SqlBool>`true`
      if (query.filter) where = filterCondition(query.filter, groupAttributes())
      const rows =
        count === 0
          ? []
          : await scimGroups(db, orgId)
              .selectAll('g')
              .select('dg.external_id')
              .where(where)
              .orderBy('dg.created_at')
              .orderBy('g.id')
              .offset(startIndex - 1)
              .limit(count)
              .execute()
      const total = await totalOf(rows.length, startIndex, count, () =>
        scimGroups(db, orgId)
          .select(sql<number>`count(*)::int`.as('n'))
          .where(where)
          .executeTakeFirstOrThrow(),
      )
      const members = wantsMembers(projection)
        ? await membersOf(
            db,
            rows.map((r) => r.id),
          )
        : null
      const resources = rows.map((row) =>
        project(toScimGroup(row, members?.get(row.id) ?? null, `${base}/Groups/${row.id}`), projection),
      )
      return {
        status: 200,
        body: listResponse(resources, total, startIndex),
        subject: query.filter ?? null,
      }
    }),
  )

  scim.get(
    '/Groups/:id',
    scimHandler('group.read', async ({ c, caller, base }) => {
      const id = c.req.param('id') ?? ''
      const db = c.get('services').db
      const row = await findScimGroup(db, caller.actor.org.id, id)
      if (!row) throw notFound('Group', id)
      const projection = readProjection(queryOf(c.req.url))
      const members = wantsMembers(projection) ? ((await membersOf(db, [row.id])).get(row.id) ?? []) : null
      return {
        status: 200,
        body: project(toScimGroup(row, members, `${base}/Groups/${row.id}`), projection),
        headers: { ETag: etagOf(row.version) },
        subject: row.name,
      }
    }),
  )

  scim.post(
    '/Groups',
    scimHandler('group.create', async (req) => {
      const body = await req.body()
      const name = (body as { displayName?: unknown } | null)?.displayName
      req.subject = typeof name === 'string' ? name : null
      const input = readScimGroup(body)
      const { row, members } = await req.transaction(async (ctx) => {
        const created = await createDirectoryGroup(ctx, input)
        return { row: created, members: (await membersOf(ctx.trx, [created.id])).get(created.id) ?? [] }
      })
      const location = `${req.base}/Groups/${row.id}`
      return {
        status: 201,
        body: toScimGroup(row, members, location),
        headers: { Location: location, ETag: etagOf(row.version) },
        subject: row.name,
      }
    }),
  )

  scim.put(
    '/Groups/:id',
    scimHandler('group.update', async (req) => {
      const id = req.c.req.param('id') ?? ''
      const input = readScimGroup(await req.body())
      req.subject = input.name
      const { row, members } = await req.transaction(async (ctx) => {
        const group = await findScimGroup(ctx.trx, req.caller.actor.org.id, id, { lock: true })
        if (!group) throw notFound('Group', id)
        checkIfMatch(req.c.req.header('If-Match'), group.version)
        const current = (await membersOf(ctx.trx, [group.id])).get(group.id) ?? []
        // PUT replaces: a body without members empties the group (RFC 7644 §3.5.1).
        const updated = await updateDirectoryGroup(
          ctx,
          group,
          { ...input, memberIds: input.memberIds ?? [] },
          current,
        )
        return { row: updated, members: (await membersOf(ctx.trx, [group.id])).get(group.id) ?? [] }
      })
      return {
        status: 200,
        body: toScimGroup(row, members, `${req.base}/Groups/${row.id}`),
        headers: { ETag: etagOf(row.version) },
      }
    }),
  )

  scim.patch(
    '/Groups/:id',
    scimHandler('group.update', async (req) => {
      const id = req.c.req.param('id') ?? ''
      const operations = memberRemovals(readPatchOperations(await req.body()))
      const row = await req.transaction(async (ctx) => {
        const group = await findScimGroup(ctx.trx, req.caller.actor.org.id, id, { lock: true })
        if (!group) throw notFound('Group', id)
        req.subject = group.name
        checkIfMatch(req.c.req.header('If-Match'), group.version)
        const current = (await membersOf(ctx.trx, [group.id])).get(group.id) ?? []
        const resource = toScimGroup(group, current, `${req.base}/Groups/${group.id}`)
        const patched = applyPatch(resource as Record<string, unknown>, operations)
        const touchesMembers = operations.some(
          (op) => !op.path || op.path.toLowerCase().startsWith('members'),
        )
        const input = readScimGroup(patched)
        return updateDirectoryGroup(
          ctx,
          group,
          { ...input, memberIds: touchesMembers ? (input.memberIds ?? []) : null },
          current,
        )
      })
      // Entra asks for 204 on a group PATCH: answering every member of a large group is wasted.
      return { status: 204, headers: { ETag: etagOf(row.version) } }
    }),
  )

  scim.delete(
    '/Groups/:id',
    scimHandler('group.delete', async (req) => {
      const id = req.c.req.param('id') ?? ''
      await req.transaction(async (ctx) => {
        const group = await findScimGroup(ctx.trx, req.caller.actor.org.id, id, { lock: true })
        if (!group) throw notFound('Group', id)
        req.subject = group.name
        checkIfMatch(req.c.req.header('If-Match'), group.version)
        await deleteDirectoryGroup(ctx, group)
      })
      return { status: 204 }
    }),
  )
}
