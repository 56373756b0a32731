import { type Expression, type Kysely, type SqlBool, sql } from 'kysely'
import type { Database, UserRow } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { type Actor, isUuid } from './actor'

/**
 * Which users an actor may see and act on, as a condition on `users as u`: everyone for
 * organization-wide roles; for group-scoped ones, the members of a group in their scope, and
 * themselves. Always combined with the organization filter.
 */
export function usersInScope(actor: Actor): Expression<SqlBool> {
  if (actor.scope === null) return sql<SqlBool>`true`
  const groups = [...actor.scope]
  if (groups.length === 0) return sql<SqlBool>`u.id = ${actor.user.id}`
  return sql<SqlBool>`(u.id = ${actor.user.id} or exists (
    select 1 from user_groups ug where ug.user_id = u.id and ug.group_id = any(${sql.val(groups)}::uuid[])))`
}

/**
 * `usersInScope` shaped for reading many rows at once (counts): one semi-join on the members of the
 * actor's groups, where the `or exists` form probes user_groups once per person — 100,000 probes
 * to count an organization, and a planner estimate that is a guess.
 */
export function usersInScopeSet(actor: Actor): Expression<SqlBool> {
  if (actor.scope === null) return sql<SqlBool>`true`
  const groups = [...actor.scope]
  if (groups.length === 0) return sql<SqlBool>`u.id = ${actor.user.id}`
  return sql<SqlBool>`u.id in (
    select ug.user_id from user_groups ug where ug.group_id = any(${sql.val(groups)}::uuid[])
    union all select ${actor.user.id}::uuid)`
}

/** Whether a group is one the actor governs (for memberships, shares and group management). */
export function groupInScope(actor: Actor, groupId: string): boolean {
  return actor.scope === null || actor.scope.has(groupId)
}

/**
 * The user `id` of the actor's organization, if the actor may see them; otherwise 404 — the same
 * answer as for an id that does not exist, so nothing leaks across organizations or scopes.
 */
export async function findUserInScope(db: Kysely<Database>, actor: Actor, id: string): Promise<UserRow> {
  const row = isUuid(id)
    ? await db
        .selectFrom('users as u')
        .selectAll('u')
        .where('u.org_id', '=', actor.org.id)
        .where('u.id', '=', id)
        .where(usersInScope(actor))
        .executeTakeFirst()
    : undefined
  if (!row) throw new ProblemError('not_found', { detail: 'No such user in your organization.' })
  return row
}

/**
 * Group ids that name groups of the actor's organization within their scope; the others are
 * reported as field errors at `path.N` (not_found: another organization's id does not exist).
 */
export async function checkGroupIds(
  db: Kysely<Database>,
  actor: Actor,
  groupIds: readonly string[],
): Promise<{ missing: number[] }> {
  if (groupIds.length === 0) return { missing: [] }
  const valid = groupIds.filter(isUuid)
  const found = valid.length
    ? await db
        .selectFrom('groups')
        .select('id')
        .where('org_id', '=', actor.org.id)
        .where('id', 'in', valid)
        .execute()
    : []
  const known = new Set(found.map((g) => g.id))
  const missing: number[] = []
  groupIds.forEach((id, index) => {
    if (!known.has(id) || !groupInScope(actor, id)) missing.push(index)
  })
  return { missing }
}
