import { type FieldError, mayBeAssignedAgent } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { Database, UserRow } from '../db/schema'
import { type Actor, isUuid } from './actor'
import { checkGroupIds, groupInScope, usersInScope } from './scope'
import { userStatus } from './users'

/**
 * Group ids, contact-for topics, the assigned agent and the SSO id of a create or update, checked
 * against the organization: one field error per bad entry. `current` is the user being updated:
 * topics they already carry stay valid after the organization drops them, so their edit dialog
 * does not fail on a tag nobody touched.
 */
export async function profileReferenceErrors(
  db: Kysely<Database>,
  actor: Actor,
  input: {
    groupIds?: readonly string[]
    contactFor?: readonly string[]
    assignedAgentId?: string | null
    externalId?: string | null
  },
  current?: UserRow,
): Promise<FieldError[]> {
  const errors: FieldError[] = []
  if (input.groupIds !== undefined) {
    const { missing } = await checkGroupIds(db, actor, input.groupIds)
    for (const index of missing) {
      errors.push({ path: `groupIds.${index}`, code: 'not_found', message: 'No such group in your scope.' })
    }
    // A group-scoped actor sees only the members of their groups: someone they put in none of them
    // would vanish from their list the moment they created or saved them.
    const inScope = input.groupIds.filter((id) => groupInScope(actor, id))
    if (
      actor.scope !== null &&
      inScope.length === 0 &&
      missing.length === 0 &&
      current?.id !== actor.user.id
    ) {
      errors.push({ path: 'groupIds', code: 'required', message: 'Choose at least one of your groups.' })
    }
  }
  if (input.contactFor !== undefined) {
    const topics = new Set(actor.settings.contactTopics.map((t) => t.key))
    const kept = new Set(current?.contact_for ?? [])
    input.contactFor.forEach((key, index) => {
      if (!topics.has(key) && !kept.has(key)) {
        errors.push({
          path: `contactFor.${index}`,
          code: 'invalid_value',
          message: 'Not a topic of this organization.',
        })
      }
    })
  }
  if (input.assignedAgentId && input.assignedAgentId !== current?.assigned_agent_id) {
    // Someone outside the actor's scope does not exist for them: not_found, as an unknown id.
    const agent = isUuid(input.assignedAgentId)
      ? await db
          .selectFrom('users as u')
          .select(['u.id', 'u.role', 'u.enabled', 'u.activated_at', 'u.invitation_expires_at'])
          .where('u.org_id', '=', actor.org.id)
          .where('u.id', '=', input.assignedAgentId)
          .where(usersInScope(actor))
          .executeTakeFirst()
      : undefined
    if (!agent) {
      errors.push({
        path: 'assignedAgentId',
        code: 'not_found',
        message: 'No such user in your organization.',
      })
    } else if (
      !mayBeAssignedAgent(actor.roles, { ...agent, status: userStatus(agent, new Date()) }, current?.id)
    ) {
      errors.push({
        path: 'assignedAgentId',
        code: 'invalid_value',
        message:
          'This person cannot be an agent: choose an active or invited console user other than the person.',
      })
    }
  }
  if (input.externalId && input.externalId !== current?.external_id) {
    let taken = db
      .selectFrom('users')
      .select('id')
      .where('org_id', '=', actor.org.id)
      .where('external_id', '=', input.externalId)
    if (current) taken = taken.where('id', '!=', current.id)
    if (await taken.executeTakeFirst()) {
      errors.push({ path: 'externalId', code: 'duplicate', message: 'Another user has this SSO id.' })
    }
  }
  return errors
}
