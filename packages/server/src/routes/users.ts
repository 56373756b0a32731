import { BULK_USER_ACTION_PERMISSIONS, type BulkResult, type FieldError, itemError } from '@usher/contract'
import type { Hono } from 'hono'
import type { Kysely } from 'kysely'
import type { UsherEnv } from '../app/env'
import type { Services } from '../app/services'
import { hashPassword, passwordProblems, passwordTooWeak } from '../auth/passwords'
import type { Database, UserRow } from '../db/schema'
import { requireOutranks } from '../domain/account-guards'
import { setMemberPassword } from '../domain/accounts'
import { type Actor, can, isUuid } from '../domain/actor'
import { resendInvitation } from '../domain/resend-invitation'
import { findUserInScope, usersInScope } from '../domain/scope'
import { countUsers } from '../domain/user-count'
import { createUser, prepareCreateUser } from '../domain/user-create'
import { deleteUserRow } from '../domain/user-delete'
import { listUsers } from '../domain/user-list'
import { applyUserPatch, type UserPatch } from '../domain/user-patch'
import { UserWrites, versionMismatch } from '../domain/user-writes'
import { toUserOne, userStatus } from '../domain/users'
import { ProblemError } from '../http/problem-error'
import { route } from '../http/route'
import { deliverPending } from '../mail/mailer'

/** Hands the messages a request queued to the transport once its transaction committed. */
const deliverAfterCommit = (
  services: Services,
  afterCommit: (fn: () => Promise<unknown>) => void,
  outboxIds: string[],
) => {
  if (outboxIds.length === 0) return
  afterCommit(() =>
    deliverPending(services.db, services.mail.transport, services.mail.from, services.now, outboxIds),
  )
}

