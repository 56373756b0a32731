import { type Kysely, sql } from 'kysely'
import type { Database } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import type { Actor } from './actor'
import type { AuditInput } from './audit'
import { lockOrganization, seatsUsed } from './seats'

/**
 * The writes of one request on users (one PATCH, one DELETE, or every item of a bulk action), in
 * one transaction. It takes the organization's lock once and keeps the seat and owner counts up to
 * date as items change them, so a bulk action of 500 items counts once, not 500 times.
 *
 * Checks never change a count: `requireSeat` and `requireOwnerLeft` throw or pass, and `record`
 * applies what an item changed once all its checks passed, so a refused item leaves the counts as
 * they were.
 */
export class UserWrites {
  readonly #trx: Kysely<Database>
  readonly actor: Actor
  readonly now: Date
  readonly #audit: (trx: Kysely<Database>, event: AuditInput) => Promise<void>
  #locked = false
  #seats: number | undefined
  #owners: number | undefined

  constructor(
    trx: Kysely<Database>,
    actor: Actor,
    now: Date,
    audit: (trx: Kysely<Database>, event: AuditInput) => Promise<void>,
  ) {
    this.#trx = trx
    this.actor = actor
    this.now = now
    this.#audit = audit
  }

  get trx() {
    return this.#trx
  }

  audit(event: AuditInput) {
    return this.#audit(this.#trx, event)
  }

  async #lock() {
    if (this.#locked) return
    await lockOrganization(this.#trx, this.actor.org.id)
    this.#locked = true
  }

  /** 409 seat_limit_reached when one more seat-holder would exceed the plan. */
  async requireSeat(detail?: string) {
    const allowed = this.actor.settings.seats
    if (allowed === null) return
    await this.#lock()
    this.#seats ??= await seatsUsed(this.#trx, this.actor.org.id, this.actor.roles.seatRoles, this.now)
    if (this.#seats + 1 > allowed) {
      throw new ProblemError('seat_limit_reached', {
        detail: detail ?? `All ${allowed} seats of the plan are taken.`,
      })
    }
  }

  /** 409 last_owner when taking away one enabled owner would leave none. */
  async requireOwnerLeft() {
    await this.#lock()
    this.#owners ??= await countEnabledOwners(this.#trx, this.actor.org.id)
    if (this.#owners <= 1) throw lastOwner()
  }

  /** Applies an item's effect on the counts, once it is written. */
  record(effect: { seats?: number; owners?: number }) {
    if (effect.seats && this.#seats !== undefined) this.#seats += effect.seats
    if (effect.owners && this.#owners !== undefined) this.#owners += effect.owners
  }
}

export { isEnabledOwner } from '@usher/contract'

/** The enabled owners of the organization: a disabled owner cannot keep it running. */
export async function countEnabledOwners(db: Kysely<Database>, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('users')
    .select(sql<number>`count(*)::int`.as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .where('enabled', '=', true)
    .executeTakeFirstOrThrow()
  return Number(row.n)
}

const lastOwner = () =>
  new ProblemError('last_owner', { detail: 'The organization must keep at least one enabled owner.' })

/** 412 for a write based on an older read of the user. */
export const versionMismatch = () =>
  new ProblemError('version_mismatch', { detail: 'This user changed since you read them; reload and retry.' })
