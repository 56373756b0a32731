import { roleEntries } from '@usher/contract'
import type { Hono } from 'hono'
import { sql } from 'kysely'
import type { UsherEnv } from '../app/env'
import { membershipsOf } from '../domain/accounts'
import { toOrganization } from '../domain/organizations'
import { seatUsage } from '../domain/seats'
import { toUserOne } from '../domain/users'
import { route } from '../http/route'

export function registerMeRoutes(app: Hono<UsherEnv>) {
  route(app, 'getMe', async ({ db, actor, now }) => {
    const [user, seats, counts] = await Promise.all([
      toUserOne(db, actor.user, now, actor),
      seatUsage(db, actor.org.id, actor.roles.seatRoles, actor.settings.seats, now),
      db
        .selectFrom('users')
        .select([
          sql<number>`count(*)::int`.as('users'),
          sql<number>`(count(*) filter (where role = any(${sql.val([...actor.roles.seatRoles])}::text[])))::int`.as(
            'operators',
          ),
        ])
        .where('org_id', '=', actor.org.id)
        .executeTakeFirstOrThrow(),
    ])
    return {
      user,
      accountId: actor.account?.id ?? null,
      organization: toOrganization(actor.org),
      permissions: [...actor.permissions],
      seats,
      counts: { users: Number(counts.users), operators: Number(counts.operators) },
    }
  })

  route(app, 'listRoles', async ({ actor }) => ({ items: roleEntries(actor.roles) }))

  // The caller's organizations, to switch between: a host token's account too (the host then
  // signs a token for the organization picked).
  route(app, 'listMemberships', async ({ db, actor }) => ({
    items: actor.account ? await membershipsOf(db, actor.account.id) : [],
  }))
}
