import { randomUUID } from 'node:crypto'
import {
  canAssignRole,
  type ErrorCode,
  type FieldError,
  type Import,
  type ImportChunkResult,
  type ImportChunkSchema,
  type ImportOptionsSchema,
  type ImportRowResult,
  isBuiltInRole,
  isRefusedMailbox,
  itemError,
} from '@usher/contract'
import { type Kysely, sql } from 'kysely'
import type * as z from 'zod'
import type { Services } from '../app/services'
import { hashPassword, type PasswordProblem, passwordFieldErrors, passwordProblems } from '../auth/passwords'
import type { Database, ImportRow as ImportJobRow, NewUserRow, UserRow } from '../db/schema'
import { ProblemError } from '../http/problem-error'
import { type Actor, isUuid } from './actor'
import { displayName } from './audit'
import { enqueueMailRows } from './import-mail'
import { groupInScope, usersInScope } from './scope'
import { searchColumns } from './search'
import { lockOrganization, seatsUsed, takesSeat } from './seats'
import { addDays, iso } from './time'
import { newLinkToken } from './tokens'
import { countEnabledOwners, requireGrantWithinScope, requireOutranks } from './user-updates'

export type ImportOptions = z.output<typeof ImportOptionsSchema>
export type ChunkInput = z.output<typeof ImportChunkSchema>
type ChunkRow = ChunkInput['rows'][number]
type Status = ImportRowResult['status']

/**
 * What `imports.counts` holds: the wire counts, plus, for a dry run, the seats its valid rows
 * would take, so the seat limit is simulated across chunks as a real import would meet it.
 */
interface StoredCounts {
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
const storedCounts = (row: ImportJobRow) => ({ ...EMPTY_COUNTS, ...json<StoredCounts>(row.counts) })

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
  input: { fileName: string; format: 'csv' | 'json'; totalRows: number; options: ImportOptions },
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

// ---------------------------------------------------------------------------------------------
// Chunks

/** Password checks and hashes done before the chunk's transaction opens (argon2id is slow). */
export interface PreparedChunk {
  problems: Map<number, PasswordProblem[]>
  hashes: Map<number, string>
}

/** How many hashes run at once: libuv's default thread pool has four threads. */
const HASH_CONCURRENCY = 4

async function mapLimit<T, R>(items: readonly T[], limit: number, fn: (item: T) => Promise<R>) {
  const out: R[] = new Array(items.length)
  let next = 0
  const worker = async () => {
    while (next < items.length) {
      const i = next++
      out[i] = await fn(items[i] as T)
    }
  }
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker))
  return out
}

const passwordContext = (row: ChunkRow) => ({
  email: row.email,
  names: [row.firstName, row.lastName].filter(Boolean),
})

/**
 * Checks the chunk's passwords against the policy and hashes those likely to create an account
 * (not an address already taken), outside any transaction so the chunk's lock is held briefly.
 * A row this guess misses is hashed inside the transaction; a hash wasted costs only time.
 */
export async function prepareChunk(
  db: Kysely<Database>,
  actor: Actor,
  options: ImportOptions,
  rows: readonly ChunkRow[],
): Promise<PreparedChunk> {
  const problems = new Map<number, PasswordProblem[]>()
  const hashes = new Map<number, string>()
  const withPassword = rows.filter((r) => r.password !== undefined)
  if (withPassword.length === 0) return { problems, hashes }
  const policy = actor.settings.passwordPolicy
  for (const row of withPassword) {
    problems.set(row.line, passwordProblems(row.password as string, policy, passwordContext(row)))
  }
  if (options.dryRun) return { problems, hashes }
  const taken = await db
    .selectFrom('users')
    .select('email')
    .where('org_id', '=', actor.org.id)
    .where('email', 'in', [...new Set(withPassword.map((r) => r.email))])
    .execute()
  const takenEmails = new Set(taken.map((t) => t.email))
  const seen = new Set<string>()
  const toHash = withPassword.filter((row) => {
    const fresh = !seen.has(row.email) && !takenEmails.has(row.email)
    seen.add(row.email)
    return (
      fresh &&
      problems.get(row.line)?.length === 0 &&
      !isRefusedMailbox(row.email, actor.settings.refusedMailboxes)
    )
  })
  const hashed = await mapLimit(toHash, HASH_CONCURRENCY, (row) => hashPassword(row.password as string))
  toHash.forEach((row, i) => {
    hashes.set(row.line, hashed[i] as string)
  })
  return { problems, hashes }
}

