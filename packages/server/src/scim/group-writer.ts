import { randomUUID } from 'node:crypto'
import { CreateGroupSchema } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { Database, GroupRow } from '../db/schema'
import { isUuid } from '../domain/actor'
import { isUniqueViolation, normalizeGroupName } from '../domain/groups'
import { iso } from '../domain/time'
import { auditAs, type ScimContext } from './context'
import { GROUP_SCHEMA } from './discovery'
import { invalidValue, ScimError } from './errors'
import { etagOf } from './user-resource'
import { scimUsers } from './user-store'

/**
 * Directory groups: Usher groups the directory pushed (marked by their `directory_groups` row),
 * at the root of the tree. The directory sees only those, so the groups the organization made
 * itself — and the scope of the admins who govern them — are out of its reach.
 */

export type ScimGroupRow = GroupRow & { external_id: string | null }
export interface Member {
  value: string
  display: string
}

export function scimGroups(db: Kysely<Database>, orgId: string) {
  return db
    .selectFrom('groups as g')
    .innerJoin('directory_groups as dg', 'dg.group_id', 'g.id')
    .where('g.org_id', '=', orgId)
}

export async function findScimGroup(
  db: Kysely<Database>,
  orgId: string,
  id: string,
  { lock = false } = {},
): Promise<ScimGroupRow | undefined> {
  if (!isUuid(id)) return undefined
  let q = scimGroups(db, orgId).selectAll('g').select('dg.external_id').where('g.id', '=', id)
  if (lock) q = q.forUpdate('g')
  return q.executeTakeFirst()
}