export function registerUserRoutes(app: Hono<UsherEnv>) {
  route(app, 'listUsers', ({ db, actor, query, now }) => listUsers(db, actor, query, now))
  // Registered before /users/{id} so "count" is never read as an id.
  route(app, 'countUsers', ({ db, actor, query, now }) => countUsers(db, actor, query, now))

  // Registered before /users/{id} so "bulk" is never read as an id.
  route(app, 'bulkUsers', async ({ body, actor, services, now, transaction, audit, afterCommit }) => {
    const needed = BULK_USER_ACTION_PERMISSIONS[body.action]
    if (!can(actor, needed)) {
      throw new ProblemError('forbidden', { detail: `This action needs the permission ${needed}.` })
    }
    // An id twice is a mistake in the caller's selection; answering it twice would report the
    // second answer about a state the first one made.
    const firstIndex = new Map<string, number>()
    const duplicates: FieldError[] = []
    body.userIds.forEach((id, index) => {
      if (firstIndex.has(id)) {
        duplicates.push({
          path: `userIds.${index}`,
          code: 'duplicate',
          message: `Same id as userIds.${firstIndex.get(id)}.`,
        })
      } else firstIndex.set(id, index)
    })
    if (duplicates.length) throw new ProblemError('validation_failed', { errors: duplicates })

    const outboxIds: string[] = []
    const result = await transaction(async (trx) => {
      const w = new UserWrites(trx, actor, now, audit)
      const targets = await usersById(trx, actor, body.userIds)
      const results: BulkResult['results'] = []
      for (const id of body.userIds) {
        try {
          const target = targets.get(id)
          if (!target) throw new ProblemError('not_found', { detail: 'No such user in your organization.' })
          switch (body.action) {
            case 'changeRole':
              await applyUserPatch(w, target, { role: body.role })
              break
            case 'enable':
              await applyUserPatch(w, target, { enabled: true })
              break
            case 'disable':
              await applyUserPatch(w, target, { enabled: false })
              break
            case 'forcePasswordChange':
              await applyUserPatch(w, target, { mustChangePassword: true })
              break
            case 'delete':
              await deleteUserRow(w, target)
              break
            case 'resendInvitation':
              outboxIds.push((await resendInvitation(w, services, { user: target })).outboxId)
              break
          }
          results.push({ id, ok: true })
        } catch (error) {
          if (!(error instanceof ProblemError)) throw error
          results.push({
            id,
            ok: false,
            error: itemError(error.code, error.problem.detail, error.problem.errors),
          })
        }
      }
      const succeeded = results.filter((r) => r.ok).length
      return { results, succeeded, failed: results.length - succeeded }
    })
    deliverAfterCommit(services, afterCommit, outboxIds)
    return result
  })

  route(app, 'createUser', async ({ body, actor, services, now, transaction, requestId, afterCommit }) => {
    const { passwordHash } = await prepareCreateUser(actor, body)
    const { user, outboxIds } = await transaction((trx) =>
      createUser({ trx, services, actor, now, requestId }, body, passwordHash),
    )
    deliverAfterCommit(services, afterCommit, outboxIds)
    return user
  })

  route(app, 'getUser', async ({ db, actor, params, now }) => {
    if (params.id === actor.user.id) return toUserOne(db, actor.user, now, actor)
    if (!can(actor, 'users:read')) {
      throw new ProblemError('forbidden', { detail: 'You may read your own account only.' })
    }
    return toUserOne(db, await findUserInScope(db, actor, params.id), now, actor)
  })

  route(app, 'updateUser', async ({ body, actor, params, ifMatch, now, transaction, audit }) =>
    transaction(async (trx) => {
      const target = await findUserInScope(trx, actor, params.id)
      if (target.version !== ifMatch) throw versionMismatch()
      const updated = await applyUserPatch(new UserWrites(trx, actor, now, audit), target, body as UserPatch)
      return toUserOne(trx, updated, now, actor)
    }),
  )

  route(app, 'deleteUser', async ({ actor, params, now, transaction, audit }) => {
    await transaction(async (trx) => {
      const target = await findUserInScope(trx, actor, params.id)
      await deleteUserRow(new UserWrites(trx, actor, now, audit), target)
    })
    return undefined
  })

  route(app, 'setUserPassword', async ({ db, body, actor, params, now, transaction, audit }) => {
    if (params.id === actor.user.id) {
      throw new ProblemError('forbidden', {
        detail: 'Change your own password with your current one (POST /auth/password).',
      })
    }
    const policy = actor.settings.passwordPolicy
    // Read outside the transaction for the policy's context, read again inside to write.
    const first = await findUserInScope(db, actor, params.id)
    requireOutranks(actor, first)
    if (!first.enabled) {
      throw new ProblemError('status_not_allowed', {
        detail: 'Enable the account before setting its password.',
      })
    }
    const problems = passwordProblems(body.password, policy, {
      email: first.email,
      names: [first.first_name, first.last_name].filter(Boolean),
    })
    if (problems.length) {
      throw passwordTooWeak(problems, policy, 'password')
    }
    const passwordHash = await hashPassword(body.password)
    await transaction(async (trx) => {
      const target = await findUserInScope(trx, actor, params.id)
      requireOutranks(actor, target)
      const w = new UserWrites(trx, actor, now, audit)
      const status = userStatus(target, now)
      if (status === 'disabled') {
        throw new ProblemError('status_not_allowed', {
          detail: 'Enable the account before setting its password.',
        })
      }
      // A lapsed invitation freed its seat; the account it activates takes one again.
      if (status === 'expired' && actor.roles.takesSeat(target.role)) await w.requireSeat()
      const mustChange = body.mustChangePassword ?? policy.forceChangeAfterAdminSet
      await setMemberPassword(trx, target, passwordHash)
      await trx
        .updateTable('users')
        .set({
          activated_at: target.activated_at ?? now,
          invitation_expires_at: null,
          must_change_password: mustChange,
          version: target.version + 1,
        })
        .where('id', '=', target.id)
        .execute()
      const subject = { type: 'user' as const, id: target.id, label: target.email }
      if (!target.activated_at) {
        // The invitation link must not open an account that already has a password.
        const revoked = await trx
          .updateTable('invitations')
          .set({ status: 'revoked', revoked_at: now })
          .where('user_id', '=', target.id)
          .where('status', '=', 'pending')
          .returning('id')
          .execute()
        for (const invitation of revoked) {
          await audit(trx, {
            action: 'invitation.revoked',
            target: { type: 'invitation', id: invitation.id, label: target.email },
          })
        }
      }
      await audit(trx, {
        action: 'user.password_reset',
        target: subject,
        changes: {
          mustChangePassword: [target.must_change_password, mustChange],
          ...(target.activated_at ? {} : { status: [status, 'active'] }),
        },
      })
    })
    return undefined
  })
}

/** The targets of a bulk action that the actor may see, by id; the others are left out (404 each). */
async function usersById(
  db: Kysely<Database>,
  actor: Actor,
  ids: readonly string[],
): Promise<Map<string, UserRow>> {
  const valid = ids.filter(isUuid)
  if (valid.length === 0) return new Map()
  const rows = await db
    .selectFrom('users as u')
    .selectAll('u')
    .where('u.org_id', '=', actor.org.id)
    .where('u.id', 'in', valid)
    .where(usersInScope(actor))
    .execute()
  return new Map(rows.map((row) => [row.id, row]))
}