export interface ChunkContext {
  actor: Actor
  services: Services
  now: Date
  requestId: string
}

interface Existing extends UserRow {
  in_scope: boolean
}

interface PlannedCreate {
  index: number
  row: ChunkRow
  id: string
  role: string
  groupId: string | null
}

interface PlannedUpdate {
  index: number
  user: Existing
  patch: Record<string, unknown>
  changes: Record<string, [unknown, unknown]>
  roleChange: [string, string] | null
  groupId: string | null
}

/** Fields an import may update on an existing person: names and profile, never secrets. */
const PROFILE_FIELDS = [
  ['salutation', 'salutation'],
  ['firstName', 'first_name'],
  ['lastName', 'last_name'],
  ['nickname', 'nickname'],
  ['phone', 'phone'],
  ['mobile', 'mobile'],
  ['jobTitle', 'job_title'],
  ['department', 'department'],
  ['description', 'description'],
  ['externalId', 'external_id'],
] as const

/** A spreadsheet's empty cell says nothing: it neither sets nor clears. */
const given = (value: unknown): value is string =>
  typeof value === 'string' ? value.trim() !== '' : value !== null && value !== undefined
const orNull = (value: string | null | undefined) => (given(value) ? value : null)

const holdsSeat = (user: UserRow, now: Date) =>
  user.enabled &&
  (user.activated_at !== null ||
    (user.invitation_expires_at !== null && new Date(user.invitation_expires_at) > now))

const isKnownRole = (role: string) => isBuiltInRole(role)

/**
 * Runs one chunk inside `trx`, which holds the import's row lock. Rows are judged in order
 * against the organization (existing people, groups, seats) and against the lines already seen
 * in this import; every outcome is stored for the report, the chunk's answer for replays.
 */
