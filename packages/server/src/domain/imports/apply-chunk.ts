import type { ImportRowResult } from '@usher/contract'
import { itemError } from '@usher/contract'
import { type Kysely, sql } from 'kysely'
import type { Services } from '../../app/services'
import { hashPassword } from '../../auth/passwords'
import type { Database } from '../../db/schema'
import type { Actor } from '../actor'
import { type AuditInput, writeAudits } from '../audit'
import { writeNewcomers } from '../newcomers'
import { searchColumns } from '../search'
import { addDays } from '../time'
import type { ImportOptions } from './jobs'
import type { PlannedCreate, PlannedUpdate } from './judge-row'
import { given } from './judge-row'
import type { PreparedChunk } from './prepare-chunk'

/** What a chunk is written with; every audit event it writes carries `importId` (see `AuditContext`). */
export interface ChunkContext {
  actor: Actor
  services: Services
  now: Date
  requestId: string
  importId: string
}

const orNull = (value: string | null | undefined) => (given(value) ? value : null)

/** Writes the profile and role changes of a chunk, with their audit events and new memberships. */
export async function applyUpdates(
  trx: Kysely<Database>,
  context: ChunkContext,
  updates: readonly PlannedUpdate[],
) {
  if (updates.length === 0) return
  const events: AuditInput[] = []
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
    if (Object.keys(profile).length) events.push({ action: 'user.updated', target, changes: profile })
    if (role) events.push({ action: 'user.role_changed', target, changes: { role } })
  }
  const memberships = updates.flatMap((u) =>
    u.groupIds.map((groupId) => ({ user_id: u.user.id, group_id: groupId, org_id: u.user.org_id })),
  )
  if (memberships.length) {
    await trx
      .insertInto('user_groups')
      .values(memberships)
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  await writeAudits(trx, context, events)
}

/**
 * Creates a chunk's new people with the shared writers (`writeNewcomers`): active with the row's
 * password (to change at the first sign-in), otherwise invited. A row whose address was
 * taken meanwhile becomes `skipped` in `results` (indexed by `indexOf`). Returns the outbox ids.
 */
export async function applyCreates(
  trx: Kysely<Database>,
  context: ChunkContext,
  options: ImportOptions,
  creates: ReadonlyArray<PlannedCreate & { index: number }>,
  prepared: PreparedChunk,
  results: ImportRowResult[],
): Promise<string[]> {
  if (creates.length === 0) return []
  const { actor, now, services } = context
  const newcomers = []
  for (const plan of creates) {
    const { row } = plan
    const passwordHash =
      row.password === undefined
        ? null
        : (prepared.hashes.get(row.line) ?? (await hashPassword(row.password)))
    const enabled = row.enabled ?? true
    newcomers.push({
      person: {
        id: plan.id,
        orgId: actor.org.id,
        email: row.email,
        salutation: row.salutation ?? null,
        firstName: row.firstName,
        lastName: row.lastName,
        nickname: orNull(row.nickname),
        phone: row.phone ?? null,
        mobile: row.mobile ?? null,
        jobTitle: orNull(row.jobTitle),
        department: orNull(row.department),
        description: orNull(row.description),
        externalId: orNull(row.externalId),
        locale: row.locale ?? actor.user.locale,
        role: plan.role,
        enabled,
        contactFor: row.contactFor ?? [],
        source: 'import' as const,
        passwordHash,
        mustChangePassword: passwordHash !== null,
        groupIds: plan.groupIds,
      },
      // A disabled row gets its invitation but no email: enabling it later lets someone resend.
      mail: options.sendInvitations && enabled,
    })
  }
  const written = await writeNewcomers(trx, services, context, newcomers, {
    expiresAt: addDays(now, actor.settings.invitationLifetimeDays),
    userCreated: (user) => ({ role: [null, user.role], source: [null, 'import'] }),
    invitationCreated: () => null,
  })
  const outboxIds: string[] = []
  creates.forEach((plan, i) => {
    const done = written[i]
    if (done?.outboxId) outboxIds.push(done.outboxId)
    if (done) return
    results[plan.index] = {
      ...(results[plan.index] as ImportRowResult),
      status: 'skipped',
      userId: null,
      error: itemError('email_taken', 'A user with this email already belongs to the organization.', [
        {
          path: 'email',
          code: 'email_taken',
          message: 'A user with this email already belongs to the organization.',
        },
      ]),
    }
  })
  return outboxIds
}
