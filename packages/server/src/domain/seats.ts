import type { SeatUsage } from '@usher/contract'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema'

/**
 * Seats in use: the people the catalog's `holdsSeat` says hold one, counted in SQL. `seatRoles`
 * is the catalog's (`roles.seatRoles`); the condition below is the contract's `holdsSeat` on the
 * row's columns: status invited or active ⇔ enabled and (activated, or an invitation that has not
 * lapsed), as `userStatus` reads them. A lapsed invitation or a disabled account frees its seat.
 */
export async function seatsUsed(
  db: Kysely<Database>,
  orgId: string,
  seatRoles: readonly string[],
  now: Date,
): Promise<number> {
  if (seatRoles.length === 0) return 0
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', orgId)
    .where('role', 'in', [...seatRoles])
    .where('enabled', '=', true)
    .where((eb) => eb.or([eb('activated_at', 'is not', null), eb('invitation_expires_at', '>', now)]))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function seatUsage(
  db: Kysely<Database>,
  orgId: string,
  seatRoles: readonly string[],
  seats: number | null,
  now: Date,
): Promise<SeatUsage> {
  return { used: await seatsUsed(db, orgId, seatRoles, now), allowed: seats }
}

/**
 * Locks the organization's row until the transaction ends. Every write that may take a seat (or
 * must see a consistent owner count) takes it first, so two concurrent requests cannot both take
 * the last seat.
 */
export async function lockOrganization(trx: Kysely<Database>, orgId: string) {
  await sql`select 1 from organizations where id = ${orgId} for update`.execute(trx)
}
