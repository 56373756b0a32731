import { type ErrorCode, type FieldError, rowEmailSchema, toFieldErrors } from '@usher/contract'
import { type Kysely, sql } from 'kysely'
import type { Database, UserRow } from '../../db/schema'
import { type Actor, isUuid } from '../actor'
import { groupInScope, usersInScope } from '../scope'
import { seatsUsed } from '../seats'
import { userStatus } from '../users'

/**
 * Whether a new person may join the organization: one judge for an invitation row, an import row
 * and POST /users. Every rule asks the contract (the address schema with the organization's
 * shared mailboxes, the role catalog) or the organization as read once per batch (members,
 * groups, topics, seats). A refusal carries the per-row error with field paths.
 */

/** Who is to join, as each way of adding people describes them. */
export interface Candidate {
  /** Normalised by the contract's email schema (the body's parse). */
  email: string
  role: string
  groupIds: readonly string[]
  contactFor: readonly string[]
  /** A disabled account holds no seat. */
  enabled: boolean
}

/** Why a candidate is refused: the row's error code, a sentence, and what is wrong with which field. */
export interface Refusal {
  code: ErrorCode
  message?: string
  errors: FieldError[]
}

/** Where each field of a candidate sits in the request, for the field errors' paths. */
export interface CandidatePaths {
  /** The path of a field: `email`, `invitations.3.email`. */
  at(field: 'email' | 'role' | 'contactFor' | string): string
  /** The path of the candidate's `index`-th group (`groupIds.2`; an import row's `groupId`). */
  group(index: number): string
  /** The path of the groups as a whole (`groupIds`; `groupId`). */
  groups: string
}

/** Paths under `prefix` (`invitations.3.`), with groups as a `groupIds` list. */
export function candidatePaths(prefix = ''): CandidatePaths {
  return {
    at: (field) => `${prefix}${field}`,
    group: (index) => `${prefix}groupIds.${index}`,
    groups: `${prefix}groupIds`,
  }
}

/** The people already in the organization, as the judge reads them. */
export type Member = UserRow & { in_scope: boolean }

/** What one batch is judged against, read once (after the caller took the locks it needs). */
export interface Admission {
  readonly actor: Actor
  readonly now: Date
  /** Members by (normalised) address. */
  readonly members: ReadonlyMap<string, Member>
  /** The organization's groups among those the batch names. */
  readonly groups: ReadonlySet<string>
  readonly topics: ReadonlySet<string>
  /** Seats held now, and by the candidates admitted so far; null when the plan has no limit. */
  seats: { used: number; allowed: number } | null
  /** Addresses of the batch seen so far, with the label of where (a row's number, a line). */
  readonly seen: Map<string, string>
}

/**
 * Reads what a batch of candidates is judged against. `extraSeats` are seats the caller knows are
 * taken beyond the database's count (a dry-run import's earlier chunks).
 */
export async function openAdmission(
  db: Kysely<Database>,
  actor: Actor,
  batch: { emails: readonly string[]; groupIds: readonly string[]; now: Date; extraSeats?: number },
): Promise<Admission> {
  const emails = [...new Set(batch.emails)]
  const groupIds = [...new Set(batch.groupIds)].filter(isUuid)
  const allowed = actor.settings.seats
  const [members, groups, used] = await Promise.all([
    emails.length
      ? (db
          .selectFrom('users as u')
          .selectAll('u')
          .select(sql<boolean>`${usersInScope(actor)}`.as('in_scope'))
          .where('u.org_id', '=', actor.org.id)
          .where('u.email', 'in', emails)
          .execute() as Promise<Member[]>)
      : [],
    groupIds.length
      ? db
          .selectFrom('groups')
          .select('id')
          .where('org_id', '=', actor.org.id)
          .where('id', 'in', groupIds)
          .execute()
      : [],
    allowed === null ? 0 : seatsUsed(db, actor.org.id, actor.roles.seatRoles, batch.now),
  ])
  return {
    actor,
    now: batch.now,
    members: new Map(members.map((m) => [m.email, m])),
    groups: new Set(groups.map((g) => g.id)),
    topics: new Set(actor.settings.contactTopics.map((t) => t.key)),
    seats: allowed === null ? null : { used: used + (batch.extraSeats ?? 0), allowed },
    seen: new Map(),
  }
}

// One schema per organization's list and request (a batch judges up to a thousand addresses).
const emailSchemas = new WeakMap<readonly string[], ReturnType<typeof rowEmailSchema>>()
function emailSchemaOf(refused: readonly string[]) {
  let schema = emailSchemas.get(refused)
  if (!schema) {
    schema = rowEmailSchema(refused)
    emailSchemas.set(refused, schema)
  }
  return schema
}

/**
 * The address under the contract's email schema with the organization's shared mailboxes
 * (`rowEmailSchema`): the one place a shared mailbox is refused, in the contract's words.
 */
export function addressRefusal(actor: Actor, email: string, paths: CandidatePaths): Refusal | null {
  const parsed = emailSchemaOf(actor.settings.refusedMailboxes).safeParse(email)
  if (parsed.success) return null
  const errors = toFieldErrors(parsed.error.issues, [paths.at('email')])
  const mailbox = errors.find((e) => e.code === 'shared_mailbox_refused')
  return mailbox
    ? { code: 'shared_mailbox_refused', message: mailbox.message, errors: [mailbox] }
    : { code: 'validation_failed', errors }
}

