import { CSV_CONTENT_TYPE, type User } from '@usher/contract'
import type { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { UsherEnv } from '../app/env'
import type { Database } from '../db/schema'
import { type Actor, isUuid } from '../domain/actor'
import { usersInScope } from '../domain/scope'
import { csvLines, type ExportLayout, exportFileName, exportLayout } from '../domain/user-export'
import { type ListUsersQuery, listUsers } from '../domain/user-list'
import { toUsers } from '../domain/users'
import { ProblemError } from '../http/problem-error'
import { route } from '../http/route'

/**
 * People per database read. Each batch is one keyset page of the list (an index range scan), turned
 * into CSV and handed to the response before the next is read: memory holds one batch, whatever
 * the size of the organization.
 */
const BATCH = 500

const BOM = '\uFEFF'

export function registerUserExportRoutes(app: Hono<UsherEnv>) {
  route(app, 'exportUsers', async ({ db, actor, query, now, services }) => {
    const locale = query.locale ?? (actor.user.locale === 'fr' ? 'fr' : 'en')
    const layout = exportLayout(query.columns, services.exportColumns, locale, actor.roles)
    if ('unknown' in layout) {
      throw new ProblemError('validation_failed', {
        errors: layout.unknown.map((key) => ({
          path: 'query.columns',
          code: 'invalid_value',
          message: `No column "${key}"; the columns are ${layout.known.join(', ')}.`,
        })),
      })
    }
    const { id: ids, columns: _columns, delimiter, locale: _locale, ...search } = query
    const batches = ids ? selectedBatches(db, actor, ids, now) : searchBatches(db, actor, search, now)
    // The first batch is read before answering: a bad group or cursor is still a clean 4xx.
    const first = await batches.next()
    const body = csvStream(layout, delimiter, first, batches)
    const fileName = exportFileName(actor.org.name, now, locale)
    return new Response(body, {
      status: 200,
      headers: {
        'Content-Type': CSV_CONTENT_TYPE,
        'Content-Disposition': `attachment; filename="${fileName}"; filename*=UTF-8''${encodeURIComponent(fileName)}`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      },
    })
  })
}

type Batches = AsyncGenerator<User[], void, void>

/** The list's pages, one after the other, as the table would read them. */
async function* searchBatches(
  db: Kysely<Database>,
  actor: Actor,
  search: Omit<ListUsersQuery, 'limit' | 'cursor'>,
  now: Date,
): Batches {
  let cursor: string | undefined
  do {
    const page = await listUsers(db, actor, { ...search, limit: BATCH, cursor }, now)
    yield page.items
    cursor = page.nextCursor ?? undefined
  } while (cursor)
}

/** The selected people the actor may see, by name; an id outside the scope is left out. */
async function* selectedBatches(db: Kysely<Database>, actor: Actor, ids: string[], now: Date): Batches {
  const valid = ids.filter(isUuid)
  if (valid.length === 0) return yield []
  const rows = await db
    .selectFrom('users as u')
    .selectAll('u')
    .where('u.org_id', '=', actor.org.id)
    .where('u.id', 'in', valid)
    .where(usersInScope(actor))
    .orderBy('u.sort_name')
    .orderBy('u.id')
    .execute()
  yield await toUsers(db, rows, now, actor)
}

/** The header line with its byte-order mark (Excel reads UTF-8 only with it), then each batch. */
function csvStream(
  layout: ExportLayout,
  delimiter: ',' | ';',
  first: IteratorResult<User[], void>,
  batches: Batches,
): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder()
  let pending: IteratorResult<User[], void> | null = first
  let started = false
  return new ReadableStream<Uint8Array>({
    // Pull-driven: the next batch is read only when the client has taken the previous one.
    async pull(controller) {
      if (!started) {
        started = true
        controller.enqueue(encoder.encode(BOM + csvLines([layout.headers], delimiter)))
        return
      }
      // An empty batch enqueues nothing, and a pull that enqueues nothing is not called again.
      for (;;) {
        const next = pending ?? (await batches.next())
        pending = null
        if (next.done) {
          controller.close()
          return
        }
        const text = csvLines(await layout.cells(next.value), delimiter)
        if (text) {
          controller.enqueue(encoder.encode(text))
          return
        }
      }
    },
    async cancel() {
      await batches.return()
    },
  })
}
