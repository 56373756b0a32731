import {
  type CreateImportSchema,
  type ErrorCode,
  type FieldErrorCode,
  type Import,
  type ImportChunkSchema,
  type ImportRowResult,
  isRefusedMailbox,
  itemError,
  SHARED_MAILBOX_MESSAGE,
  type User,
} from '@usher/contract'
import type * as z from 'zod'
import { MockApiError } from './errors'
import { invitationExpiry } from './invitation-writes'
import type { MockDb } from './mock-db'

/** One import job, its rows' results, and each chunk's answer (a retried chunk gets it again). */
export interface MockImport {
  job: Import
  results: ImportRowResult[]
  chunks: Map<number, ImportRowResult[]>
}

type ImportRow = z.output<typeof ImportChunkSchema>['rows'][number]

/** POST /imports. */
export function createImport(db: MockDb, viewer: User, input: z.output<typeof CreateImportSchema>): Import {
  db.requirePermission(viewer, 'imports:run')
  const job: Import = {
    id: crypto.randomUUID(),
    status: 'open',
    fileName: input.fileName,
    format: input.format,
    options: input.options,
    totalRows: input.totalRows,
    processedRows: 0,
    counts: { created: 0, updated: 0, skipped: 0, failed: 0, valid: 0 },
    createdBy: viewer.id,
    createdAt: db.now.toISOString(),
    completedAt: null,
  }
  db.imports.set(job.id, { job, results: [], chunks: new Map() })
  return job
}

/** The import `importId`; with `open`, only while rows may still be added to it. */
export function importOf(db: MockDb, viewer: User, importId: string, { open = false } = {}): MockImport {
  db.requirePermission(viewer, 'imports:run')
  const found = db.imports.get(importId)
  if (!found) throw new MockApiError('not_found')
  if (open && found.job.status !== 'open') throw new MockApiError('import_finished')
  return found
}

/** Why a row cannot be imported, in the server's order; null when it can. */
function refusalOf(db: MockDb, viewer: User, current: MockImport, row: ImportRow): ErrorCode | null {
  if (isRefusedMailbox(row.email, db.organization().settings.refusedMailboxes))
    return 'shared_mailbox_refused'
  const role = row.role ?? current.job.options.defaultRole
  if (!db.roles.has(role)) return 'validation_failed'
  if (!db.roles.canAssign(viewer.role, role)) return 'role_above_own'
  return null
}

/** One row: created (invited), updated, skipped (already there) or refused, as the server decides. */
function importRow(
  db: MockDb,
  viewer: User,
  current: MockImport,
  row: ImportRow,
  failAnyway: boolean,
): ImportRowResult {
  const { options } = current.job
  const base = { line: row.line, email: row.email }
  // As the server answers: every refusal names its field (the dialog shows it on the row).
  const onField = (code: ErrorCode) => {
    const message = code === 'shared_mailbox_refused' ? SHARED_MAILBOX_MESSAGE : code
    const path =
      code === 'validation_failed' || code === 'role_above_own' || code === 'seat_limit_reached'
        ? 'role'
        : 'email'
    const fieldCode =
      code === 'validation_failed' || code === 'forbidden' || code === 'internal_error'
        ? 'invalid_value'
        : code
    return itemError(code, message, [{ path, code: fieldCode as FieldErrorCode, message }])
  }
  const failed = (code: ErrorCode): ImportRowResult => ({
    ...base,
    status: 'failed',
    userId: null,
    error: onField(code),
  })
  if (failAnyway) return failed('internal_error')
  const refused = refusalOf(db, viewer, current, row)
  if (refused) return failed(refused)
  const role = row.role ?? options.defaultRole
  const existing = db.users.find((u) => u.email === row.email)
  if (options.dryRun) return { ...base, status: 'valid', userId: existing?.id ?? null, error: null }
  if (existing) {
    if (!options.updateExisting) {
      return { ...base, status: 'skipped', userId: existing.id, error: onField('email_taken') }
    }
    if (existing.id === viewer.id) {
      return { ...base, status: 'skipped', userId: existing.id, error: onField('forbidden') }
    }
    if (!db.roles.canManage(viewer.role, existing.role)) {
      return { ...base, status: 'skipped', userId: existing.id, error: onField('role_above_own') }
    }
    db.replaceUser({
      ...existing,
      firstName: row.firstName,
      lastName: row.lastName || existing.lastName,
      version: existing.version + 1,
    })
    return { ...base, status: 'updated', userId: existing.id, error: null }
  }
  // A disabled row holds no seat (the catalog's rule), and is created disabled.
  const status = row.enabled === false ? 'disabled' : 'invited'
  if (
    db.roles.holdsSeat({ role, status }) &&
    db.seatsAllowed !== null &&
    db.seatsUsed() + 1 > db.seatsAllowed
  ) {
    return failed('seat_limit_reached')
  }
  const template = db.users.find((u) => u.status === 'invited') ?? (db.users[0] as User)
  const named = [...new Set([...(row.groupId ? [row.groupId] : []), ...(row.groupIds ?? [])])]
  const groupIds = named.length ? named : options.targetGroupId ? [options.targetGroupId] : []
  const userId = crypto.randomUUID()
  db.users = [
    ...db.users,
    {
      ...template,
      id: userId,
      email: row.email,
      firstName: row.firstName,
      lastName: row.lastName,
      role,
      status,
      invitationId: crypto.randomUUID(),
      invitationExpiresAt: invitationExpiry(db),
      groupIds,
      source: 'import',
      version: 1,
    },
  ]
  return { ...base, status: 'created', userId, error: null }
}

/** POST /imports/:id/chunks; `faults.importChunks: 'rows'` fails every other row. */
export function addImportChunk(
  db: MockDb,
  viewer: User,
  importId: string,
  chunk: z.output<typeof ImportChunkSchema>,
): { index: number; results: ImportRowResult[] } {
  const current = importOf(db, viewer, importId, { open: true })
  const replay = current.chunks.get(chunk.index)
  if (replay) return { index: chunk.index, results: replay }
  const rowFaults = db.scenario.faults?.importChunks === 'rows'
  const results = chunk.rows.map((row, i) =>
    importRow(db, viewer, current, row, rowFaults && (current.results.length + i) % 2 === 1),
  )
  current.chunks.set(chunk.index, results)
  current.results.push(...results)
  for (const result of results) current.job.counts[result.status]++
  current.job.processedRows = current.results.length
  return { index: chunk.index, results }
}

/** POST /imports/:id/complete. */
export function completeImport(db: MockDb, viewer: User, importId: string): Import {
  const current = importOf(db, viewer, importId, { open: true })
  current.job = { ...current.job, status: 'completed', completedAt: db.now.toISOString() }
  return current.job
}

/** DELETE /imports/:id: what was imported stays; the rest is not. */
export function cancelImport(db: MockDb, viewer: User, importId: string): Import {
  const current = importOf(db, viewer, importId, { open: true })
  current.job = { ...current.job, status: 'cancelled', completedAt: db.now.toISOString() }
  return current.job
}

/** GET /imports/:id/rows: the rows' results, optionally of one status. */
export function importReport(
  db: MockDb,
  viewer: User,
  importId: string,
  status?: ImportRowResult['status'],
): ImportRowResult[] {
  return importOf(db, viewer, importId).results.filter((r) => !status || r.status === status)
}
