import { randomUUID } from 'node:crypto'
import { type ErrorCode, type FieldError, type ItemError, itemError } from '@usher/contract'
import type { Kysely } from 'kysely'
import { passwordFieldErrors, passwordProblems } from '../../auth/passwords'
import type { Database } from '../../db/schema'
import { ProblemError } from '../../http/problem-error'
import { requireGrantWithinScope, requireOutranks } from '../account-guards'
import {
  type Admission,
  addressRefusal,
  type Candidate,
  type Member,
  type Refusal,
  referenceErrors,
  roleRefusal,
  seatRefusal,
  takeSeats,
  wouldHoldSeat,
} from '../admission'
import { PROFILE_COLUMNS, type ProfileField } from '../user-columns'
import { countEnabledOwners, isEnabledOwner } from '../user-writes'
import { userStatus } from '../users'
import type { ChunkRow, ImportOptions } from './jobs'
import { IMPORT_ROW_PATHS, type PreparedChunk, passwordContext } from './prepare-chunk'

/** What a chunk's rows are judged against, read once per chunk; the rows' effects are kept in it. */
export interface ChunkWorld {
  trx: Kysely<Database>
  admission: Admission
  options: ImportOptions
  prepared: PreparedChunk
  /** First line of each address in this import, earlier chunks included. */
  seen: Map<string, number>
  /** Every group of the members a role with powers may go to (`requireGrantWithinScope`). */
  membershipsOf: Map<string, string[]>
  /** Who holds each SSO id, as the rows so far leave it. */
  externalHolder: Map<string, string>
  /** Enabled owners, counted when a row first demotes one. */
  owners: number | null
}

/** A new person to create (`id` is reported before the insert). */
export interface PlannedCreate {
  row: ChunkRow
  id: string
  role: string
  groupIds: string[]
}

/** A change to an existing person's profile or role. */
export interface PlannedUpdate {
  user: Member
  patch: Record<string, unknown>
  changes: Record<string, [unknown, unknown]>
  groupIds: string[]
}

export type RowOutcome =
  | { status: 'failed'; error: ItemError }
  | { status: 'skipped'; userId: string | null; error: ItemError }
  | { status: 'valid'; userId: string | null }
  | { status: 'updated'; update: PlannedUpdate }
  | { status: 'created'; create: PlannedCreate }

/** A spreadsheet's empty cell says nothing: it neither sets nor clears. */
export const given = (value: unknown): value is string =>
  typeof value === 'string' ? value.trim() !== '' : value !== null && value !== undefined

const failed = (refusal: Refusal): RowOutcome => ({
  status: 'failed',
  error: itemError(refusal.code, refusal.message ?? refusal.errors[0]?.message, refusal.errors),
})
const fail = (code: ErrorCode, message?: string, errors?: FieldError[]): RowOutcome => ({
  status: 'failed',
  error: itemError(code, message, errors),
})
const invalid = (path: string, code: FieldError['code'], message: string) =>
  fail('validation_failed', message, [{ path, code, message }])

/**
 * The groups a row goes to: its `groupId` and `groupIds` (a cell may name several), or the
 * import's target group when it names none.
 */
