import type { AuditEvent } from '@usher/contract'
import type { Hono } from 'hono'
import { type Expression, type SqlBool, sql } from 'kysely'
import type { UsherEnv } from '../app/env'
import type { AuditEventRow } from '../db/schema'
import { type Actor, isUuid } from '../domain/actor'
import { toAuditEvent } from '../domain/audit'
import { decodeCursor, encodeCursor, pageFrom } from '../domain/cursor'
import { usersInScope } from '../domain/scope'
import { iso } from '../domain/time'
import { route } from '../http/route'

/**
 * Which events a group-scoped actor (admin) reads, as a condition on `audit_events as e`: their
 * own actions; events about a user, an invitation or a group within their scope; and imports or
 * organization events done by someone within their scope. An in-scope actor's action on a person
 * outside the scope stays hidden: its label would name that person. Events about people since
 * deleted are only visible to organization-wide roles (nothing tells whose scope they were in).
 */
function eventsInScope(actor: Actor): Expression<SqlBool> {
  const groups = [...(actor.scope ?? [])]
  const orgId = actor.org.id
  // target_id is text; cast it only for the types whose ids are UUIDs (CASE evaluates lazily).
  return sql<SqlBool>`(
    e.actor_id = ${actor.user.id}
    or exists (
      select 1 from users u
      where u.org_id = ${orgId}
        and u.id = (case when e.target_type = 'user' then e.target_id::uuid end)
        and ${usersInScope(actor)})
    or exists (
      select 1 from invitations i join users u on u.id = i.user_id
      where i.org_id = ${orgId}
        and i.id = (case when e.target_type = 'invitation' then e.target_id::uuid end)
        and ${usersInScope(actor)})
    or (e.target_type = 'group' and e.target_id = any(${sql.val(groups)}::text[]))
    or (e.target_type in ('import', 'organization') and exists (
      select 1 from users u
      where u.org_id = ${orgId} and u.id = e.actor_id and ${usersInScope(actor)}))
  )`
}

type ListedRow = AuditEventRow & {
  via_purpose: string | null
  via_name: string | null
  import_file_name: string | null
}

/**
 * The event, with what acted for its actor: one of the organization's tokens (the directory, the
 * mail pipeline), or an import, which keeps the person who ran it as the actor and adds its file.
 */
function withVia(row: ListedRow): AuditEvent {
  const event = toAuditEvent(row)
  if (!event.actor) return event
  if (row.via_purpose !== null) {
    const kind = row.via_purpose === 'scim' ? 'directory' : 'mail'
    return { ...event, actor: { ...event.actor, via: { kind, name: row.via_name ?? '' } } }
  }
  if (row.import_id !== null && row.import_file_name !== null) {
    return { ...event, actor: { ...event.actor, via: { kind: 'import', name: row.import_file_name } } }
  }
  return event
}

export function registerAuditRoutes(app: Hono<UsherEnv>) {
  route(app, 'listAudit', async ({ db, actor, query }) => {
    const after = decodeCursor('audit', query.cursor, ['timestamp', 'uuid'])
    // actor_id is a uuid column: an id that is none names nobody.
    if (query.actorId !== undefined && !isUuid(query.actorId)) return { items: [], nextCursor: null }

    // A token's events name the machine that used it (the directory, the mail pipeline); an
    // import's, its file. Both joins are on a primary key: the keyset order stays on audit_org_at.
    let q = db
      .selectFrom('audit_events as e')
      .leftJoin('directory_tokens as dt', 'dt.id', 'e.actor_id')
      .leftJoin('imports as im', 'im.id', 'e.import_id')
      .selectAll('e')
      .select(['dt.purpose as via_purpose', 'dt.name as via_name', 'im.file_name as import_file_name'])
      .where('e.org_id', '=', actor.org.id)
    if (query.action) q = q.where('e.action', '=', query.action)
    if (query.actorId) q = q.where('e.actor_id', '=', query.actorId)
    if (query.targetId) q = q.where('e.target_id', '=', query.targetId)
    if (query.from) q = q.where('e.at', '>=', new Date(query.from))
    if (query.to) q = q.where('e.at', '<', new Date(query.to))
    if (after) q = q.where(sql<SqlBool>`(e.at, e.id) < (${after[0]}::timestamptz, ${after[1]}::uuid)`)
    if (actor.scope !== null) q = q.where(eventsInScope(actor))
    const rows = await q
      .orderBy('e.at', 'desc')
      .orderBy('e.id', 'desc')
      .limit(query.limit + 1)
      .execute()
    return pageFrom(rows, query.limit, withVia, (r) => encodeCursor('audit', [iso(r.at), r.id]))
  })
}
