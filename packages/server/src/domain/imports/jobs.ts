import { randomUUID } from 'node:crypto'
import type { Import, ImportChunkResult, ImportChunkSchema, ImportOptionsSchema } from '@usher/contract'
import type { Kysely } from 'kysely'
import type * as z from 'zod'
import type { Database, ImportRow as ImportJobRow } from '../../db/schema'
import { ProblemError } from '../../http/problem-error'
import { type Actor, isUuid } from '../actor'
import { iso } from '../time'

/**
 * An import's job row: opened with its options and size, fed chunks (see `process-chunk.ts`),
 * finished; its counts and each chunk's stored answer.
 */

export type ImportOptions = z.output<typeof ImportOptionsSchema>
export type ChunkInput = z.output<typeof ImportChunkSchema>
export type ChunkRow = ChunkInput['rows'][number]

/**
 * What `imports.counts` holds: the wire counts, plus, for a dry run, the seats its valid rows
 * would take, so the seat limit is simulated across chunks as a real import would meet it.
 */
export interface StoredCounts {
  created: number
  updated: number
  skipped: number
  failed: number
  valid: number
  dryRunSeats?: number
}

const EMPTY_COUNTS: StoredCounts = { created: 0, updated: 0, skipped: 0, failed: 0, valid: 0 }

const json = <T>(value: unknown): T => (typeof value === 'string' ? JSON.parse(value) : value) as T

export const importOptions = (row: ImportJobRow) => json<ImportOptions>(row.options)
export const storedCounts = (row: ImportJobRow) => ({ ...EMPTY_COUNTS, ...json<StoredCounts>(row.counts) })

export function toImport(row: ImportJobRow): Import {
  const counts = storedCounts(row)
  return {
    id: row.id,
    status: row.status,
    fileName: row.file_name,
    format: row.format,
    options: importOptions(row),
    totalRows: row.total_rows,
    processedRows: row.processed_rows,
    counts: {
      created: counts.created,
      updated: counts.updated,
      skipped: counts.skipped,
      failed: counts.failed,
      valid: counts.valid,
    },
    createdBy: row.created_by,
    createdAt: iso(row.created_at),
    completedAt: row.completed_at ? iso(row.completed_at) : null,
  }
}

export async function insertImport(
  db: Kysely<Database>,
  actor: Actor,
  input: { fileName: string; format: Import['format']; totalRows: number; options: ImportOptions },
  now: Date,
): Promise<ImportJobRow> {
  return db
    .insertInto('imports')
    .values({
      id: randomUUID(),
      org_id: actor.org.id,
      status: 'open',
      file_name: input.fileName,
      format: input.format,
      options: JSON.stringify(input.options),
      total_rows: input.totalRows,
      processed_rows: 0,
      counts: JSON.stringify(EMPTY_COUNTS),
      created_by: actor.user.id,
      created_at: now,
    })
    .returningAll()
    .executeTakeFirstOrThrow()
}

/**
 * The import `id` if the actor may see it, else 404. Organization-wide roles (owner) see every
 * import of the organization; group-scoped ones (admin) only those they started: a report lists
 * addresses and outcomes of people who may be outside their groups. `lock` takes the row lock
 * that serialises the chunks of one import (call it inside the transaction).
 */
export async function findImport(
  db: Kysely<Database>,
  actor: Actor,
  id: string,
  lock = false,
): Promise<ImportJobRow> {
  let row: ImportJobRow | undefined
  if (isUuid(id)) {
    let query = db.selectFrom('imports').selectAll().where('org_id', '=', actor.org.id).where('id', '=', id)
    if (actor.scope !== null) query = query.where('created_by', '=', actor.user.id)
    row = await (lock ? query.forUpdate() : query).executeTakeFirst()
  }
  if (!row) throw new ProblemError('not_found', { detail: 'No such import in your organization.' })
  return row
}

export function assertOpen(row: ImportJobRow) {
  if (row.status !== 'open') {
    throw new ProblemError('import_finished', { detail: `This import is already ${row.status}.` })
  }
}

export function assertRoom(row: ImportJobRow, rows: number) {
  if (row.processed_rows + rows > row.total_rows) {
    throw new ProblemError('import_row_limit', {
      detail: `This import was opened for ${row.total_rows} rows; ${row.processed_rows} are already in and this chunk has ${rows}.`,
    })
  }
}

/** The answer of a chunk index already received, or null. */
export async function storedChunk(
  db: Kysely<Database>,
  importId: string,
  index: number,
): Promise<ImportChunkResult | null> {
  const row = await db
    .selectFrom('import_chunks')
    .select('results')
    .where('import_id', '=', importId)
    .where('idx', '=', index)
    .executeTakeFirst()
  return row ? json<ImportChunkResult>(row.results) : null
}

/** Finishes an open import (completed or cancelled). */
export async function finishImport(
  db: Kysely<Database>,
  row: ImportJobRow,
  status: 'completed' | 'cancelled',
  now: Date,
): Promise<ImportJobRow> {
  assertOpen(row)
  return db
    .updateTable('imports')
    .set({ status, completed_at: now })
    .where('id', '=', row.id)
    .returningAll()
    .executeTakeFirstOrThrow()
}

export function countChanges(row: ImportJobRow): Record<string, [unknown, unknown]> {
  const counts = storedCounts(row)
  return {
    status: ['open', row.status],
    processedRows: [null, row.processed_rows],
    created: [null, counts.created],
    updated: [null, counts.updated],
    skipped: [null, counts.skipped],
    failed: [null, counts.failed],
    valid: [null, counts.valid],
  }
}
