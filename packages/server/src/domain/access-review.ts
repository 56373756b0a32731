import { randomUUID } from 'node:crypto'
import type { AccessReview, AccessReviewCounts, AccessReviewer, AccessReviewItem } from '@usher/contract'
import { type Expression, type Kysely, type Selectable, type SqlBool, sql } from 'kysely'
import type { AccessReviewItemsTable, AccessReviewsTable, Database, UserRow } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { type Actor, can, isUuid, withDescendants } from './actor'
import { displayName } from './audit'
import { usersInScope } from './scope'
import { sharesInScope } from './shares'
import { iso } from './time'

export type ReviewRow = Selectable<AccessReviewsTable>

/**
 * The lines of a review the actor may read, as a condition on `access_review_items as s` joined
 * with `users as u`. The items table is aliased `s` on purpose: a share line's group is checked by
 * the shares' own scope rule (`sharesInScope`), and the person by `usersInScope` — the same rules
 * as the Shared groups dialog and the users list, never a copy.
 */
export function itemsInScope(actor: Actor): Expression<SqlBool> {
  return sql<SqlBool>`(${usersInScope(actor)} and (s.kind = 'role' or ${sharesInScope(actor)}))`
}

/**
 * The lines the actor may decide (once the review is open and the line pending): a role line when
 * they may change that account (`users:update` and the catalog's `canManage`), a share line when
 * they may change its shares (`shares:manage`, a person not ranked above them). Nobody decides
 * their own lines. The writes themselves check again, with the same guards as by hand.
 */
export function decidableByActor(actor: Actor): Expression<SqlBool> {
  const catalog = actor.roles
  const manageable = catalog.keys.filter((key) => catalog.canManage(actor.role, key))
  const notAbove = catalog.keys.filter((key) => !catalog.ranksAbove(key, actor.role))
  const parts: Expression<SqlBool>[] = []
  if (can(actor, 'users:update') && manageable.length) {
    parts.push(sql<SqlBool>`(s.kind = 'role' and u.role = any(${sql.val(manageable)}::text[]))`)
  }
  if (can(actor, 'shares:manage') && notAbove.length) {
    parts.push(sql<SqlBool>`(s.kind = 'share' and u.role = any(${sql.val(notAbove)}::text[]))`)
  }
  if (parts.length === 0) return sql<SqlBool>`false`
  return sql<SqlBool>`(u.id <> ${actor.user.id} and ${itemsInScope(actor)} and (${sql.join(parts, sql` or `)}))`
}

/** Who reviews: the members who may change accounts or shares (asked of the catalog). */
export function reviewerRoles(actor: Actor): string[] {
  const catalog = actor.roles
  return catalog.keys.filter((key) => {
    const permissions = catalog.permissionsOf(key)
    return permissions.includes('users:update') || permissions.includes('shares:manage')
  })
}

/** The review `id` of the actor's organization; 404 otherwise (another tenant's id does not exist). */
export async function findReview(db: Kysely<Database>, actor: Actor, id: string): Promise<ReviewRow> {
  const row = isUuid(id)
    ? await db
        .selectFrom('access_reviews')
        .selectAll()
        .where('org_id', '=', actor.org.id)
        .where('id', '=', id)
        .executeTakeFirst()
    : undefined
  if (!row) throw new ProblemError('not_found', { detail: 'No such access review in your organization.' })
  return row
}

export function requireOpen(review: ReviewRow) {
  if (review.status !== 'open') {
    throw new ProblemError('conflict', { detail: 'This access review is closed.' })
  }
}

/**
 * Starts a review: one role line per enabled member who joined, one share line per group shared
 * with them, in two inserts. A second open review is refused by the partial unique index too, so
 * two owners starting at once get one review and one 409.
 */
