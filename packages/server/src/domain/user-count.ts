import type { UserCount } from '@usher/contract'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema'
import type { Actor } from './actor'
import { usersInScopeSet } from './scope'
import { type UserListFilters, userListConditions } from './user-list'

/**
 * Up to this many matches are counted row by row; past it the answer is the planner's estimate.
 * Counting stops at the first row past the cap, so a count costs at most this many index entries
 * however big the organization (measured in `pnpm bench`, docs/decisions/0012-user-count.md).
 */
export const EXACT_COUNT_UP_TO = 10_000

/**
 * How many users the list's search and filters match, within the actor's scope: exact up to
 * `EXACT_COUNT_UP_TO`, an estimate (`exact: false`) beyond — never less than the cap plus one, so
 * a count shown as "about" is never below what was really counted.
 */
export async function countUsers(
  db: Kysely<Database>,
  actor: Actor,
  query: UserListFilters,
  now: Date,
  exactUpTo = EXACT_COUNT_UP_TO,
): Promise<UserCount> {
  const conditions = await userListConditions(db, actor, query, now, usersInScopeSet)
  const matches = db
    .selectFrom('users as u')
    .select(sql<number>`1`.as('one'))
    .where('u.org_id', '=', actor.org.id)
    .where((eb) => eb.and(conditions))
  const counted = await db
    .selectFrom(matches.limit(exactUpTo + 1).as('m'))
    .select(sql<string>`count(*)`.as('n'))
    .executeTakeFirstOrThrow()
  const n = Number(counted.n)
  if (n <= exactUpTo) return { count: n, exact: true }
  return { count: Math.max(exactUpTo + 1, await plannerEstimate(matches)), exact: false }
}

/** The row count PostgreSQL's planner expects from a query (EXPLAIN; nothing is read). */
async function plannerEstimate(query: { explain(format: 'json'): Promise<unknown[]> }): Promise<number> {
  const [row] = (await query.explain('json')) as Array<{
    'QUERY PLAN': Array<{ Plan: { 'Plan Rows': number } }>
  }>
  const plan = row?.['QUERY PLAN']?.[0]?.Plan
  return Math.round(plan?.['Plan Rows'] ?? 0)
}
