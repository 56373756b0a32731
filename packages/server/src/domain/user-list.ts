import {
  type ListUsersQuerySchema,
  type Page,
  reachRoles,
  type User,
  type UserSearchTerms,
  userSearchTerms,
} from '@usher/contract'
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely'
import type * as z from 'zod'
import type { Database } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { type Actor, isUuid, withDescendants } from './actor'
import { type CursorPart, decodeCursor, encodeCursor } from './cursor'
import { groupInScope, usersInScope } from './scope'
import { likePrefix } from './search'
import { extrasScopeIds, statusCondition, toUserWithExtras, userExtrasExpressions } from './users'

export type ListUsersQuery = z.output<typeof ListUsersQuerySchema>

interface SortKey {
  /** The sorted expression, as the index declares it (keyset scans need the very same expression). */
  column: RawBuilder<unknown>
  /** The SQL type the cursor's value is cast back to (it travels as text, at full precision). */
  cast: 'text' | 'timestamptz'
  /** What the cursor's value must look like before it meets that cast. */
  part: CursorPart
  /** Emails are unique per organization: the id adds nothing, and the unique index has no id column. */
  unique?: boolean
}

const SORT_KEYS: Record<'name' | 'email' | 'createdAt' | 'lastActiveAt', SortKey> = {
  name: { column: sql`u.sort_name`, cast: 'text', part: 'text' },
  email: { column: sql`u.email`, cast: 'text', part: 'text', unique: true },
  createdAt: { column: sql`u.created_at`, cast: 'timestamptz', part: 'timestamp' },
  // Never-seen users sort as the oldest activity, as the index users_org_last_active does.
  lastActiveAt: {
    column: sql`coalesce(u.last_active_at, '-infinity'::timestamptz)`,
    cast: 'timestamptz',
    part: 'activity',
  },
}

/**
 * One page of the users the actor may see. Keyset pagination on (org_id, sort column, id): every
 * page is an index range scan whatever its depth, and no page counts the whole list.
 */
export async function listUsers(
  db: Kysely<Database>,
  actor: Actor,
  query: ListUsersQuery,
  now: Date,
): Promise<Page<User>> {
  const descending = query.sort.startsWith('-')
  const sortName = (descending ? query.sort.slice(1) : query.sort) as keyof typeof SORT_KEYS
  const key = SORT_KEYS[sortName]
  const cursorKind = `users:${query.sort}`
  const after = decodeCursor(cursorKind, query.cursor, [key.part, 'uuid']) as [string, string] | null

  const conditions = await userListConditions(db, actor, query, now)
  if (after) {
    const [value, id] = after
    const op = sql.raw(descending ? '<' : '>')
    const typed = sql`${value}::${sql.raw(key.cast)}`
    conditions.push(
      key.unique
        ? sql<SqlBool>`${key.column} ${op} ${typed}`
        : sql<SqlBool>`(${key.column}, u.id) ${op} (${typed}, ${id}::uuid)`,
    )
  }

  const direction = sql.raw(descending ? 'desc' : 'asc')
  const extras = userExtrasExpressions(sql`u.id`, extrasScopeIds(actor))
  let select = db
    .selectFrom('users as u')
    .selectAll('u')
    // Timestamps as the database prints them: microseconds that a JS Date would drop stay exact.
    .select(sql<string>`(${key.column})::text`.as('cursor_value'))
    // Groups, share counts and the pending invitation in the page's own statement: no second round trip.
    .select([
      extras.group_ids.as('group_ids'),
      extras.shares.as('shares'),
      extras.shares_in_scope.as('shares_in_scope'),
      extras.invitation_id.as('invitation_id'),
    ])
    .where('u.org_id', '=', actor.org.id)
    .where((eb) => eb.and(conditions))
    .orderBy(sql`${key.column} ${direction}`)
  if (!key.unique) select = select.orderBy(sql`u.id ${direction}`)
  const rows = await select.limit(query.limit + 1).execute()

  const more = rows.length > query.limit
  const slice = more ? rows.slice(0, query.limit) : rows
  const last = slice[slice.length - 1]
  return {
    items: slice.map((row) => toUserWithExtras(row, row, now, actor)),
    nextCursor: more && last ? encodeCursor(cursorKind, [last.cursor_value, last.id]) : null,
  }
}

/** What the list's search and filters keep, over the users the actor may see: list and count share it. */
export type UserListFilters = Pick<
  ListUsersQuery,
  'source' | 'q' | 'role' | 'status' | 'expiresWithinDays' | 'groupId' | 'seesNothing'
>