export async function processChunk(
  trx: Kysely<Database>,
  context: ChunkContext,
  job: ImportJobRow,
  chunk: ChunkInput,
  prepared: PreparedChunk,
): Promise<{ result: ImportChunkResult; mailIds: string[] }> {
  const { actor, now } = context
  const orgId = actor.org.id
  const settings = actor.settings
  const options = importOptions(job)
  const { rows } = chunk
  const dryRun = options.dryRun

  // Each line is reported once: a line number sent twice under two chunk indexes is a client bug.
  const lines = rows.map((r) => r.line)
  const lineErrors: FieldError[] = []
  const chunkLines = new Set<number>()
  rows.forEach((r, i) => {
    if (chunkLines.has(r.line)) {
      lineErrors.push({
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
    .where('line', 'in', lines)
    .execute()
  const sent = new Set(sentLines.map((l) => l.line))
  rows.forEach((r, i) => {
    if (sent.has(r.line)) {
      lineErrors.push({
        path: `rows.${i}.line`,
        code: 'duplicate',
        message: `Line ${r.line} was already sent in another chunk of this import.`,
      })
    }
  })
  if (lineErrors.length) throw new ProblemError('validation_failed', { errors: lineErrors })

  const emails = [...new Set(rows.map((r) => r.email))]
  const seenRows = await trx
    .selectFrom('import_rows')
    .select(['email', sql<number>`min(line)`.as('line')])
    .where('import_id', '=', job.id)
    .where('email', 'in', emails)
    .groupBy('email')
    .execute()
  const seen = new Map(seenRows.map((r) => [r.email, Number(r.line)]))

  const existingRows = (await trx
    .selectFrom('users as u')
    .selectAll('u')
    .select(sql<boolean>`${usersInScope(actor)}`.as('in_scope'))
    .where('u.org_id', '=', orgId)
    .where('u.email', 'in', emails)
    .execute()) as Existing[]
  const existing = new Map(existingRows.map((u) => [u.email, u]))
  // Whom a role with powers may go to depends on all their groups (`requireGrantWithinScope`).
  const inScopeIds = existingRows.filter((u) => u.in_scope).map((u) => u.id)
  const membershipRows =
    actor.scope !== null && inScopeIds.length && options.updateExisting
      ? await trx
          .selectFrom('user_groups')
          .select(['user_id', 'group_id'])
          .where('user_id', 'in', inScopeIds)
          .execute()
      : []
  const membershipsOf = new Map<string, string[]>()
  for (const m of membershipRows)
    membershipsOf.set(m.user_id, [...(membershipsOf.get(m.user_id) ?? []), m.group_id])

  const groupIds = [
    ...new Set(rows.map((r) => r.groupId ?? options.targetGroupId).filter((g): g is string => !!g)),
  ].filter(isUuid)
  const groups = groupIds.length
    ? await trx
        .selectFrom('groups')
        .select('id')
        .where('org_id', '=', orgId)
        .where('id', 'in', groupIds)
        .execute()
    : []
  const knownGroups = new Set(groups.map((g) => g.id))

  const externalIds = [...new Set(rows.map((r) => r.externalId).filter(given))]
  const holders = externalIds.length
    ? await trx
        .selectFrom('users')
        .select(['id', 'external_id'])
        .where('org_id', '=', orgId)
        .where('external_id', 'in', externalIds)
        .execute()
    : []
  const externalHolder = new Map(holders.map((h) => [h.external_id as string, h.id]))

  // Seats: a real chunk locks the organization so two writers cannot both take the last seat.
  if (!dryRun) await lockOrganization(trx, orgId)
  const counts = storedCounts(job)
  let seatsInUse = (await seatsUsed(trx, orgId, now)) + (dryRun ? (counts.dryRunSeats ?? 0) : 0)
  const dryRunSeatsBefore = seatsInUse
  const seatLimit = settings.seats
  let owners: number | null = null
  const topics = new Set(settings.contactTopics.map((t) => t.key))

  const results: ImportRowResult[] = []
  const creates: PlannedCreate[] = []
  const updates: PlannedUpdate[] = []

  for (const row of rows) {
    const index = results.length
    const { line, email } = row
    const firstLine = seen.get(email)
    if (firstLine === undefined) seen.set(email, line)
    const done = (status: Status, userId: string | null = null, error: ImportRowResult['error'] = null) => {
      results.push({ line, email, status, userId, error })
    }
    const fail = (code: ErrorCode, message?: string, errors?: FieldError[]) =>
      done('failed', null, itemError(code, message, errors))
    const invalid = (path: string, code: FieldError['code'], message: string) =>
      fail('validation_failed', message, [{ path, code, message }])

    if (isRefusedMailbox(email, settings.refusedMailboxes)) {
      const message = 'Shared department mailboxes cannot hold an account; give a person’s own address.'
      fail('shared_mailbox_refused', message, [{ path: 'email', code: 'shared_mailbox_refused', message }])
      continue
    }
    const role = row.role ?? options.defaultRole
    if (!isKnownRole(role)) {
      invalid('role', 'invalid_value', `Unknown role "${role}".`)
      continue
    }
    if (!canAssignRole(actor.role, role)) {
      const message = 'You cannot give a role above your own.'
      fail('role_above_own', message, [{ path: 'role', code: 'role_above_own', message }])
      continue
    }
    const groupId = row.groupId ?? options.targetGroupId ?? null
    if (groupId !== null && (!knownGroups.has(groupId) || !groupInScope(actor, groupId))) {
      invalid('groupId', 'not_found', 'No such group in your organization.')
      continue
    }
    const badTopic = row.contactFor?.findIndex((t) => !topics.has(t)) ?? -1
    if (badTopic !== -1) {
      invalid(`contactFor.${badTopic}`, 'invalid_value', 'Not one of the organization’s contact topics.')
      continue
    }
    if (firstLine !== undefined) {
      invalid('email', 'duplicate', `The same address as line ${firstLine} of this import.`)
      continue
    }
    const externalId = given(row.externalId) ? row.externalId : null

    const user = existing.get(email)
    if (user) {
      if (!options.updateExisting || !user.in_scope) {
        done(
          'skipped',
          user.in_scope ? user.id : null,
          itemError('email_taken', 'A user with this email already belongs to the organization.'),
        )
        continue
      }
      // The rules of PATCH /users/{id}: nobody changes their own role or groups through a file
      // (SELF_LOCKED_FIELDS), nor the account of someone ranked above them (or alike, for a
      // group-scoped admin).
      if (user.id === actor.user.id) {
        done('skipped', user.id, itemError('forbidden', 'An import does not change your own account.'))
        continue
      }
      const outranked = refusal(() => requireOutranks(actor, user))
      if (outranked) {
        done('skipped', user.id, itemError(outranked.code, outranked.problem.detail))
        continue
      }
      if (externalId !== null && (externalHolder.get(externalId) ?? user.id) !== user.id) {
        invalid('externalId', 'duplicate', 'Another user already has this SSO id.')
        continue
      }
      let roleChange: [string, string] | null = null
      if (row.role !== undefined && row.role !== user.role) {
        roleChange = [user.role, row.role]
        const groupsAfter = [...(membershipsOf.get(user.id) ?? []), ...(groupId ? [groupId] : [])]
        const outside = refusal(() => requireGrantWithinScope(actor, row.role as string, groupsAfter))
        if (outside) {
          fail(outside.code, outside.problem.detail, outside.problem.errors)
          continue
        }
        const wasOwner = user.role === 'owner' && user.enabled
        if (wasOwner) {
          owners ??= await countEnabledOwners(trx, orgId)
          if (owners <= 1) {
            fail('last_owner')
            continue
          }
        }
        const seatDelta = holdsSeat(user, now)
          ? Number(takesSeat(row.role)) - Number(takesSeat(user.role))
          : 0
        if (seatDelta > 0 && seatLimit !== null && seatsInUse + seatDelta > seatLimit) {
          fail('seat_limit_reached')
          continue
        }
        seatsInUse += seatDelta
        if (wasOwner && owners !== null) owners--
      }
      const patch: Record<string, unknown> = {}
      const changes: Record<string, [unknown, unknown]> = {}
      for (const [field, column] of PROFILE_FIELDS) {
        const value = row[field]
        if (!given(value)) continue
        const before = user[column]
        if (value !== before) {
          patch[column] = value
          changes[field] = [before, value]
        }
      }
      if (roleChange) {
        patch.role = roleChange[1]
        changes.role = roleChange
      }
      if (externalId !== null) externalHolder.set(externalId, user.id)
      if (dryRun) {
        done('valid', user.id)
        continue
      }
      updates.push({ index, user, patch, changes, roleChange, groupId })
      done('updated', user.id)
      continue
    }

    // A group-scoped actor creates only people they will see: in one of their groups.
    if (actor.scope !== null && groupId === null) {
      invalid('groupId', 'required', 'Give a group: you manage only the users of your groups.')
      continue
    }
    if (externalId !== null && externalHolder.has(externalId)) {
      invalid('externalId', 'duplicate', 'Another user already has this SSO id.')
      continue
    }
    if (row.password !== undefined) {
      const problems =
        prepared.problems.get(line) ??
        passwordProblems(row.password, settings.passwordPolicy, passwordContext(row))
      if (problems.length) {
        fail(
          'password_too_weak',
          undefined,
          passwordFieldErrors(problems, settings.passwordPolicy, 'password'),
        )
        continue
      }
    }
    const enabled = row.enabled ?? true
    if (enabled && takesSeat(role)) {
      if (seatLimit !== null && seatsInUse >= seatLimit) {
        fail('seat_limit_reached')
        continue
      }
      seatsInUse++
    }
    const id = randomUUID()
    if (externalId !== null) externalHolder.set(externalId, id)
    if (dryRun) {
      done('valid')
      continue
    }
    creates.push({ index, row, id, role, groupId })
    done('created', id)
  }

  let mailIds: string[] = []
  if (!dryRun) {
    await applyUpdates(trx, context, updates)
    mailIds = await applyCreates(trx, context, options, creates, prepared, results)
  }

  const result: ImportChunkResult = { index: chunk.index, results }
  for (const r of results) counts[r.status]++
  if (dryRun) counts.dryRunSeats = (counts.dryRunSeats ?? 0) + (seatsInUse - dryRunSeatsBefore)
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
    .values({ import_id: job.id, idx: chunk.index, results: JSON.stringify(result), created_at: now })
    .execute()
  await trx
    .updateTable('imports')
    .set({ processed_rows: job.processed_rows + rows.length, counts: JSON.stringify(counts) })
    .where('id', '=', job.id)
    .execute()
  return { result, mailIds }
}

/** A check that throws a problem, as a value: the row's outcome rather than the chunk's. */
function refusal(check: () => void): ProblemError | null {
  try {
    check()
    return null
  } catch (error) {
    if (error instanceof ProblemError) return error
    throw error
  }
}

async function applyUpdates(trx: Kysely<Database>, context: ChunkContext, updates: PlannedUpdate[]) {
  if (updates.length === 0) return
  const audits: AuditRow[] = []
  for (const update of updates) {
    const { user, patch } = update
    if (Object.keys(patch).length === 0) continue
    const first = (patch.first_name as string | undefined) ?? user.first_name
    const last = (patch.last_name as string | undefined) ?? user.last_name
    await trx
      .updateTable('users')
      .set({
        ...patch,
        ...('first_name' in patch || 'last_name' in patch ? searchColumns(first, last) : {}),
        version: sql`version + 1`,
      })
      .where('id', '=', user.id)
      .execute()
    const target = { type: 'user' as const, id: user.id, label: user.email }
    const { role, ...profile } = update.changes
    if (Object.keys(profile).length) audits.push(auditRow(context, 'user.updated', target, profile))
    if (role) audits.push(auditRow(context, 'user.role_changed', target, { role }))
  }
  const memberships = updates.filter((u) => u.groupId !== null)
  if (memberships.length) {
    await trx
      .insertInto('user_groups')
      .values(
        memberships.map((u) => ({
          user_id: u.user.id,
          group_id: u.groupId as string,
          org_id: u.user.org_id,
        })),
      )
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  await insertAudits(trx, audits)
}

async function applyCreates(
  trx: Kysely<Database>,
  context: ChunkContext,
  options: ImportOptions,
  creates: PlannedCreate[],
  prepared: PreparedChunk,
  results: ImportRowResult[],
): Promise<string[]> {
  if (creates.length === 0) return []
  const { actor, now, services } = context
  const orgId = actor.org.id
  const expiresAt = addDays(now, actor.settings.invitationLifetimeDays)
  const values: NewUserRow[] = []
  for (const plan of creates) {
    const { row } = plan
    const password = row.password
    const passwordHash =
      password === undefined ? null : (prepared.hashes.get(row.line) ?? (await hashPassword(password)))
    values.push({
      id: plan.id,
      org_id: orgId,
      email: row.email,
      salutation: row.salutation ?? null,
      first_name: row.firstName,
      last_name: row.lastName,
      nickname: orNull(row.nickname),
      phone: row.phone ?? null,
      mobile: row.mobile ?? null,
      job_title: orNull(row.jobTitle),
      department: orNull(row.department),
      description: orNull(row.description),
      external_id: orNull(row.externalId),
      locale: row.locale ?? actor.user.locale,
      role: plan.role,
      enabled: row.enabled ?? true,
      activated_at: passwordHash ? now : null,
      invitation_expires_at: passwordHash ? null : expiresAt,
      contact_for: [...new Set(row.contactFor ?? [])],
      primary_contact: false,
      assigned_agent_id: null,
      // Seed 003: an initial password set by an administrator is changed at the first sign-in.
      must_change_password: passwordHash !== null,
      source: 'import',
      password_hash: passwordHash,
      created_at: now,
      ...searchColumns(row.firstName, row.lastName),
    })
  }
  // The unique indexes decide (another request may have taken an address since the check).
  const inserted = await trx
    .insertInto('users')
    .values(values)
    .onConflict((oc) => oc.doNothing())
    .returningAll()
    .execute()
  const created = new Map(inserted.map((u) => [u.id, u]))
  const plans = creates.filter((plan) => {
    if (created.has(plan.id)) return true
    results[plan.index] = {
      ...(results[plan.index] as ImportRowResult),
      status: 'skipped',
      userId: null,
      error: itemError('email_taken', 'A user with this email already belongs to the organization.'),
    }
    return false
  })

  const memberships = plans.filter((p) => p.groupId !== null)
  if (memberships.length) {
    await trx
      .insertInto('user_groups')
      .values(memberships.map((p) => ({ user_id: p.id, group_id: p.groupId as string, org_id: orgId })))
      .execute()
  }

  const invited = plans.filter((p) => (created.get(p.id) as UserRow).activated_at === null)
  const mails: Array<{ user: UserRow; token: string }> = []
  const audits: AuditRow[] = plans.map((p) => {
    const user = created.get(p.id) as UserRow
    return auditRow(
      context,
      'user.created',
      { type: 'user', id: user.id, label: user.email },
      { role: [null, user.role], source: [null, 'import'] },
    )
  })
  if (invited.length) {
    const invitations = invited.map((p) => {
      const { token, hash } = newLinkToken()
      const user = created.get(p.id) as UserRow
      // A disabled row gets its invitation but no email: enabling it later lets someone resend.
      if (options.sendInvitations && user.enabled) mails.push({ user, token })
      const id = randomUUID()
      audits.push(
        auditRow(context, 'invitation.created', { type: 'invitation', id, label: user.email }, null),
      )
      return {
        id,
        org_id: orgId,
        user_id: p.id,
        token_hash: hash,
        status: 'pending' as const,
        expires_at: expiresAt,
        invited_by: actor.user.id,
        message: null,
        created_at: now,
        last_sent_at: now,
        send_count: 1,
      }
    })
    await trx.insertInto('invitations').values(invitations).execute()
  }
  const mailIds = await enqueueMailRows(trx, services, actor, mails, expiresAt, now)

  await insertAudits(trx, audits)
  return mailIds
}

// ---------------------------------------------------------------------------------------------
// Audit, in batches: one event per person created or changed, in the chunk's transaction.

interface AuditRow {
  id: string
  org_id: string
  at: Date
  action: string
  actor_id: string
  actor_name: string
  actor_email: string
  target_type: string
  target_id: string
  target_label: string
  changes: string | null
  request_id: string
}

function auditRow(
  context: ChunkContext,
  action: 'user.created' | 'user.updated' | 'user.role_changed' | 'invitation.created',
  target: { type: 'user' | 'invitation'; id: string; label: string },
  changes: Record<string, [unknown, unknown]> | null,
): AuditRow {
  const { actor } = context
  return {
    id: randomUUID(),
    org_id: actor.org.id,
    at: context.now,
    action,
    actor_id: actor.user.id,
    actor_name: displayName(actor.user),
    actor_email: actor.user.email,
    target_type: target.type,
    target_id: target.id,
    target_label: target.label,
    changes: changes ? JSON.stringify(changes) : null,
    request_id: context.requestId,
  }
}

async function insertAudits(trx: Kysely<Database>, rows: AuditRow[]) {
  if (rows.length) await trx.insertInto('audit_events').values(rows).execute()
}
