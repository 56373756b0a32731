import type { ErrorCode, FieldError, ImportChunkResult, ImportRowResult, ItemError } from '@usher/contract'
import { type Kysely, sql } from 'kysely'
import type { Database, ImportRow as ImportJobRow } from '../../db/schema'
import { ProblemError } from '../../http/problem-error'
import { openAdmission } from '../admission'
import { lockOrganization } from '../seats'
import { applyCreates, applyUpdates, type ChunkContext } from './apply-chunk'
import { type ChunkInput, importOptions, storedCounts } from './jobs'
import {
  type ChunkWorld,
  given,
  judgeRow,
  type PlannedCreate,
  type PlannedUpdate,
  rowGroupIds,
} from './judge-row'
import type { PreparedChunk } from './prepare-chunk'

export type { ChunkContext } from './apply-chunk'

/** The field a refusal without field errors is about, and the field code it carries there. */
const FIELD_OF_CODE: Partial<Record<ErrorCode, [string, FieldError['code']]>> = {
  email_taken: ['email', 'email_taken'],
  invitation_pending: ['email', 'invitation_pending'],
  forbidden: ['email', 'invalid_value'],
  role_above_own: ['role', 'role_above_own'],
  seat_limit_reached: ['role', 'seat_limit_reached'],
  last_owner: ['role', 'invalid_value'],
  not_found: ['groupId', 'not_found'],
}

/**
 * Every refused or skipped row names its field and a field code, so a client shows the reason on
 * the row's cell in its own language (the report and the file of rows to fix keep the column).
 */
export function onItsField(error: ItemError): ItemError {
  if (error.errors?.length) return error
  const [path, code] = FIELD_OF_CODE[error.code] ?? ['email', 'invalid_value']
  return { ...error, errors: [{ path, code, message: error.message }] }
}

/** 422 for a line number twice in the chunk, or already sent in another chunk: a client bug. */
async function requireNewLines(trx: Kysely<Database>, job: ImportJobRow, rows: ChunkInput['rows']) {
  const errors: FieldError[] = []
  const chunkLines = new Set<number>()
  rows.forEach((r, i) => {
    if (chunkLines.has(r.line)) {
      errors.push({
        path: `rows.${i}.line`,
        code: 'duplicate',
        message: `Line ${r.line} is twice in this chunk.`,
      })
    }
    chunkLines.add(r.line)
  })
  const sentLines = await trx
    .selectFrom('import_rows')
    .select('line')
    .where('import_id', '=', job.id)
    .where(
      'line',
      'in',
      rows.map((r) => r.line),
    )
    .execute()
  const sent = new Set(sentLines.map((l) => l.line))
  rows.forEach((r, i) => {
    if (sent.has(r.line)) {
      errors.push({
        path: `rows.${i}.line`,
        code: 'duplicate',
        message: `Line ${r.line} was already sent in another chunk of this import.`,
      })
    }
  })
  if (errors.length) throw new ProblemError('validation_failed', { errors })
}

/** Everything the chunk's rows are judged against, read once under the chunk's locks. */
async function openChunkWorld(
  trx: Kysely<Database>,
  context: ChunkContext,
  job: ImportJobRow,
  rows: ChunkInput['rows'],
  prepared: PreparedChunk,
): Promise<ChunkWorld> {
  const { actor, now } = context
  const orgId = actor.org.id
  const options = importOptions(job)
  const emails = [...new Set(rows.map((r) => r.email))]
  // Seats: a real chunk locks the organization so two writers cannot both take the last seat.
  if (!options.dryRun) await lockOrganization(trx, orgId)
  const [seenRows, admission] = await Promise.all([
    trx
      .selectFrom('import_rows')
      .select(['email', sql<number>`min(line)`.as('line')])
      .where('import_id', '=', job.id)
      .where('email', 'in', emails)
      .groupBy('email')
      .execute(),
    openAdmission(trx, actor, {
      emails,
      groupIds: rows.flatMap((r) => rowGroupIds(r, options)),
      now,
      extraSeats: options.dryRun ? (storedCounts(job).dryRunSeats ?? 0) : 0,
    }),
  ])
  // Whom a role with powers may go to depends on all their groups (`requireGrantWithinScope`).
  const inScopeIds = [...admission.members.values()].filter((u) => u.in_scope).map((u) => u.id)
  const externalIds = [...new Set(rows.map((r) => r.externalId).filter(given))]
  const [membershipRows, holders] = await Promise.all([
    actor.scope !== null && inScopeIds.length && options.updateExisting
      ? trx
          .selectFrom('user_groups')
          .select(['user_id', 'group_id'])
          .where('user_id', 'in', inScopeIds)
          .execute()
      : [],
    externalIds.length
      ? trx
          .selectFrom('users')
          .select(['id', 'external_id'])
          .where('org_id', '=', orgId)
          .where('external_id', 'in', externalIds)
          .execute()
      : [],
  ])
  const membershipsOf = new Map<string, string[]>()
  for (const m of membershipRows)
    membershipsOf.set(m.user_id, [...(membershipsOf.get(m.user_id) ?? []), m.group_id])
  return {
    trx,
    admission,
    options,
    prepared,
    seen: new Map(seenRows.map((r) => [r.email, Number(r.line)])),
    membershipsOf,
    externalHolder: new Map(holders.map((h) => [h.external_id as string, h.id])),
    owners: null,
  }
}