/**
 * The role under the catalog: unknown → `validation_failed` (`invalid_value`, as the schema would
 * say), above what the actor may give (`canAssign`) → `role_above_own`.
 */
export function roleRefusal(actor: Actor, role: string, path: string): Refusal | null {
  if (!actor.roles.has(role)) {
    return {
      code: 'validation_failed',
      errors: [{ path, code: 'invalid_value', message: `No role "${role}".` }],
    }
  }
  if (!actor.roles.canAssign(actor.role, role)) {
    const message = 'You cannot give a role above your own.'
    return { code: 'role_above_own', message, errors: [{ path, code: 'role_above_own', message }] }
  }
  return null
}

/**
 * The candidate's groups (each of the organization and within the actor's scope) and topics (the
 * organization's). `newcomer`: a group-scoped actor must put a new person in one of their groups,
 * or they would vanish from the actor's list at once.
 */
export function referenceErrors(
  admission: Admission,
  candidate: Pick<Candidate, 'groupIds' | 'contactFor'>,
  paths: CandidatePaths,
  { newcomer }: { newcomer: boolean },
): FieldError[] {
  const { actor } = admission
  const errors: FieldError[] = []
  candidate.groupIds.forEach((id, index) => {
    if (!admission.groups.has(id) || !groupInScope(actor, id)) {
      errors.push({ path: paths.group(index), code: 'not_found', message: 'No such group in your scope.' })
    }
  })
  if (newcomer && actor.scope !== null && candidate.groupIds.length === 0) {
    errors.push({ path: paths.groups, code: 'required', message: 'Choose at least one of your groups.' })
  }
  candidate.contactFor.forEach((key, index) => {
    if (!admission.topics.has(key)) {
      errors.push({
        path: paths.at(`contactFor.${index}`),
        code: 'invalid_value',
        message: 'Not one of the organization’s contact topics.',
      })
    }
  })
  return errors
}

/** An address already in the organization: a pending invitation, or a member. */
export function memberRefusal(member: Member, now: Date, paths: CandidatePaths): Refusal {
  const status = userStatus(member, now)
  const pending = status === 'invited' || status === 'expired'
  const code = pending ? 'invitation_pending' : 'email_taken'
  const message = pending
    ? 'This person is already invited; resend the invitation instead.'
    : 'A user with this email already belongs to the organization.'
  return { code, message, errors: [{ path: paths.at('email'), code, message }] }
}

/** Whether the candidate would hold a seat once in (`holdsSeat`: enabled, invited or active). */
export const wouldHoldSeat = (admission: Admission, candidate: Pick<Candidate, 'role' | 'enabled'>) =>
  admission.actor.roles.holdsSeat({ role: candidate.role, status: candidate.enabled ? 'active' : 'disabled' })

/** One more seat-holder beyond the plan: refused. Rows are judged in order: a seat goes to the earlier row. */
export function seatRefusal(
  admission: Admission,
  seatsNeeded: number,
  paths: CandidatePaths,
): Refusal | null {
  const { seats } = admission
  if (seats === null || seatsNeeded <= 0 || seats.used + seatsNeeded <= seats.allowed) return null
  return {
    code: 'seat_limit_reached',
    message: `All ${seats.allowed} seats of the plan are taken.`,
    errors: [{ path: paths.at('role'), code: 'seat_limit_reached', message: 'No seat left for this role.' }],
  }
}

/** Counts seats taken (or freed) by an admitted row or a change. */
export function takeSeats(admission: Admission, seats: number) {
  if (admission.seats) admission.seats.used += seats
}

/**
 * The whole judgement of a new person, in the order someone fixing the row meets the rules: the
 * address, the role, the references (with `extraErrors`, the caller's own field checks), a
 * second row with the same address, someone already there, then the seat. An admitted candidate
 * takes their seat and their address in the batch. Returns the refusal, or null when admitted.
 */
export function admit(
  admission: Admission,
  candidate: Candidate,
  paths: CandidatePaths,
  options: { label?: string; extraErrors?: readonly FieldError[] } = {},
): Refusal | null {
  const { actor } = admission
  const address = addressRefusal(actor, candidate.email, paths)
  if (address) return address
  const role = roleRefusal(actor, candidate.role, paths.at('role'))
  if (role?.code === 'role_above_own') return role
  const invalid = [
    ...(role?.errors ?? []),
    ...referenceErrors(admission, candidate, paths, { newcomer: true }),
    ...(options.extraErrors ?? []),
  ]
  if (invalid.length) return { code: 'validation_failed', errors: invalid }
  const earlier = admission.seen.get(candidate.email)
  if (earlier !== undefined) {
    const message = `The same address as ${earlier}.`
    return {
      code: 'validation_failed',
      message,
      errors: [{ path: paths.at('email'), code: 'duplicate', message }],
    }
  }
  const member = admission.members.get(candidate.email)
  if (member) return memberRefusal(member, admission.now, paths)
  const seats = Number(wouldHoldSeat(admission, candidate))
  const seat = seatRefusal(admission, seats, paths)
  if (seat) return seat
  takeSeats(admission, seats)
  admission.seen.set(candidate.email, options.label ?? 'an earlier row')
  return null
}
