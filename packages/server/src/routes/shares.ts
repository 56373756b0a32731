import type { FieldError, ItemError, SharePermission } from '@usher/contract'
import { itemError } from '@usher/contract'
import type { Hono } from 'hono'
import { sql } from 'kysely'
import type { UsherEnv } from '../app/env'
import { requireNotAbove } from '../domain/account-guards'
import { can, isUuid } from '../domain/actor'
import { displayName } from '../domain/audit'
import { encodeCursor, pageFrom } from '../domain/cursor'
import { assertGoverned, findVisibleGroup, textIdCursor } from '../domain/groups'
import { checkGroupIds, findUserInScope, usersInScope } from '../domain/scope'
import {
  bumpSharesVersions,
  type GroupTargets,
  type ShareCounts,
  shareMany,
  sharesInScope,
  unshareMany,
  userShares,
  writeAuditMany,
} from '../domain/shares'
import { ProblemError } from '../http/problem-error'
import { route } from '../http/route'

const userLabel = (user: { first_name: string; last_name: string; email: string }) =>
  displayName(user) || user.email

/** Field errors at `path.N` for each index, or nothing. */
const fieldErrors = (
  indexes: number[],
  path: (i: number) => string,
  code: FieldError['code'],
  message: string,
) => indexes.map((i) => ({ path: path(i), code, message }))

const duplicateIndexes = (ids: readonly string[]) => {
  const seen = new Set<string>()
  const out: number[] = []
  ids.forEach((id, i) => {
    if (seen.has(id)) out.push(i)
    seen.add(id)
  })
  return out
}

