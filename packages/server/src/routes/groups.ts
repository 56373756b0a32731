import { randomUUID } from 'node:crypto'
import type { Hono } from 'hono'
import { sql } from 'kysely'
import type { UsherEnv } from '../app/env'
import { isUuid, withDescendants } from '../domain/actor'
import { encodeCursor, pageFrom } from '../domain/cursor'
import {
  assertGoverned,
  findVisibleGroup,
  foldedSql,
  groupCounts,
  groupNameMatches,
  groupVisible,
  isForeignKeyViolation,
  isUniqueViolation,
  loadGroup,
  lockGroupTree,
  normalizeGroupName,
  siblingNameTaken,
  textIdCursor,
  toGroup,
  visibleGroupIds,
} from '../domain/groups'
import { ProblemError } from '../http/problem-error'
import { route } from '../http/route'

const groupNotEmpty = (subgroups: number, members: number) =>
  new ProblemError('group_not_empty', {
    detail: `The group still has ${subgroups} subgroup(s) and ${members} member(s); move or remove them first.`,
  })

export function registerGroupRoutes(app: Hono<UsherEnv>) {
  // Sorted by the folded name, then id: a keyset that a whole tree (up to 1000 groups) fits in.
  route(app, 'listGroups', async ({ db, actor, query }) => {
    const visible = await visibleGroupIds(db, actor)
    const after = textIdCursor('groups', query.cursor)
    const sortKey = foldedSql(sql.ref('g.name'))
    let q = db
      .selectFrom('groups as g')
      .selectAll('g')
      .select(groupCounts(actor))
      .select(sortKey.as('sort_key'))
      .where('g.org_id', '=', actor.org.id)
      .where(groupVisible(visible))
    if (query.q) q = q.where(groupNameMatches(query.q))
    if (query.parentId !== undefined) {
      // Ids are opaque in the contract; one that is not a UUID names no group here.
      q = isUuid(query.parentId) ? q.where('g.parent_id', '=', query.parentId) : q.where(sql<boolean>`false`)
    }
    if (after) q = q.where(sql<boolean>`(${sortKey}, g.id) > (${after[0]}, ${after[1]}::uuid)`)
    const rows = await q
      .orderBy(sortKey)
      .orderBy('g.id')
      .limit(query.limit + 1)
      .execute()
    return pageFrom(rows, query.limit, toGroup, (row) => encodeCursor('groups', [row.sort_key, row.id]))
  })

  route(app, 'createGroup', async (ctx) => {
    const { actor, body } = ctx
    const parentId = body.parentId ?? null
    const name = normalizeGroupName(body.name)
    return ctx.transaction(async (trx) => {
      if (parentId !== null) {
        // No lock needed: the foreign key check holds the parent until we commit, and a delete that
        // got there first makes the insert fail (mapped to 404 below).
        await findVisibleGroup(trx, actor, parentId, { path: 'parentId' })
      }
      assertGoverned(actor, parentId, 'create groups')
      const id = randomUUID()
      try {
        await trx
          .insertInto('groups')
          .values({
            id,
            org_id: actor.org.id,
            name,
            description: body.description || null,
            parent_id: parentId,
            created_at: ctx.now,
          })
          .execute()
      } catch (error) {
        if (isUniqueViolation(error)) throw siblingNameTaken(name)
        if (isForeignKeyViolation(error))
          throw new ProblemError('not_found', { detail: 'No such parent group.' })
        throw error
      }
      await ctx.audit(trx, {
        action: 'group.created',
        target: { type: 'group', id, label: name },
        changes: { name: [null, name], parentId: [null, parentId] },
      })
      return loadGroup(trx, actor, id)
    })
  })

  route(app, 'updateGroup', async (ctx) => {
    const { actor, body, params } = ctx
    return ctx.transaction(async (trx) => {
      const moving = body.parentId !== undefined
      if (moving) await lockGroupTree(trx, actor.org.id)
      const visible = await visibleGroupIds(trx, actor)
      const group = await findVisibleGroup(trx, actor, params.id, { lock: true, visible })
      assertGoverned(actor, group.id, 'change groups')
      if (group.version !== ctx.ifMatch) {
        throw new ProblemError('version_mismatch', {
          detail: `The group is at version ${group.version}; reload it and retry.`,
        })
      }

      const changes: Record<string, [unknown, unknown]> = {}
      const name = body.name === undefined ? group.name : normalizeGroupName(body.name)
      if (name !== group.name) changes.name = [group.name, name]
      const description = body.description === undefined ? group.description : body.description || null
      if (description !== group.description) changes.description = [group.description, description]
      const parentId = body.parentId === undefined ? group.parent_id : body.parentId
      if (parentId !== group.parent_id) {
        if (parentId !== null) {
          await findVisibleGroup(trx, actor, parentId, { path: 'parentId', visible })
          const subtree = await withDescendants(trx, actor.org.id, [group.id])
          if (subtree.has(parentId)) {
            throw new ProblemError('group_cycle', {
              detail: 'A group cannot be moved under itself or one of its subgroups.',
              errors: [
                {
                  path: 'parentId',
                  code: 'invalid_value',
                  message: 'This is the group or one of its subgroups.',
                },
              ],
            })
          }
        }
        assertGoverned(actor, parentId, 'move groups')
        changes.parentId = [group.parent_id, parentId]
      }
      // Nothing differs: the group keeps its version, as a repeated PATCH should.
      if (Object.keys(changes).length === 0) return loadGroup(trx, actor, group.id)

      try {
        await trx
          .updateTable('groups')
          .set({ name, description, parent_id: parentId, version: sql`version + 1` })
          .where('id', '=', group.id)
          .execute()
      } catch (error) {
        if (isUniqueViolation(error)) throw siblingNameTaken(name)
        throw error
      }
      await ctx.audit(trx, {
        action: 'group.updated',
        target: { type: 'group', id: group.id, label: name },
        changes,
      })
      return loadGroup(trx, actor, group.id)
    })
  })

  route(app, 'deleteGroup', async (ctx) => {
    const { actor, params } = ctx
    await ctx.transaction(async (trx) => {
      // The row lock makes concurrent additions (a subgroup, a member) wait for us, then fail.
      const group = await findVisibleGroup(trx, actor, params.id, { lock: true })
      assertGoverned(actor, group.id, 'delete groups')
      const counts = await trx
        .selectFrom('groups as g')
        .select([
          sql<number>`(select count(*)::int from groups c where c.parent_id = g.id)`.as('subgroups'),
          sql<number>`(select count(*)::int from user_groups ug where ug.group_id = g.id)`.as('members'),
        ])
        .where('g.id', '=', group.id)
        .executeTakeFirstOrThrow()
      if (counts.subgroups > 0 || counts.members > 0) throw groupNotEmpty(counts.subgroups, counts.members)
      try {
        // Its shares go with it (on delete cascade).
        await trx.deleteFrom('groups').where('id', '=', group.id).execute()
      } catch (error) {
        if (isForeignKeyViolation(error)) throw groupNotEmpty(1, 0)
        throw error
      }
      await ctx.audit(trx, {
        action: 'group.deleted',
        target: { type: 'group', id: group.id, label: group.name },
        changes: { name: [group.name, null], parentId: [group.parent_id, null] },
      })
    })
    return undefined
  })
}
