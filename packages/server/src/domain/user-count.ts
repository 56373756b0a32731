import type { UserCount } from '@usher/contract'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema'
import type { Actor } from './actor'
import { usersInScopeSet } from './scope'
import { type UserListFilters, userListConditions } from './user-list'

/**
 * Past this many expected matches, the count is the planner's estimate. Below it the count is
 * exact, and reads at most about this many index entries or rows (measured in `pnpm bench`,
 * docs/decisions/0012-user-count.md): counting costs what the match costs, not what the
 * organization weighs.
 */
export const ESTIMATE_ABOVE = 20_000

/**
 * How many users the list's search and filters match, within the actor's scope. The planner's
 * estimate comes first (EXPLAIN: nothing is read); when it expects more than `estimateAbove`
 * matches that estimate is the answer (`exact: false`), otherwise the matches are counted.
 */
export async function countUsers(
  db: Kysely<Database>,
  actor: Actor,
  query: UserListFilters,
  now: Date,
  estimateAbove = ESTIMATE_ABOVE,
): Promise<UserCount> {
  const conditions = await userListConditions(db, actor, query, now, usersInScopeSet)
  const matches = db
    .selectFrom('users as u')
    .where('u.org_id', '=', actor.org.id)
    .where((eb) => eb.and(conditions))
  const expected = await plannerEstimate(matches.select(sql<number>`1`.as('one')))
  if (expected > estimateAbove) return { count: expected, exact: false }
  const counted = await matches.select(sql<string>`count(*)`.as('n')).executeTakeFirstOrThrow()
  return { count: Number(counted.n), exact: true }
}

/** The row count PostgreSQL's planner expects from a query. */
async function plannerEstimate(query: { explain(format: 'json'): Promise<unknown[]> }): Promise<number> {
  const [row] = (await query.explain('json')) as Array<{
    'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }>
  }>
  const plan = row?.['QUERY PLAN']?.[0]?.Plan
  return Math.max(0, Math.round(plan?.['Plan Rows'] ?? 0))
}