export function registerShareRoutes(app: Hono<UsherEnv>) {
  route(app, 'getUserShares', async ({ db, actor, params }) => {
    if (params.id === actor.user.id) return userShares(db, actor, actor.user.id, actor.user.shares_version)
    if (!can(actor, 'shares:manage') && !can(actor, 'users:read')) {
      throw new ProblemError('forbidden', { detail: "Reading another user's shares needs shares:manage." })
    }
    const user = await findUserInScope(db, actor, params.id)
    return userShares(db, actor, user.id, user.shares_version)
  })

  route(app, 'listGroupShares', async ({ db, actor, params, query }) => {
    const group = await findVisibleGroup(db, actor, params.id)
    assertGoverned(actor, group.id, 'manage shares')
    const after = textIdCursor('group-shares', query.cursor)
    let q = db
      .selectFrom('shares as s')
      .innerJoin('users as u', 'u.id', 's.user_id')
      .select(['u.id', 'u.first_name', 'u.last_name', 'u.email', 'u.sort_name', 's.permission'])
      .where('s.group_id', '=', group.id)
      .where('u.org_id', '=', actor.org.id)
      // An admin sees only the people within their groups, here as everywhere.
      .where(usersInScope(actor))
    if (after) q = q.where(sql<boolean>`(u.sort_name, u.id) > (${after[0]}, ${after[1]}::uuid)`)
    const rows = await q
      .orderBy('u.sort_name')
      .orderBy('u.id')
      .limit(query.limit + 1)
      .execute()
    return pageFrom(
      rows,
      query.limit,
      (r) => ({ userId: r.id, name: userLabel(r), email: r.email, permission: r.permission }),
      (r) => encodeCursor('group-shares', [r.sort_name, r.id]),
    )
  })

  route(app, 'replaceUserShares', async (ctx) => {
    const { actor, params, body } = ctx
    return ctx.transaction(async (trx) => {
      const user = await findUserInScope(trx, actor, params.id)
      requireNotAbove(actor, user)
      // Locked: concurrent replaces and bulk shares of this user queue up behind us.
      const { shares_version: version } = await trx
        .selectFrom('users')
        .select('shares_version')
        .where('id', '=', user.id)
        .forNoKeyUpdate()
        .executeTakeFirstOrThrow()
      if (version !== ctx.ifMatch) {
        throw new ProblemError('version_mismatch', {
          detail: `The shares are at version ${version}; reload them and retry.`,
        })
      }
      const wanted = new Map(body.shares.map((s) => [s.groupId, s.permission]))
      const { missing } = await checkGroupIds(
        trx,
        actor,
        body.shares.map((s) => s.groupId),
      )
      if (missing.length > 0) {
        throw new ProblemError('validation_failed', {
          errors: fieldErrors(
            missing,
            (i) => `shares.${i}.groupId`,
            'not_found',
            'No such group within your groups.',
          ),
        })
      }

      const current = await trx
        .selectFrom('shares as s')
        .select(['s.group_id', 's.permission'])
        .where('s.user_id', '=', user.id)
        .where(sharesInScope(actor))
        .execute()
      const before = new Map(current.map((s) => [s.group_id, s.permission]))
      const added: { groupId: string; permission: SharePermission }[] = []
      const changedBefore: { groupId: string; permission: SharePermission }[] = []
      const changedAfter: { groupId: string; permission: SharePermission }[] = []
      const removed: { groupId: string; permission: SharePermission }[] = []
      for (const [groupId, permission] of wanted) {
        const old = before.get(groupId)
        if (old === undefined) added.push({ groupId, permission })
        else if (old !== permission) {
          changedBefore.push({ groupId, permission: old })
          changedAfter.push({ groupId, permission })
        }
      }
      for (const [groupId, permission] of before) {
        if (!wanted.has(groupId)) removed.push({ groupId, permission })
      }
      if (added.length + changedAfter.length + removed.length === 0) {
        return userShares(trx, actor, user.id, version)
      }

      if (removed.length > 0) {
        await trx
          .deleteFrom('shares')
          .where('user_id', '=', user.id)
          .where(
            'group_id',
            'in',
            removed.map((r) => r.groupId),
          )
          .execute()
      }
      const upserts = [...added, ...changedAfter]
      if (upserts.length > 0) {
        await trx
          .insertInto('shares')
          .values(
            upserts.map((s) => ({
              user_id: user.id,
              group_id: s.groupId,
              org_id: actor.org.id,
              permission: s.permission,
              created_at: ctx.now,
            })),
          )
          .onConflict((oc) =>
            oc.columns(['user_id', 'group_id']).doUpdateSet({ permission: sql`excluded.permission` }),
          )
          .execute()
      }
      await trx
        .updateTable('users')
        .set({ shares_version: version + 1 })
        .where('id', '=', user.id)
        .execute()
      const changes: Record<string, [unknown, unknown]> = {}
      if (added.length) changes.added = [null, added]
      if (changedAfter.length) changes.changed = [changedBefore, changedAfter]
      if (removed.length) changes.removed = [removed, null]
      await ctx.audit(trx, {
        action: 'shares.replaced',
        target: { type: 'user', id: user.id, label: userLabel(user) },
        changes,
      })
      return userShares(trx, actor, user.id, version + 1)
    })
  })

  route(app, 'bulkShares', async (ctx) => {
    const { actor, body } = ctx
    return ctx.transaction(async (trx) => {
      // The groups: "all" is every group the actor may share (the owner's whole organization, an
      // admin's scope); a list must name only such groups, or nothing is done.
      let groups: GroupTargets
      if (body.groupIds === 'all') {
        groups = actor.scope === null ? null : [...actor.scope]
      } else {
        const duplicates = duplicateIndexes(body.groupIds)
        const { missing } = await checkGroupIds(trx, actor, body.groupIds)
        if (duplicates.length + missing.length > 0) {
          throw new ProblemError('validation_failed', {
            errors: [
              ...fieldErrors(
                missing,
                (i) => `groupIds.${i}`,
                'not_found',
                'No such group within your groups.',
              ),
              ...fieldErrors(duplicates, (i) => `groupIds.${i}`, 'duplicate', 'This group is listed twice.'),
            ],
          })
        }
        groups = body.groupIds
      }

      // The users, each on its own: one out of reach does not stop the others. Rows are locked in
      // id order (as a replace locks its one user), so concurrent share changes queue, not deadlock.
      const ids = [...new Set(body.userIds.filter(isUuid))]
      const found = ids.length
        ? await trx
            .selectFrom('users as u')
            .select(['u.id', 'u.first_name', 'u.last_name', 'u.email', 'u.role'])
            .where('u.org_id', '=', actor.org.id)
            .where('u.id', '=', sql<string>`any(${sql.val(ids)}::uuid[])`)
            .where(usersInScope(actor))
            .orderBy('u.id')
            .forNoKeyUpdate()
            .execute()
        : []
      const users = new Map(found.map((u) => [u.id, u]))
      // Someone ranked above the actor is answered on their own (`requireNotAbove`), not shared with.
      const above = new Map<string, ProblemError>()
      for (const u of found) {
        try {
          requireNotAbove(actor, u)
        } catch (error) {
          if (!(error instanceof ProblemError)) throw error
          above.set(u.id, error)
        }
      }
      const targets = [...users.keys()].filter((id) => !above.has(id))

      const counts =
        groups !== null && groups.length === 0
          ? new Map<string, ShareCounts>()
          : body.action === 'share'
            ? await shareMany(trx, {
                orgId: actor.org.id,
                userIds: targets,
                groups,
                permission: body.permission,
                now: ctx.now,
              })
            : await unshareMany(trx, {
                orgId: actor.org.id,
                userIds: targets,
                groups,
                permission: body.permission,
              })

      const touched = [...counts.keys()]
      // A long list is summed up: the same list would otherwise be stored once per user.
      const groupsLabel =
        body.groupIds === 'all' || body.groupIds.length <= 50
          ? body.groupIds
          : `${body.groupIds.length} groups`
      await bumpSharesVersions(trx, touched)
      // One event per user whose shares changed: the audit log filters by target.
      await writeAuditMany(
        trx,
        { actor, requestId: ctx.requestId, now: ctx.now },
        body.action === 'share' ? 'shares.bulk_shared' : 'shares.bulk_unshared',
        touched.map((userId) => {
          const user = users.get(userId)
          const c = counts.get(userId) as ShareCounts
          return {
            target: { id: userId, label: user ? userLabel(user) : userId },
            changes: {
              groupIds: [null, groupsLabel],
              permission: [null, body.permission ?? null],
              ...(body.action === 'share'
                ? { added: [0, c.added], changed: [0, c.changed] }
                : { removed: [0, c.removed] }),
            } as Record<string, [unknown, unknown]>,
          }
        }),
      )

      const seen = new Set<string>()
      const results = body.userIds.map((userId, index) => {
        if (seen.has(userId)) {
          const error: ItemError = itemError('validation_failed', 'This user is listed twice.', [
            { path: `userIds.${index}`, code: 'duplicate', message: 'This user is listed twice.' },
          ])
          return { userId, ok: false as const, error }
        }
        seen.add(userId)
        if (!users.has(userId)) {
          return {
            userId,
            ok: false as const,
            error: itemError('not_found', 'No such user in your organization.'),
          }
        }
        const refused = above.get(userId)
        if (refused) {
          return { userId, ok: false as const, error: itemError(refused.code, refused.problem.detail) }
        }
        const c = counts.get(userId) ?? { added: 0, changed: 0, removed: 0 }
        return { userId, ok: true as const, ...c }
      })
      const succeeded = results.filter((r) => r.ok).length
      return { results, succeeded, failed: results.length - succeeded }
    })
  })
}