export function rowGroupIds(row: Pick<ChunkRow, 'groupId' | 'groupIds'>, options: ImportOptions): string[] {
  const named = [...new Set([...(row.groupId ? [row.groupId] : []), ...(row.groupIds ?? [])])]
  if (named.length) return named
  return options.targetGroupId ? [options.targetGroupId] : []
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

/**
 * One row's outcome, in order against the organization and the lines already seen: the new
 * person's admission (address, role, groups and topics, a line with the same address, the seat),
 * or, for an address already there and `updateExisting`, the rules of PATCH /users/{id}.
 */
export async function judgeRow(world: ChunkWorld, row: ChunkRow): Promise<RowOutcome> {
  const { admission, options } = world
  const { actor } = admission
  const paths = IMPORT_ROW_PATHS
  const { line, email } = row
  const firstLine = world.seen.get(email)
  if (firstLine === undefined) world.seen.set(email, line)

  const role = row.role ?? options.defaultRole
  const groupIds = rowGroupIds(row, options)
  const candidate: Candidate = {
    email,
    role,
    groupIds,
    contactFor: row.contactFor ?? [],
    enabled: row.enabled ?? true,
  }
  const early = addressRefusal(actor, email, paths) ?? roleRefusal(actor, role, paths.at('role'))
  if (early) return failed(early)
  const references = referenceErrors(admission, candidate, paths, { newcomer: false })
  if (references.length) return failed({ code: 'validation_failed', errors: references })
  if (firstLine !== undefined) {
    return invalid('email', 'duplicate', `The same address as line ${firstLine} of this import.`)
  }
  const externalId = given(row.externalId) ? row.externalId : null
  const member = admission.members.get(email)
  if (member) return judgeUpdate(world, row, member, groupIds, externalId)

  const newcomer = referenceErrors(admission, candidate, paths, { newcomer: true })
  if (newcomer.length) return failed({ code: 'validation_failed', errors: newcomer })
  if (externalId !== null && world.externalHolder.has(externalId)) {
    return invalid('externalId', 'duplicate', 'Another user already has this SSO id.')
  }
  if (row.password !== undefined) {
    const policy = actor.settings.passwordPolicy
    const problems =
      world.prepared.problems.get(line) ?? passwordProblems(row.password, policy, passwordContext(row))
    if (problems.length) {
      return fail('password_too_weak', undefined, passwordFieldErrors(problems, policy, 'password'))
    }
  }
  const seats = Number(wouldHoldSeat(admission, candidate))
  const seat = seatRefusal(admission, seats, paths)
  if (seat) return failed(seat)
  takeSeats(admission, seats)
  const id = randomUUID()
  if (externalId !== null) world.externalHolder.set(externalId, id)
  if (options.dryRun) return { status: 'valid', userId: null }
  return { status: 'created', create: { row, id, role, groupIds } }
}

/** An existing person's row: skipped, refused, or the profile (and role) change it asks for. */
async function judgeUpdate(
  world: ChunkWorld,
  row: ChunkRow,
  user: Member,
  groupIds: string[],
  externalId: string | null,
): Promise<RowOutcome> {
  const { admission, options } = world
  const { actor, now } = admission
  if (!options.updateExisting || !user.in_scope) {
    return {
      status: 'skipped',
      userId: user.in_scope ? user.id : null,
      error: itemError('email_taken', 'A user with this email already belongs to the organization.'),
    }
  }
  // The rules of PATCH /users/{id}: nobody changes their own role or groups through a file
  // (SELF_LOCKED_FIELDS), nor the account of someone they may not manage (`canManage`).
  if (user.id === actor.user.id) {
    return {
      status: 'skipped',
      userId: user.id,
      error: itemError('forbidden', 'An import does not change your own account.'),
    }
  }
  const outranked = refusal(() => requireOutranks(actor, user))
  if (outranked) {
    return { status: 'skipped', userId: user.id, error: itemError(outranked.code, outranked.problem.detail) }
  }
  if (externalId !== null && (world.externalHolder.get(externalId) ?? user.id) !== user.id) {
    return invalid('externalId', 'duplicate', 'Another user already has this SSO id.')
  }
  let roleChange: [string, string] | null = null
  if (row.role !== undefined && row.role !== user.role) {
    roleChange = [user.role, row.role]
    const groupsAfter = [...(world.membershipsOf.get(user.id) ?? []), ...groupIds]
    const outside = refusal(() => requireGrantWithinScope(actor, row.role as string, groupsAfter))
    if (outside) return fail(outside.code, outside.problem.detail, outside.problem.errors)
    const wasOwner = isEnabledOwner(user.role, user.enabled)
    if (wasOwner) {
      world.owners ??= await countEnabledOwners(world.trx, actor.org.id)
      if (world.owners <= 1) return fail('last_owner')
    }
    const status = userStatus(user, now)
    const seats =
      Number(actor.roles.holdsSeat({ role: row.role, status })) -
      Number(actor.roles.holdsSeat({ role: user.role, status }))
    const seat = seatRefusal(admission, seats, IMPORT_ROW_PATHS)
    if (seat) return failed(seat)
    takeSeats(admission, seats)
    if (wasOwner && world.owners !== null) world.owners--
  }
  const patch: Record<string, unknown> = {}
  const changes: Record<string, [unknown, unknown]> = {}
  for (const [field, column] of Object.entries(PROFILE_COLUMNS) as [ProfileField, keyof Member][]) {
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
  if (externalId !== null) world.externalHolder.set(externalId, user.id)
  if (options.dryRun) return { status: 'valid', userId: user.id }
  return { status: 'updated', update: { user, patch, changes, groupIds } }
}
