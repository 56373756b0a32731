import type { Group } from '@usher/contract'
import { type Expression, type Kysely, type RawBuilder, type SqlBool, sql } from 'kysely'
import type { Database, GroupRow } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { type Actor, can, isUuid, withDescendants } from './actor'
import { decodeCursor } from './cursor'
import { escapeLike, fold } from './search'
import { iso } from './time'

/**
 * Accented Latin letters, both cases, and their plain lowercase form, for SQL's `translate()`: the
 * databases we run on (PGlite, a stock PostgreSQL) may lack the `unaccent` extension, and one with
 * a C locale lowercases ASCII only. Group names are matched on the fly (an organization has
 * hundreds of groups, not millions), so no folded column is kept. Letters that do not decompose
 * (ł, ø, đ...) are mapped by hand.
 */
const LOWER = 'àáâãäåāăąçćĉċčďđèéêëēĕėęěĝğġģĥħìíîïĩīĭįıĵķĺļľŀłñńņňòóôõöøōŏőŕŗřśŝşšţťŧùúûüũūŭůűųŵýÿŷźżž'
const BY_HAND: Record<string, string> = { đ: 'd', ħ: 'h', ı: 'i', ŀ: 'l', ł: 'l', ø: 'o', ŧ: 't' }
const UPPER = [...LOWER]
  .map((c) => c.toUpperCase())
  .filter((c) => c.length === 1 && c > '\u007f')
  .join('')
const ACCENTED = LOWER + UPPER
const PLAIN = [...ACCENTED].map((c) => BY_HAND[c.toLowerCase()] ?? fold(c)).join('')

/** Lowercase, accents stripped, in SQL; applied to both sides of a comparison so they agree. */
export const foldedSql = (value: Expression<string> | RawBuilder<string>) =>
  sql<string>`lower(translate(${value}, ${ACCENTED}, ${PLAIN}))`

const likeContains = (value: string) => `%${escapeLike(value)}%`

/** Case- and accent-insensitive substring match of `q` on `g.name`. */
export function groupNameMatches(q: string): Expression<SqlBool> {
  return sql<SqlBool>`${foldedSql(sql.ref('g.name'))} like ${foldedSql(sql.val(likeContains(q.normalize('NFC'))))}`
}

/** Names are stored in NFC so that the folding above sees one form of "é". */
export const normalizeGroupName = (name: string) => name.normalize('NFC')

/**
 * Whether the actor's scope is one they govern: an admin's groups are theirs to manage and see,
 * while a technician's memberships grant nothing (they see only what is shared with them).
 */
function governsScope(actor: Actor): boolean {
  return can(actor, 'groups:manage') || can(actor, 'shares:manage') || can(actor, 'users:read')
}

/**
 * The groups the actor may see: null for every group of the organization (owner); otherwise the
 * groups they govern and the groups shared with them, each with its subgroups (a share covers
 * the subtree). Read on every request, so a change of shares shows at the next call.
 */
export async function visibleGroupIds(
  db: Kysely<Database>,
  actor: Actor,
): Promise<ReadonlySet<string> | null> {
  if (actor.scope === null) return null
  const shared = await db
    .selectFrom('shares')
    .select('group_id')
    .where('user_id', '=', actor.user.id)
    .where('org_id', '=', actor.org.id)
    .execute()
  const visible = await withDescendants(
    db,
    actor.org.id,
    shared.map((s) => s.group_id),
  )
  if (governsScope(actor)) for (const id of actor.scope) visible.add(id)
  return visible
}

/** A condition on `groups as g`: the group is one of `visible` (null: all). */
export function groupVisible(visible: ReadonlySet<string> | null): Expression<SqlBool> {
  if (visible === null) return sql<SqlBool>`true`
  if (visible.size === 0) return sql<SqlBool>`false`
  return sql<SqlBool>`g.id = any(${sql.val([...visible])}::uuid[])`
}

export interface GroupWithCounts extends GroupRow {
  member_count: number
  share_count: number
}

/**
 * Direct members and shares, counted in the same query as the rows (alias `g`), over the people
 * the actor may see: everyone for an organization-wide role; for a group-scoped admin, the people
 * within their scope (all the members of a group they govern; on a group only shared with them,
 * those who also belong to one of theirs) and themselves; for a role that reads no one else
 * (technician), only themselves — their own membership and share, 0 or 1.
 */
