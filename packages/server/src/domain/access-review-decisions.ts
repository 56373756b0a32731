import { type BulkResult, type DecideAccessReviewSchema, itemError } from '@usher/contract'
import { type Kysely, sql } from 'kysely'
import type * as z from 'zod'
import type { Database, UserRow } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { type ItemRow, type ReviewRow, requireOpen, selectItems } from './access-review'
import { requireNotAbove, requireOutranks } from './account-guards'
import { type Actor, can } from './actor'
import { type AuditInput, displayName } from './audit'
import { bumpSharesVersions, unshareMany, writeAuditMany } from './shares'
import { applyUserPatch } from './user-patch'
import { UserWrites } from './user-writes'

type Decisions = z.output<typeof DecideAccessReviewSchema>['decisions']

export interface DecideContext {
  actor: Actor
  now: Date
  requestId: string
  audit: (trx: Kysely<Database>, event: AuditInput) => Promise<void>
}

/**
 * Why the actor may not decide a line they can see: the same refusal as the change by hand
 * (role_above_own from the account guards, forbidden without the permission), or their own line.
 */
function refusal(actor: Actor, item: ItemRow): ProblemError {
  const target = { id: item.user_id, role: item.current_role }
  if (item.kind === 'role') {
    if (!can(actor, 'users:update')) {
      return new ProblemError('forbidden', { detail: 'Removing a role needs the permission users:update.' })
    }
    try {
      requireOutranks(actor, target)
    } catch (error) {
      if (error instanceof ProblemError) return error
      throw error
    }
  } else {
    if (!can(actor, 'shares:manage')) {
      return new ProblemError('forbidden', { detail: 'Removing a share needs the permission shares:manage.' })
    }
    try {
      requireNotAbove(actor, target)
    } catch (error) {
      if (error instanceof ProblemError) return error
      throw error
    }
  }
  return new ProblemError('forbidden', { detail: 'Your own access is reviewed by someone else.' })
}

/**
 * Applies each decision on its own, in one transaction: the lines are locked first, so two
 * reviewers deciding the same line get one answer each (the second: conflict). A removal goes
 * through the writers the table uses — the account is disabled by `applyUserPatch` (its audit
 * event, the last-owner and rank checks), a share is removed by `unshareMany` and audited as an
 * unshare — and only then is the line marked.
 */
export async function decideItems(
  trx: Kysely<Database>,
  context: DecideContext,
  review: ReviewRow,
  decisions: Decisions,
): Promise<BulkResult> {
  const { actor, now } = context
  requireOpen(review)
  const ids = [...new Set(decisions.map((d) => d.itemId))]
  await sql`select id from access_review_items
    where review_id = ${review.id} and id = any(${sql.val(ids)}::uuid[]) order by id for update`.execute(trx)
  const rows = (await selectItems(trx, actor, review).where('s.id', 'in', ids).execute()) as ItemRow[]
  const items = new Map(rows.map((row) => [row.id, row]))
  const writes = new UserWrites(trx, actor, now, context.audit)
  const results: BulkResult['results'] = []

  for (const { itemId, decision } of decisions) {
    try {
      const item = items.get(itemId)
      if (!item) throw new ProblemError('not_found', { detail: 'No such line within your scope.' })
      if (item.decision !== 'pending') {
        throw new ProblemError('conflict', { detail: `This line was already ${item.decision}.` })
      }
      if (!item.decidable) throw refusal(actor, item)
      if (decision === 'remove') await removeAccess(trx, context, writes, item)
      await trx
        .updateTable('access_review_items')
        .set({
          decision: decision === 'remove' ? 'removed' : 'confirmed',
          decided_by: actor.user.id,
          decided_by_name: displayName(actor.user) || actor.user.email,
          decided_at: now,
        })
        .where('id', '=', item.id)
        .execute()
      item.decision = decision === 'remove' ? 'removed' : 'confirmed'
      results.push({ id: itemId, ok: true })
    } catch (error) {
      if (!(error instanceof ProblemError)) throw error
      results.push({
        id: itemId,
        ok: false,
        error: itemError(error.code, error.problem.detail, error.problem.errors),
      })
    }
  }
  const succeeded = results.filter((r) => r.ok).length
  return { results, succeeded, failed: results.length - succeeded }
}

async function removeAccess(
  trx: Kysely<Database>,
  context: DecideContext,
  writes: UserWrites,
  item: ItemRow,
) {
  const target = (await trx
    .selectFrom('users')
    .selectAll()
    .where('id', '=', item.user_id)
    .executeTakeFirstOrThrow()) as UserRow
  if (item.kind === 'role') {
    // Already disabled since the review started: the decision stands, there is nothing to write.
    if (target.enabled) await applyUserPatch(writes, target, { enabled: false })
    return
  }
  if (!item.group_id) return
  const counts = await unshareMany(trx, {
    orgId: context.actor.org.id,
    userIds: [target.id],
    groups: [item.group_id],
    permission: undefined,
  })
  const removed = counts.get(target.id)?.removed ?? 0
  if (removed === 0) return
  await bumpSharesVersions(trx, [target.id])
  await writeAuditMany(
    trx,
    { actor: context.actor, requestId: context.requestId, now: context.now },
    'shares.bulk_unshared',
    [
      {
        target: { id: target.id, label: displayName(target) || target.email },
        changes: { groupIds: [null, [item.group_id]], permission: [null, null], removed: [0, removed] },
      },
    ],
  )
}
