import type { AuditAction, SharePermission, UserShares } from '@usher/contract'
import { type Expression, type Kysely, type SqlBool, sql } from 'kysely'
import type { Database } from '../db/schema'
import type { Actor } from './actor'
import { writeAudits } from './audit'

/**
 * Which shares an actor may see and change on someone else, as a condition on `shares as s`: all
 * for organization-wide roles; for an admin, those on the groups they govern. Shares another
 * administrator gave outside that scope are neither shown nor touched by a replace.
 */
export function sharesInScope(actor: Actor): Expression<SqlBool> {
  if (actor.scope === null) return sql<SqlBool>`true`
  if (actor.scope.size === 0) return sql<SqlBool>`false`
  return sql<SqlBool>`s.group_id = any(${sql.val([...actor.scope])}::uuid[])`
}

/**
 * A user's shares as the actor sees them (everyone sees all of their own), by group name, with
 * the version that goes back in If-Match.
 */
export async function userShares(
  db: Kysely<Database>,
  actor: Actor,
  userId: string,
  version: number,
): Promise<UserShares> {
  const rows = await db
    .selectFrom('shares as s')
    .innerJoin('groups as g', 'g.id', 's.group_id')
    .select(['s.group_id', 'g.name', 's.permission'])
    .where('s.user_id', '=', userId)
    .where('s.org_id', '=', actor.org.id)
    .where(userId === actor.user.id ? sql<SqlBool>`true` : sharesInScope(actor))
    .orderBy(sql`lower(g.name)`)
    .orderBy('s.group_id')
    .execute()
  return {
    userId,
    items: rows.map((r) => ({ groupId: r.group_id, groupName: r.name, permission: r.permission })),
    version,
  }
}

export interface ShareCounts {
  added: number
  changed: number
  removed: number
}

/**
 * Which groups a bulk request covers: an explicit id list, or null for every group of the
 * organization (the owner's "all", left to SQL rather than shipped as a list).
 */
export type GroupTargets = readonly string[] | null

const groupSource = (orgId: string, groups: GroupTargets) =>
  groups === null
    ? sql`(select id from groups where org_id = ${orgId}) as g(id)`
    : sql`unnest(${sql.val([...groups])}::uuid[]) as g(id)`

/**
 * Shares every group of `groups` with every user of `userIds` in one statement. An existing share
 * with another permission is changed; one with the same permission is left alone (not counted).
 */
export async function shareMany(
  db: Kysely<Database>,
  input: {
    orgId: string
    userIds: readonly string[]
    groups: GroupTargets
    permission: SharePermission
    now: Date
  },
): Promise<Map<string, ShareCounts>> {
  if (input.userIds.length === 0) return new Map()
  // xmax = 0 tells a fresh row from one the ON CONFLICT branch updated.
  const result = await sql<{ user_id: string; added: number; changed: number }>`
    with upserted as (
      insert into shares as s (user_id, group_id, org_id, permission, created_at)
      select u.id, g.id, ${input.orgId}, ${input.permission}, ${input.now}
      from unnest(${sql.val([...input.userIds])}::uuid[]) as u(id)
      cross join ${groupSource(input.orgId, input.groups)}
      on conflict (user_id, group_id) do update set permission = excluded.permission
        where s.permission <> excluded.permission
      returning s.user_id, (s.xmax = 0) as inserted
    )
    select user_id,
      (count(*) filter (where inserted))::int as added,
      (count(*) filter (where not inserted))::int as changed
    from upserted group by user_id`.execute(db)
  return new Map(
    result.rows.map((r) => [r.user_id, { added: Number(r.added), changed: Number(r.changed), removed: 0 }]),
  )
}

/** Removes the shares of `groups` (of `permission` only, when given) from every user of `userIds`. */
export async function unshareMany(
  db: Kysely<Database>,
  input: {
    orgId: string
    userIds: readonly string[]
    groups: GroupTargets
    permission: SharePermission | undefined
  },
): Promise<Map<string, ShareCounts>> {
  if (input.userIds.length === 0) return new Map()
  const groupFilter =
    input.groups === null ? sql`true` : sql`s.group_id = any(${sql.val([...input.groups])}::uuid[])`
  const permissionFilter = input.permission ? sql`s.permission = ${input.permission}` : sql`true`
  const result = await sql<{ user_id: string; removed: number }>`
    with removed as (
      delete from shares s
      where s.org_id = ${input.orgId}
        and s.user_id = any(${sql.val([...input.userIds])}::uuid[])
        and ${groupFilter} and ${permissionFilter}
      returning s.user_id
    )
    select user_id, count(*)::int as removed from removed group by user_id`.execute(db)
  return new Map(result.rows.map((r) => [r.user_id, { added: 0, changed: 0, removed: Number(r.removed) }]))
}

/** Bumps the shares' version of each user: a replace based on an older read now gets 412. */
export async function bumpSharesVersions(db: Kysely<Database>, userIds: readonly string[]): Promise<void> {
  if (userIds.length === 0) return
  await db
    .updateTable('users')
    .set({ shares_version: sql`shares_version + 1` })
    .where('id', '=', sql<string>`any(${sql.val([...userIds])}::uuid[])`)
    .execute()
}

/** One audit event per user, in multi-row inserts (`writeAudits`). */
export async function writeAuditMany(
  db: Kysely<Database>,
  context: { actor: Actor; requestId: string | null; now: Date },
  action: AuditAction,
  events: readonly {
    target: { id: string; label: string }
    changes: Record<string, [unknown, unknown]>
  }[],
): Promise<void> {
  await writeAudits(
    db,
    context,
    events.map((event) => ({
      action,
      target: { type: 'user' as const, ...event.target },
      changes: event.changes,
    })),
  )
}