export function groupCounts(actor: Actor) {
  if (actor.scope === null) {
    return [
      sql<number>`(select count(*)::int from user_groups ug where ug.group_id = g.id)`.as('member_count'),
      sql<number>`(select count(*)::int from shares s where s.group_id = g.id)`.as('share_count'),
    ] as const
  }
  const self = actor.user.id
  if (!can(actor, 'users:read')) {
    return [
      sql<number>`(select count(*)::int from user_groups ug where ug.group_id = g.id and ug.user_id = ${self})`.as(
        'member_count',
      ),
      sql<number>`(select count(*)::int from shares s where s.group_id = g.id and s.user_id = ${self})`.as(
        'share_count',
      ),
    ] as const
  }
  const scope = sql.val([...actor.scope])
  const seen = (userId: RawBuilder<unknown>) => sql<SqlBool>`(${userId} = ${self} or exists (
    select 1 from user_groups mine where mine.user_id = ${userId} and mine.group_id = any(${scope}::uuid[])))`
  return [
    sql<number>`(select count(*)::int from user_groups ug where ug.group_id = g.id
      and (g.id = any(${scope}::uuid[]) or ${seen(sql.ref('ug.user_id'))}))`.as('member_count'),
    sql<number>`(select count(*)::int from shares s where s.group_id = g.id
      and ${seen(sql.ref('s.user_id'))})`.as('share_count'),
  ] as const
}

export function toGroup(row: GroupWithCounts): Group {
  return {
    id: row.id,
    name: row.name,
    description: row.description,
    parentId: row.parent_id,
    memberCount: Number(row.member_count),
    shareCount: Number(row.share_count),
    createdAt: iso(row.created_at),
    version: row.version,
  }
}

const notFound = (path?: string) =>
  new ProblemError('not_found', {
    detail: 'No such group in your organization.',
    ...(path ? { errors: [{ path, code: 'not_found' as const, message: 'No such group.' }] } : {}),
  })

/**
 * The group `id` if the actor may see it; otherwise 404, as for an id that does not exist. With
 * `lock`, the row stays locked until the transaction ends (updates, deletes, and the parent of a
 * new group, which must not vanish meanwhile). `path` names the body field the id came from.
 */
export async function findVisibleGroup(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  options: { lock?: boolean; path?: string; visible?: ReadonlySet<string> | null } = {},
): Promise<GroupRow> {
  if (!isUuid(id)) throw notFound(options.path)
  let query = db.selectFrom('groups').selectAll().where('org_id', '=', actor.org.id).where('id', '=', id)
  if (options.lock) query = query.forUpdate()
  const row = await query.executeTakeFirst()
  if (!row) throw notFound(options.path)
  const visible = options.visible !== undefined ? options.visible : await visibleGroupIds(db, actor)
  if (visible !== null && !visible.has(row.id)) throw notFound(options.path)
  return row
}

/** Group management stays within the actor's scope; a visible group outside it is 403, not 404. */
export function assertGoverned(actor: Actor, groupId: string | null, what: string): void {
  if (actor.scope === null) return
  if (groupId === null) {
    throw new ProblemError('forbidden', {
      detail: `Only an organization-wide role may ${what} at the top level.`,
    })
  }
  if (!actor.scope.has(groupId)) {
    throw new ProblemError('forbidden', { detail: `You may only ${what} within the groups assigned to you.` })
  }
}

/** A group with its counts as the actor sees them, read again after a write (in its transaction). */
export async function loadGroup(db: Kysely<Database>, actor: Actor, id: string): Promise<Group> {
  const row = await db
    .selectFrom('groups as g')
    .selectAll('g')
    .select(groupCounts(actor))
    .where('g.org_id', '=', actor.org.id)
    .where('g.id', '=', id)
    .executeTakeFirstOrThrow()
  return toGroup(row)
}

/**
 * Serialises moves within an organization for the rest of the transaction: two concurrent moves
 * (A under B, B under A) would each pass the cycle check alone.
 */
export async function lockGroupTree(db: Kysely<Database>, orgId: string): Promise<void> {
  await sql`select pg_advisory_xact_lock(hashtextextended(${`usher:group-tree:${orgId}`}, 0))`.execute(db)
}

const pgCode = (error: unknown): unknown =>
  typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined

/** The sibling-name unique index said no (`groups_org_sibling_name`). */
export const isUniqueViolation = (error: unknown) => pgCode(error) === '23505'
/** A foreign key said no (a subgroup appeared under a group being deleted). */
export const isForeignKeyViolation = (error: unknown) => pgCode(error) === '23503'

export const siblingNameTaken = (name: string) =>
  new ProblemError('conflict', {
    detail: `A group named "${name}" already exists at this level.`,
    errors: [{ path: 'name', code: 'duplicate', message: 'Another group at this level has this name.' }],
  })

/** A (text, id) keyset cursor, checked (`decodeCursor`). */
export function textIdCursor(kind: string, cursor: string | undefined): [string, string] | null {
  return decodeCursor(kind, cursor, ['text', 'uuid']) as [string, string] | null
}