export async function startReview(db: Kysely<Database>, actor: Actor, now: Date): Promise<ReviewRow> {
  const open = await db
    .selectFrom('access_reviews')
    .select('id')
    .where('org_id', '=', actor.org.id)
    .where('status', '=', 'open')
    .executeTakeFirst()
  if (open) throw alreadyOpen()
  const id = randomUUID()
  try {
    await db
      .insertInto('access_reviews')
      .values({ id, org_id: actor.org.id, status: 'open', started_by: actor.user.id, started_at: now })
      .execute()
  } catch (error) {
    if ((error as { code?: string }).code === '23505') throw alreadyOpen()
    throw error
  }
  const members = sql`from users u where u.org_id = ${actor.org.id} and u.enabled and u.activated_at is not null`
  const name = sql`trim(u.first_name || ' ' || u.last_name)`
  await sql`insert into access_review_items
      (id, review_id, org_id, user_id, kind, role, user_name, user_email, sort_name)
    select gen_random_uuid(), ${id}, u.org_id, u.id, 'role', u.role, ${name}, u.email, u.sort_name
    ${members}`.execute(db)
  await sql`insert into access_review_items
      (id, review_id, org_id, user_id, kind, role, group_id, group_name, permission, user_name, user_email, sort_name)
    select gen_random_uuid(), ${id}, u.org_id, u.id, 'share', u.role, g.id, g.name, sh.permission, ${name},
      u.email, u.sort_name
    from users u join shares sh on sh.user_id = u.id join groups g on g.id = sh.group_id
    where u.org_id = ${actor.org.id} and u.enabled and u.activated_at is not null`.execute(db)
  return db.selectFrom('access_reviews').selectAll().where('id', '=', id).executeTakeFirstOrThrow()
}

const alreadyOpen = () =>
  new ProblemError('conflict', {
    detail: 'An access review is already open: close it before starting another.',
  })

/** How far the lines within `condition` went. */
async function countsWhere(
  db: Kysely<Database>,
  reviewId: string,
  condition: Expression<SqlBool>,
): Promise<AccessReviewCounts> {
  const row = await db
    .selectFrom('access_review_items as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select([
      sql<number>`count(*)::int`.as('total'),
      sql<number>`(count(*) filter (where s.decision = 'pending'))::int`.as('pending'),
      sql<number>`(count(*) filter (where s.decision = 'confirmed'))::int`.as('confirmed'),
      sql<number>`(count(*) filter (where s.decision = 'removed'))::int`.as('removed'),
    ])
    .where('s.review_id', '=', reviewId)
    .where(condition)
    .executeTakeFirstOrThrow()
  return {
    total: Number(row.total),
    pending: Number(row.pending),
    confirmed: Number(row.confirmed),
    removed: Number(row.removed),
  }
}

/**
 * Every reviewer as the actor they would be: their role's permissions and, for a group-scoped
 * role, their groups and subgroups — the scope `loadActor` gives them when they sign in.
 */
export async function reviewerActors(db: Kysely<Database>, actor: Actor): Promise<Actor[]> {
  const roles = reviewerRoles(actor)
  if (roles.length === 0) return []
  const rows = await db
    .selectFrom('users')
    .selectAll()
    .where('org_id', '=', actor.org.id)
    .where('enabled', '=', true)
    .where('activated_at', 'is not', null)
    .where('role', '=', sql<string>`any(${sql.val(roles)}::text[])`)
    .orderBy('sort_name')
    .orderBy('id')
    .execute()
  const actors: Actor[] = []
  for (const user of rows as UserRow[]) {
    let scope: Set<string> | null = null
    if (actor.roles.scopeOf(user.role) === 'groups') {
      const own = await db
        .selectFrom('user_groups')
        .select('group_id')
        .where('user_id', '=', user.id)
        .execute()
      scope = await withDescendants(
        db,
        actor.org.id,
        own.map((g) => g.group_id),
      )
    }
    actors.push({
      ...actor,
      user,
      role: user.role,
      rank: actor.roles.rankOf(user.role),
      permissions: actor.roles.permissionsOf(user.role),
      scope,
    })
  }
  return actors
}

