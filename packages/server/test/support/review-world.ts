import { randomUUID } from 'node:crypto'
import type { MatrixWorld, Person, Side, Targets } from './matrix-world'

/**
 * A fresh open access review of organization A holding one line: the role of the cell's
 * `tech(side)`. Any review left open by an earlier cell is closed first (one open at a time).
 */
export async function reviewWithTech(
  w: MatrixWorld,
  x: Targets,
  side: Side,
): Promise<{ reviewId: string; itemId: string; person: Person }> {
  const person = await x.tech(side)
  const now = w.t.clock.now()
  await closeOpenReviews(w)
  const reviewId = randomUUID()
  const itemId = randomUUID()
  await w.db
    .insertInto('access_reviews')
    .values({ id: reviewId, org_id: w.orgA.id, status: 'open', started_by: null, started_at: now })
    .execute()
  await w.db
    .insertInto('access_review_items')
    .values({
      id: itemId,
      review_id: reviewId,
      org_id: w.orgA.id,
      user_id: person.id,
      kind: 'role',
      role: 'technician',
      user_name: `${person.firstName} ${person.lastName}`,
      user_email: person.email,
      sort_name: `${person.firstName} ${person.lastName}`.toLowerCase(),
      decision: 'pending',
    })
    .execute()
  return { reviewId, itemId, person }
}

/** Closes the open reviews of both organizations, so the next start may open one. */
export async function closeOpenReviews(w: MatrixWorld): Promise<void> {
  await w.db
    .updateTable('access_reviews')
    .set({ status: 'closed', closed_at: w.t.clock.now() })
    .where('org_id', 'in', [w.orgA.id, w.orgB.id])
    .where('status', '=', 'open')
    .execute()
}
