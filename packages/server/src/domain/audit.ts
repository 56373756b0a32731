import { randomUUID } from 'node:crypto'
import type { AuditAction, AuditEvent } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { AuditEventRow, Database } from '../db/schema'
import type { Actor } from './actor'
import { iso } from './time'

export interface AuditInput {
  action: AuditAction
  target: { type: AuditEvent['target']['type']; id: string; label: string }
  /** `{ field: [before, after] }`; never a secret. */
  changes?: Record<string, [unknown, unknown]> | null
  /** For events without a signed-in actor (accepting an invitation, a password reset). */
  orgId?: string
  actorOverride?: { id: string; name: string; email: string } | null
}

export const displayName = (user: { first_name: string; last_name: string }) =>
  `${user.first_name} ${user.last_name}`.trim()

/** Who writes the events of a request: its actor (null outside one), its id, its "now". */
export interface AuditContext {
  actor: Actor | null
  requestId: string | null
  now: Date
  /**
   * The import whose rows the events come from: the log then names its file beside the person who
   * ran it. Unset for everything done by hand.
   */
  importId?: string
}

/** The audit_events row of an event: the one place its columns are filled in. */
export function auditRow(context: AuditContext, event: AuditInput) {
  const actor =
    event.actorOverride !== undefined
      ? event.actorOverride
      : context.actor
        ? {
            id: context.actor.user.id,
            name: displayName(context.actor.user),
            email: context.actor.user.email,
          }
        : null
  const orgId = event.orgId ?? context.actor?.org.id
  if (!orgId) throw new Error('An audit event needs an organization.')
  return {
    id: randomUUID(),
    org_id: orgId,
    at: context.now,
    action: event.action,
    actor_id: actor?.id ?? null,
    actor_name: actor?.name ?? null,
    actor_email: actor?.email ?? null,
    target_type: event.target.type,
    target_id: event.target.id,
    target_label: event.target.label,
    changes: event.changes ? JSON.stringify(event.changes) : null,
    request_id: context.requestId,
    import_id: context.importId ?? null,
  }
}

/** Writes events in multi-row inserts (a batch of a thousand people is a thousand events). */
export async function writeAudits(
  db: Kysely<Database>,
  context: AuditContext,
  events: readonly AuditInput[],
): Promise<void> {
  const rows = events.map((event) => auditRow(context, event))
  for (let i = 0; i < rows.length; i += 1000) {
    await db
      .insertInto('audit_events')
      .values(rows.slice(i, i + 1000))
      .execute()
  }
}

export async function writeAudit(
  db: Kysely<Database>,
  context: AuditContext,
  event: AuditInput,
): Promise<void> {
  await writeAudits(db, context, [event])
}

export function toAuditEvent(row: AuditEventRow): AuditEvent {
  return {
    id: row.id,
    at: iso(row.at),
    action: row.action as AuditAction,
    actor: row.actor_id
      ? { id: row.actor_id, name: row.actor_name ?? '', email: row.actor_email ?? '' }
      : null,
    target: {
      type: row.target_type as AuditEvent['target']['type'],
      id: row.target_id,
      label: row.target_label,
    },
    changes: (row.changes as AuditEvent['changes']) ?? null,
    requestId: row.request_id,
  }
}