/** Each reviewer with the pending lines they may decide. */
export async function reviewerProgress(
  db: Kysely<Database>,
  actor: Actor,
  reviewId: string,
): Promise<(AccessReviewer & { locale: string })[]> {
  const out: (AccessReviewer & { locale: string })[] = []
  for (const reviewer of await reviewerActors(db, actor)) {
    const counts = await countsWhere(
      db,
      reviewId,
      sql<SqlBool>`s.decision = 'pending' and ${decidableByActor(reviewer)}`,
    )
    out.push({
      id: reviewer.user.id,
      name: displayName(reviewer.user) || reviewer.user.email,
      email: reviewer.user.email,
      pending: counts.total,
      locale: reviewer.user.locale,
    })
  }
  return out
}

const personRef = async (db: Kysely<Database>, id: string | null) => {
  if (!id) return null
  const user = await db
    .selectFrom('users')
    .select(['id', 'first_name', 'last_name', 'email'])
    .where('id', '=', id)
    .executeTakeFirst()
  return user ? { id: user.id, name: displayName(user) || user.email, email: user.email } : null
}

/** The review as the actor sees it: their share of the lines, and the reviewers' progress. */
export async function toAccessReview(
  db: Kysely<Database>,
  actor: Actor,
  review: ReviewRow,
): Promise<AccessReview> {
  const everyone = reviewerRoles(actor).includes(actor.role) && can(actor, 'organization:manage')
  const progress = await reviewerProgress(db, actor, review.id)
  return {
    id: review.id,
    status: review.status,
    startedAt: iso(review.started_at),
    startedBy: await personRef(db, review.started_by),
    closedAt: review.closed_at ? iso(review.closed_at) : null,
    closedBy: await personRef(db, review.closed_by),
    counts: await countsWhere(db, review.id, itemsInScope(actor)),
    reviewers: progress
      .filter((r) => everyone || r.id === actor.user.id)
      .map(({ locale: _locale, ...r }) => r),
    remindedAt: review.reminded_at ? iso(review.reminded_at) : null,
  }
}

/** The open review of the organization, else its latest closed one, else null. */
export async function currentReview(db: Kysely<Database>, actor: Actor): Promise<ReviewRow | null> {
  const row = await db
    .selectFrom('access_reviews')
    .selectAll()
    .where('org_id', '=', actor.org.id)
    .orderBy(sql`(status = 'open')`, 'desc')
    .orderBy('started_at', 'desc')
    .limit(1)
    .executeTakeFirst()
  return row ?? null
}

export type ItemRow = Selectable<AccessReviewItemsTable> & { current_role: string; decidable: boolean }

/** Selects lines of a review within the actor's scope, with whether the actor may decide each. */
export function selectItems(db: Kysely<Database>, actor: Actor, review: ReviewRow) {
  const open = review.status === 'open'
  return db
    .selectFrom('access_review_items as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .selectAll('s')
    .select('u.role as current_role')
    .select(
      (open ? sql<boolean>`(s.decision = 'pending' and ${decidableByActor(actor)})` : sql<boolean>`false`).as(
        'decidable',
      ),
    )
    .where('s.review_id', '=', review.id)
    .where('s.org_id', '=', actor.org.id)
    .where(itemsInScope(actor))
}

export function toItem(row: ItemRow): AccessReviewItem {
  return {
    id: row.id,
    kind: row.kind,
    user: { id: row.user_id, name: row.user_name || row.user_email, email: row.user_email },
    role: row.role,
    group: row.group_id ? { id: row.group_id, name: row.group_name ?? '' } : null,
    permission: row.permission,
    decision: row.decision,
    decidedBy: row.decided_by ? { id: row.decided_by, name: row.decided_by_name ?? '' } : null,
    decidedAt: row.decided_at ? iso(row.decided_at) : null,
    canDecide: row.decidable,
  }
}