/** The members of groups, by group id: people's ids and addresses. */
export async function membersOf(
  db: Kysely<Database>,
  groupIds: readonly string[],
): Promise<Map<string, Member[]>> {
  const out = new Map<string, Member[]>(groupIds.map((id) => [id, []]))
  if (groupIds.length === 0) return out
  const rows = await db
    .selectFrom('user_groups as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select(['m.group_id', 'u.id', 'u.email'])
    .where('m.group_id', 'in', [...groupIds])
    .orderBy('u.email')
    .execute()
  for (const row of rows) out.get(row.group_id)?.push({ value: row.id, display: row.email })
  return out
}

export function toScimGroup(row: ScimGroupRow, members: Member[] | null, location: string) {
  return {
    schemas: [GROUP_SCHEMA],
    id: row.id,
    ...(row.external_id ? { externalId: row.external_id } : {}),
    displayName: row.name,
    ...(members ? { members } : {}),
    meta: { resourceType: 'Group', created: iso(row.created_at), location, version: etagOf(row.version) },
  }
}

/** What a SCIM Group says, in Usher's terms. */
export interface DirectoryGroup {
  name: string
  externalId: string | null
  /** Null when the body does not speak of members (a PATCH of the name only). */
  memberIds: string[] | null
}

export function readScimGroup(resource: unknown): DirectoryGroup {
  if (typeof resource !== 'object' || resource === null)
    throw invalidValue('The body must be a SCIM Group object.')
  const body = resource as Record<string, unknown>
  const get = (name: string) => body[Object.keys(body).find((k) => k.toLowerCase() === name) ?? '']
  const parsed = CreateGroupSchema.safeParse({
    name: typeof get('displayname') === 'string' ? get('displayname') : '',
  })
  if (!parsed.success) throw invalidValue(`displayName: ${parsed.error.issues[0]?.message ?? 'required.'}`)
  const externalId = get('externalid')
  if (externalId !== undefined && externalId !== null && typeof externalId !== 'string') {
    throw invalidValue('externalId must be a string.')
  }
  const members = get('members')
  if (members !== undefined && members !== null && !Array.isArray(members))
    throw invalidValue('members must be a list.')
  return {
    name: normalizeGroupName(parsed.data.name),
    externalId: externalId || null,
    memberIds: Array.isArray(members)
      ? [
          ...new Set(
            members.map((m, i) => {
              const value = (m as { value?: unknown } | null)?.value
              if (typeof value !== 'string') throw invalidValue(`members[${i}].value must be a person's id.`)
              return value
            }),
          ),
        ]
      : null,
  }
}

const nameTaken = (name: string) =>
  new ScimError(409, `A group named "${name}" already exists in the organization.`, 'uniqueness')

/** Makes the group's members exactly `wanted` (people the directory sees), audited as one change. */
async function setMembers(ctx: ScimContext, group: GroupRow, wanted: readonly string[], current: Member[]) {
  const { trx } = ctx
  const orgId = ctx.caller.actor.org.id
  const have = new Set(current.map((m) => m.value))
  const want = new Set(wanted)
  const added = wanted.filter((id) => !have.has(id))
  const removed = current.filter((m) => !want.has(m.value))
  if (added.length === 0 && removed.length === 0) return false
  let addedPeople: Array<{ id: string; email: string }> = []
  if (added.length) {
    const invalid = added.find((id) => !isUuid(id))
    if (invalid) throw invalidValue(`No person with id ${invalid} in this organization.`)
    addedPeople = await scimUsers(trx, orgId).select(['u.id', 'u.email']).where('u.id', 'in', added).execute()
    const known = new Set(addedPeople.map((p) => p.id))
    const unknown = added.find((id) => !known.has(id))
    if (unknown) throw invalidValue(`No person with id ${unknown} in this organization.`)
    await trx
      .insertInto('user_groups')
      .values(added.map((user_id) => ({ user_id, group_id: group.id, org_id: orgId })))
      .onConflict((oc) => oc.doNothing())
      .execute()
  }
  if (removed.length) {
    await trx
      .deleteFrom('user_groups')
      .where('group_id', '=', group.id)
      .where(
        'user_id',
        'in',
        removed.map((m) => m.value),
      )
      .execute()
  }
  await auditAs(ctx, [
    {
      action: 'group.updated',
      target: { type: 'group', id: group.id, label: group.name },
      changes: {
        members: [removed.map((m) => m.display).sort(), addedPeople.map((p) => p.email).sort()],
      },
    },
  ])
  return true
}

/** POST /Groups: a root group marked as the directory's, with its first members. */
export async function createDirectoryGroup(ctx: ScimContext, input: DirectoryGroup): Promise<ScimGroupRow> {
  const { trx, now } = ctx
  const orgId = ctx.caller.actor.org.id
  const id = randomUUID()
  // Checked before the insert: a unique violation would abort the request's transaction.
  const clash = await trx
    .selectFrom('groups')
    .select('id')
    .where('org_id', '=', orgId)
    .where('parent_id', 'is', null)
    .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
    .executeTakeFirst()
  if (clash) throw nameTaken(input.name)
  try {
    await trx
      .insertInto('groups')
      .values({ id, org_id: orgId, name: input.name, description: null, parent_id: null, created_at: now })
      .execute()
  } catch (error) {
    if (isUniqueViolation(error)) throw nameTaken(input.name)
    throw error
  }
  await trx
    .insertInto('directory_groups')
    .values({ group_id: id, org_id: orgId, external_id: input.externalId, created_at: now })
    .execute()
  await auditAs(ctx, [
    {
      action: 'group.created',
      target: { type: 'group', id, label: input.name },
      changes: { name: [null, input.name], source: [null, 'scim'] },
    },
  ])
  const row = (await findScimGroup(trx, orgId, id)) as ScimGroupRow
  if (input.memberIds?.length) {
    await setMembers(ctx, row, input.memberIds, [])
  }
  return row
}

/** PUT, and PATCH once applied: the name, the externalId, and the members when the body names them. */
export async function updateDirectoryGroup(
  ctx: ScimContext,
  group: ScimGroupRow,
  input: DirectoryGroup,
  current: Member[],
): Promise<ScimGroupRow> {
  const { trx } = ctx
  const orgId = ctx.caller.actor.org.id
  let changed = false
  if (input.name !== group.name) {
    const clash = await trx
      .selectFrom('groups')
      .select('id')
      .where('org_id', '=', orgId)
      .where('parent_id', 'is', group.parent_id)
      .where('id', '<>', group.id)
      .where((eb) => eb(eb.fn('lower', ['name']), '=', input.name.toLowerCase()))
      .executeTakeFirst()
    if (clash) throw nameTaken(input.name)
    await trx.updateTable('groups').set({ name: input.name }).where('id', '=', group.id).execute()
    await auditAs(ctx, [
      {
        action: 'group.updated',
        target: { type: 'group', id: group.id, label: input.name },
        changes: { name: [group.name, input.name] },
      },
    ])
    changed = true
  }
  if (input.externalId !== group.external_id) {
    await trx
      .updateTable('directory_groups')
      .set({ external_id: input.externalId })
      .where('group_id', '=', group.id)
      .execute()
    changed = true
  }
  if (input.memberIds !== null && (await setMembers(ctx, group, input.memberIds, current))) changed = true
  if (changed) {
    await trx
      .updateTable('groups')
      .set({ version: group.version + 1 })
      .where('id', '=', group.id)
      .execute()
  }
  return (await findScimGroup(trx, orgId, group.id)) as ScimGroupRow
}

/** DELETE /Groups/{id}: the group goes (its memberships and shares with it); its people stay. */
export async function deleteDirectoryGroup(ctx: ScimContext, group: ScimGroupRow): Promise<void> {
  const children = await ctx.trx
    .selectFrom('groups')
    .select('id')
    .where('parent_id', '=', group.id)
    .executeTakeFirst()
  if (children) {
    throw new ScimError(
      409,
      `The group "${group.name}" has subgroups the organization added under it; move them first.`,
      'mutability',
    )
  }
  await ctx.trx.deleteFrom('groups').where('id', '=', group.id).execute()
  await auditAs(ctx, [
    { action: 'group.deleted', target: { type: 'group', id: group.id, label: group.name }, changes: null },
  ])
}
