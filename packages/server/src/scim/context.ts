import type { Kysely } from 'kysely'
import type { Services } from '../app/services'
import type { Database } from '../db/schema'
import { type AuditInput, writeAudits } from '../domain/audit'
import type { DirectoryCaller } from './directory-actor'

/** One SCIM request's transaction and who makes it. */
export interface ScimContext {
  trx: Kysely<Database>
  services: Services
  caller: DirectoryCaller
  now: Date
  requestId: string
  /** Outbox messages to deliver once the transaction committed. */
  outboxIds: string[]
}

/** Audit events as the directory (the token's name in the actor's name). */
export const auditAs = (ctx: ScimContext, events: readonly AuditInput[]) =>
  writeAudits(ctx.trx, { actor: ctx.caller.actor, requestId: ctx.requestId, now: ctx.now }, events)
