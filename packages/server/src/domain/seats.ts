import { ROLE_DEFINITIONS, type SeatUsage } from '@usher/contract'
import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema'

/** Roles whose holders take one of the plan's seats (seed 002's operators). */
export const SEAT_ROLES = Object.entries(ROLE_DEFINITIONS)
  .filter(([, definition]) => definition.takesSeat)
  .map(([key]) => key)

export const takesSeat = (role: string) => SEAT_ROLES.includes(role)

/**
 * Seats in use: seat-taking accounts that are active or invited with a live invitation (see
 * `holdsSeat`): a lapsed invitation or a disabled account frees its seat.
 */
export async function seatsUsed(db: Kysely<Database>, orgId: string, now: Date): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', orgId)
    .where('role', 'in', SEAT_ROLES)
    .where('enabled', '=', true)
    .where((eb) => eb.or([eb('activated_at', 'is not', null), eb('invitation_expires_at', '>', now)]))
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

export async function seatUsage(
  db: Kysely<Database>,
  orgId: string,
  seats: number | null,
  now: Date,
): Promise<SeatUsage> {
  return { used: await seatsUsed(db, orgId, now), allowed: seats }
}

/**
 * Locks the organization's row until the transaction ends. Every write that may take a seat (or
 * must see a consistent owner count) takes it first, so two concurrent requests cannot both take
 * the last seat.
 */
export async function lockOrganization(trx: Kysely<Database>, orgId: string) {
  await sql`select 1 from organizations where id = ${orgId} for update`.execute(trx)
}