/**
 * Runs one chunk inside `trx`, which holds the import's row lock. Rows are judged in order
 * (`judgeRow`) against the organization and the lines already seen in this import; every outcome
 * is stored for the report, the chunk's answer for replays.
 */
export async function processChunk(
  trx: Kysely<Database>,
  request: Omit<ChunkContext, 'importId'>,
  job: ImportJobRow,
  chunk: ChunkInput,
  prepared: PreparedChunk,
): Promise<{ result: ImportChunkResult; mailIds: string[] }> {
  // Every event the rows cause names this import (the job, not the caller, says which).
  const context: ChunkContext = { ...request, importId: job.id }
  const { rows } = chunk
  await requireNewLines(trx, job, rows)
  const world = await openChunkWorld(trx, context, job, rows, prepared)
  const seatsBefore = world.admission.seats?.used ?? 0

  const results: ImportRowResult[] = []
  const creates: Array<PlannedCreate & { index: number }> = []
  const updates: PlannedUpdate[] = []
  for (const row of rows) {
    const outcome = await judgeRow(world, row)
    const base = { line: row.line, email: row.email }
    switch (outcome.status) {
      case 'failed':
        results.push({ ...base, status: 'failed', userId: null, error: onItsField(outcome.error) })
        break
      case 'skipped':
        results.push({
          ...base,
          status: 'skipped',
          userId: outcome.userId,
          error: onItsField(outcome.error),
        })
        break
      case 'valid':
        results.push({ ...base, status: 'valid', userId: outcome.userId, error: null })
        break
      case 'updated':
        updates.push(outcome.update)
        results.push({ ...base, status: 'updated', userId: outcome.update.user.id, error: null })
        break
      case 'created':
        creates.push({ ...outcome.create, index: results.length })
        results.push({ ...base, status: 'created', userId: outcome.create.id, error: null })
        break
    }
  }

  let mailIds: string[] = []
  if (!world.options.dryRun) {
    await applyUpdates(trx, context, updates)
    mailIds = await applyCreates(trx, context, world.options, creates, prepared, results)
  }

  const result: ImportChunkResult = { index: chunk.index, results }
  const counts = storedCounts(job)
  for (const r of results) counts[r.status]++
  if (world.options.dryRun) {
    counts.dryRunSeats = (counts.dryRunSeats ?? 0) + ((world.admission.seats?.used ?? 0) - seatsBefore)
  }
  await trx
    .insertInto('import_rows')
    .values(
      results.map((r) => ({
        import_id: job.id,
        line: r.line,
        email: r.email,
        status: r.status,
        user_id: r.userId,
        error: r.error ? JSON.stringify(r.error) : null,
      })),
    )
    .execute()
  await trx
    .insertInto('import_chunks')
    .values({ import_id: job.id, idx: chunk.index, results: JSON.stringify(result), created_at: context.now })
    .execute()
  await trx
    .updateTable('imports')
    .set({ processed_rows: job.processed_rows + rows.length, counts: JSON.stringify(counts) })
    .where('id', '=', job.id)
    .execute()
  return { result, mailIds }
}