/**
 * The conditions on `users as u` (besides the organization) that the list's search and filters
 * make, within the actor's scope (`scope`: the shape of that condition, per row for a page,
 * `usersInScopeSet` for a count). Every one is an indexed prefix or equality match.
 */
export async function userListConditions(
  db: Kysely<Database>,
  actor: Actor,
  query: UserListFilters,
  now: Date,
  scope: (actor: Actor) => Expression<SqlBool> = usersInScope,
): Promise<Expression<SqlBool>[]> {
  const conditions: Expression<SqlBool>[] = [scope(actor)]
  const terms = userSearchTerms(query.q)
  if (terms) conditions.push(searchCondition(terms))
  if (query.role?.length) conditions.push(sql<SqlBool>`u.role = any(${sql.val(query.role)}::text[])`)
  if (query.source?.length) conditions.push(sql<SqlBool>`u.source = any(${sql.val(query.source)}::text[])`)
  if (query.status?.length) {
    const statuses = [...new Set(query.status)].map((status) => statusCondition(status, now))
    conditions.push(sql<SqlBool>`(${sql.join(statuses, sql` or `)})`)
  }
  if (query.expiresWithinDays !== undefined) {
    // Invited (still pending at `now`) and lapsing within the window: the invited status, bounded.
    const until = new Date(now.getTime() + query.expiresWithinDays * 86_400_000)
    conditions.push(statusCondition('invited', now))
    conditions.push(sql<SqlBool>`u.invitation_expires_at <= ${until}`)
  }
  if (query.groupId !== undefined) {
    const groups = await groupAndSubgroups(db, actor, query.groupId)
    conditions.push(sql<SqlBool>`exists (select 1 from user_groups ug
      where ug.user_id = u.id and ug.group_id = any(${sql.val(groups)}::uuid[]))`)
  }
  if (query.seesNothing) conditions.push(seesNothingCondition(actor))
  return conditions
}

/**
 * The people `seesNothing` (contract) finds, as SQL: a group-scoped role (asked of the catalog, so
 * a host's roles count) with no share, and no membership either for a role that governs its
 * groups. Both probes are primary-key lookups (shares and user_groups start with user_id).
 */
function seesNothingCondition(actor: Actor): Expression<SqlBool> {
  const { sharesOnly, sharesOrGroups } = reachRoles(actor.roles)
  const scoped = [...sharesOnly, ...sharesOrGroups]
  if (scoped.length === 0) return sql<SqlBool>`false`
  const noShare = sql<SqlBool>`not exists (select 1 from shares s where s.user_id = u.id)`
  const noGroup = sql<SqlBool>`(u.role = any(${sql.val(sharesOnly)}::text[])
    or not exists (select 1 from user_groups ug where ug.user_id = u.id))`
  return sql<SqlBool>`(u.role = any(${sql.val(scoped)}::text[]) and ${noShare} and ${noGroup})`
}

/**
 * The contract's search terms as SQL, each written as its index declares it: the folded name
 * columns and the address (`text_pattern_ops`, so LIKE 'abc%' is an index range whatever the
 * collation), and the address's domain (`users_org_email_domain`, migration 0005).
 */
function searchCondition(terms: UserSearchTerms): Expression<SqlBool> {
  const parts: Expression<SqlBool>[] = []
  if (terms.name !== null) {
    const name = likePrefix(terms.name)
    parts.push(sql<SqlBool>`u.search_first like ${name}`)
    parts.push(sql<SqlBool>`u.search_last like ${name}`)
    parts.push(sql<SqlBool>`u.search_full like ${name}`)
  }
  if (terms.email !== null) parts.push(sql<SqlBool>`u.email like ${likePrefix(terms.email)}`)
  if (terms.domain !== null) {
    parts.push(sql<SqlBool>`split_part(u.email, '@', -1) like ${likePrefix(terms.domain)}`)
  }
  return sql<SqlBool>`(${sql.join(parts, sql` or `)})`
}

/** The group and its subgroups; 404 for a group of another organization or outside the actor's scope. */
async function groupAndSubgroups(db: Kysely<Database>, actor: Actor, groupId: string): Promise<string[]> {
  const found =
    isUuid(groupId) && groupInScope(actor, groupId)
      ? await db
          .selectFrom('groups')
          .select('id')
          .where('org_id', '=', actor.org.id)
          .where('id', '=', groupId)
          .executeTakeFirst()
      : undefined
  if (!found) throw new ProblemError('not_found', { detail: 'No such group in your organization.' })
  return [...(await withDescendants(db, actor.org.id, [groupId]))]
}
