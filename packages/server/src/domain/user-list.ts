import { type ListUsersQuerySchema, normalizeEmail, type Page, type User } from '@usher/contract'
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely'
import type * as z from 'zod'
import type { Database } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { type Actor, isUuid, withDescendants } from './actor'
import { type CursorPart, decodeCursor, encodeCursor } from './cursor'
import { groupInScope, usersInScope } from './scope'
import { fold, likePrefix } from './search'
import { statusCondition, toUsers } from './users'

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

  const conditions: Expression<SqlBool>[] = [usersInScope(actor)]

  const q = query.q?.trim()
  if (q) {
    const name = likePrefix(fold(q))
    const email = likePrefix(normalizeEmail(q))
    conditions.push(sql<SqlBool>`(u.search_first like ${name} or u.search_last like ${name}
      or u.search_full like ${name} or u.email like ${email})`)
  }
  if (query.role?.length) conditions.push(sql<SqlBool>`u.role = any(${sql.val(query.role)}::text[])`)
  if (query.status?.length) {
    const statuses = [...new Set(query.status)].map((status) => statusCondition(status, now))
    conditions.push(sql<SqlBool>`(${sql.join(statuses, sql` or `)})`)
  }
  if (query.groupId !== undefined) {
    const groups = await groupAndSubgroups(db, actor, query.groupId)
    conditions.push(sql<SqlBool>`exists (select 1 from user_groups ug
      where ug.user_id = u.id and ug.group_id = any(${sql.val(groups)}::uuid[]))`)
  }
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
  let select = db
    .selectFrom('users as u')
    .selectAll('u')
    // Timestamps as the database prints them: microseconds that a JS Date would drop stay exact.
    .select(sql<string>`(${key.column})::text`.as('cursor_value'))
    .where('u.org_id', '=', actor.org.id)
    .where((eb) => eb.and(conditions))
    .orderBy(sql`${key.column} ${direction}`)
  if (!key.unique) select = select.orderBy(sql`u.id ${direction}`)
  const rows = await select.limit(query.limit + 1).execute()

  const more = rows.length > query.limit
  const slice = more ? rows.slice(0, query.limit) : rows
  const last = slice[slice.length - 1]
  return {
    items: await toUsers(db, slice, now, actor),
    nextCursor: more && last ? encodeCursor(cursorKind, [last.cursor_value, last.id]) : null,
  }
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
