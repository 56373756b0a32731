import {
  type FieldError,
  isInboundEmailRole,
  type OrganizationSettings,
  OrganizationSettingsSchema,
} from '@usher/contract'
import type { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { UsherEnv } from '../app/env'
import type { Database } from '../db/schema'
import { type Actor, isUuid } from '../domain/actor'
import { organizationSettings, toOrganization } from '../domain/organizations'
import { ProblemError } from '../http/problem-error'
import { route } from '../http/route'

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b)

/**
 * What the schema cannot see of the incoming email settings: the role fits people created from
 * email (the contract's `isInboundEmailRole`, over the server's roles), and each domain's group is
 * one of the organization's.
 */
async function inboundEmailErrors(
  db: Kysely<Database>,
  actor: Actor,
  inbound: OrganizationSettings['inboundEmail'] | undefined,
): Promise<FieldError[]> {
  if (!inbound) return []
  const errors: FieldError[] = []
  if (inbound.role !== null && !isInboundEmailRole(actor.roles, inbound.role)) {
    errors.push({
      path: 'settings.inboundEmail.role',
      code: 'invalid_value',
      message: `"${inbound.role}" cannot be given to people created from email: choose a role with no permission that takes no seat.`,
    })
  }
  const ids = [...new Set(inbound.domains.map((d) => d.groupId))].filter(isUuid)
  const found = ids.length
    ? await db
        .selectFrom('groups')
        .select('id')
        .where('org_id', '=', actor.org.id)
        .where('id', 'in', ids)
        .execute()
    : []
  const known = new Set(found.map((g) => g.id))
  inbound.domains.forEach((entry, index) => {
    if (!known.has(entry.groupId)) {
      errors.push({
        path: `settings.inboundEmail.domains.${index}.groupId`,
        code: 'not_found',
        message: 'No such group in the organization.',
      })
    }
  })
  return errors
}

export function registerOrganizationRoutes(app: Hono<UsherEnv>) {
  route(app, 'activateOrganization', async ({ body, actor, now, transaction, audit }) =>
    transaction(async (trx) => {
      // The condition makes two concurrent activations one success and one conflict.
      const org = await trx
        .updateTable('organizations')
        .set((eb) => ({ name: body.name, activated_at: now, version: eb('version', '+', 1) }))
        .where('id', '=', actor.org.id)
        .where('activated_at', 'is', null)
        .returningAll()
        .executeTakeFirst()
      if (!org) throw new ProblemError('conflict', { detail: 'The team is already activated.' })
      await audit(trx, {
        action: 'organization.activated',
        target: { type: 'organization', id: org.id, label: org.name },
        changes: { name: [actor.org.name, org.name], activatedAt: [null, org.activated_at] },
      })
      return toOrganization(org)
    }),
  )

  route(app, 'updateOrganization', async ({ body, actor, ifMatch, transaction, audit }) =>
    transaction(async (trx) => {
      const current = await trx
        .selectFrom('organizations')
        .selectAll()
        .where('id', '=', actor.org.id)
        .forUpdate()
        .executeTakeFirstOrThrow()
      if (current.version !== ifMatch) {
        throw new ProblemError('version_mismatch', {
          detail: 'The organization changed since you read it; reload and retry.',
        })
      }
      const before = organizationSettings(current)
      const patch = body.settings ?? {}

      const errors: FieldError[] = []
      const seen = new Map<string, number>()
      patch.contactTopics?.forEach((topic, index) => {
        const first = seen.get(topic.key)
        if (first === undefined) seen.set(topic.key, index)
        else {
          errors.push({
            path: `settings.contactTopics.${index}.key`,
            code: 'duplicate',
            message: `Same key as settings.contactTopics.${first}.key.`,
          })
        }
      })
      errors.push(...(await inboundEmailErrors(trx, actor, patch.inboundEmail)))
      if (errors.length) throw new ProblemError('validation_failed', { errors })

      // Field by field: what the patch does not name stays as it is, inside the password policy too.
      const { passwordPolicy, ...rest } = patch
      const after: OrganizationSettings = OrganizationSettingsSchema.parse({
        ...before,
        ...Object.fromEntries(Object.entries(rest).filter(([, value]) => value !== undefined)),
        passwordPolicy: {
          ...before.passwordPolicy,
          ...Object.fromEntries(
            Object.entries(passwordPolicy ?? {}).filter(([, value]) => value !== undefined),
          ),
        },
      })

      const changes: Record<string, [unknown, unknown]> = {}
      if (body.name !== undefined && body.name !== current.name) changes.name = [current.name, body.name]
      for (const key of Object.keys(after) as (keyof OrganizationSettings)[]) {
        if (key === 'passwordPolicy') continue
        if (!same(before[key], after[key])) changes[`settings.${key}`] = [before[key], after[key]]
      }
      for (const key of Object.keys(
        after.passwordPolicy,
      ) as (keyof OrganizationSettings['passwordPolicy'])[]) {
        if (before.passwordPolicy[key] !== after.passwordPolicy[key]) {
          changes[`settings.passwordPolicy.${key}`] = [before.passwordPolicy[key], after.passwordPolicy[key]]
        }
      }
      if (Object.keys(changes).length === 0) return toOrganization(current)

      const org = await trx
        .updateTable('organizations')
        .set({
          name: body.name ?? current.name,
          settings: JSON.stringify(after),
          version: current.version + 1,
        })
        .where('id', '=', current.id)
        .returningAll()
        .executeTakeFirstOrThrow()
      await audit(trx, {
        action: 'organization.updated',
        target: { type: 'organization', id: org.id, label: org.name },
        changes,
      })
      return toOrganization(org)
    }),
  )
}
