import type { EndpointDefinition } from '@usher/contract'
import type { Hono } from 'hono'
import type { UsherEnv } from '../app/env'
import { hashPassword, passwordProblems, passwordTooWeak, verifyPassword } from '../auth/passwords'
import type { UserRow } from '../db/schema'
import { accountByEmail, setAccountPassword } from '../domain/accounts'
import { displayName } from '../domain/audit'
import { clientIp, throttle, throttlePublic } from '../domain/auth-limits'
import {
  confirmPasswordReset,
  lookupPasswordReset,
  membershipsOfAddress,
  requestPasswordReset,
  signedIn,
} from '../domain/password-resets'
import { requireBuiltinAuth } from '../domain/sessions'
import { ProblemError } from '../http/problem-error'
import { type HandlerContext, route } from '../http/route'
import { deliverPending } from '../mail/mailer'

// Sign-in attempts are counted per address and per client over this window.
const LOGIN_WINDOW_SECONDS = 15 * 60

/**
 * A sign-in or a switch opens one membership: it is seen active now, and its organization's audit
 * says who signed in (the person themselves: no actor is signed in yet on a sign-in).
 */
async function openMembership(
  ctx: Pick<HandlerContext<EndpointDefinition>, 'transaction' | 'audit' | 'now'>,
  membershipId: string,
): Promise<UserRow> {
  return ctx.transaction(async (trx) => {
    const updated = await trx
      .updateTable('users')
      .set({ last_active_at: ctx.now })
      .where('id', '=', membershipId)
      .returningAll()
      .executeTakeFirstOrThrow()
    await ctx.audit(trx, {
      orgId: updated.org_id,
      actorOverride: { id: updated.id, name: displayName(updated), email: updated.email },
      action: 'user.signed_in',
      target: { type: 'user', id: updated.id, label: updated.email },
      changes: null,
    })
    return updated
  })
}

export function registerAuthRoutes(app: Hono<UsherEnv>) {
  route(app, 'login', async (ctx) => {
    const { c, services, body, now } = ctx
    requireBuiltinAuth(services)
    const limit = services.limits.loginAttempts
    const tooMany = 'Too many sign-in attempts; wait before trying again.'
    await throttle(services, `login:ip:${clientIp(c)}`, limit, LOGIN_WINDOW_SECONDS, now, tooMany)
    await throttle(services, `login:email:${body.email}`, limit, LOGIN_WINDOW_SECONDS, now, tooMany)

    // One account, one password: a single hash to check whatever the number of organizations.
    // An unknown address (or one only invited) costs one hash, like a wrong password.
    const account = await accountByEmail(ctx.db, body.email)
    const valid = await verifyPassword(account?.password_hash ?? null, body.password)
    if (!account || !valid) throw new ProblemError('invalid_credentials')
    const memberships = (await membershipsOfAddress(ctx.db, body.email, body.organization)).filter(
      (m) => m.activated_at,
    )
    // The organization named, or the one the person used last.
    const membership = memberships.find((m) => m.enabled)
    if (!membership) {
      if (memberships.length) throw new ProblemError('account_disabled')
      throw new ProblemError('invalid_credentials')
    }
    await services.rateLimits.reset(`login:email:${body.email}`)

    return signedIn(services, await openMembership(ctx, membership.id), account, now)
  })

  route(app, 'switchOrganization', async (ctx) => {
    const { services, actor, body, now } = ctx
    requireBuiltinAuth(services)
    const account = actor.account
    // Another organization of the same account, enabled and joined; any other answer is 404,
    // whether the organization does not exist or the person is not (or no longer) in it.
    const target = account
      ? (await membershipsOfAddress(ctx.db, account.email, body.organization)).find(
          (m) => m.enabled && m.activated_at,
        )
      : undefined
    if (!account || !target) {
      throw new ProblemError('not_found', { detail: 'Your account has no membership in this organization.' })
    }
    return signedIn(services, await openMembership(ctx, target.id), account, now)
  })

  route(app, 'requestPasswordReset', async (ctx) => {
    const { c, services, body, now } = ctx
    requireBuiltinAuth(services)
    await throttlePublic(c, services, now)
    // Per address too, so nobody can flood one mailbox with reset links.
    await throttle(
      services,
      `reset:${body.email}`,
      services.limits.loginAttempts,
      LOGIN_WINDOW_SECONDS,
      now,
      'Too many reset requests for this address; wait before trying again.',
    )
    const outboxIds = await ctx.transaction((trx) => requestPasswordReset(trx, services, body, now))
    if (outboxIds.length) {
      ctx.afterCommit(() =>
        deliverPending(services.db, services.mail.transport, services.mail.from, services.now, outboxIds),
      )
    }
    return undefined
  })

  route(app, 'lookupPasswordReset', async ({ c, services, db, query, now }) => {
    requireBuiltinAuth(services)
    // Public and keyed by a secret: counted like the other link pages, against guessing.
    await throttlePublic(c, services, now)
    return lookupPasswordReset(db, query.token, now)
  })

  route(app, 'confirmPasswordReset', async (ctx) => {
    const { c, services, body, now } = ctx
    requireBuiltinAuth(services)
    await throttlePublic(c, services, now)
    return confirmPasswordReset(services, body, now, ctx.transaction, ctx.audit)
  })

  route(app, 'changePassword', async (ctx) => {
    const { services, actor, body, now } = ctx
    requireBuiltinAuth(services)
    await throttle(
      services,
      `password:${actor.user.id}`,
      services.limits.loginAttempts,
      LOGIN_WINDOW_SECONDS,
      now,
      'Too many attempts; wait before trying again.',
    )
    const account = actor.account
    if (!account || !(await verifyPassword(account.password_hash, body.currentPassword))) {
      throw new ProblemError('invalid_credentials', { detail: 'The current password is wrong.' })
    }
    const policy = actor.settings.passwordPolicy
    const problems = passwordProblems(body.newPassword, policy, {
      email: actor.user.email,
      names: [actor.user.first_name, actor.user.last_name],
    })
    if (problems.length) {
      throw passwordTooWeak(problems, policy, 'newPassword')
    }
    const passwordHash = await hashPassword(body.newPassword)
    const done = await ctx.transaction(async (trx) => {
      // The account's password, so every organization's: every other session ends, whoever else
      // held one must sign in again.
      const signIn = await setAccountPassword(trx, account.id, passwordHash)
      const updated = await trx
        .updateTable('users')
        .set((eb) => ({ must_change_password: false, version: eb('version', '+', 1) }))
        .where('id', '=', actor.user.id)
        .returningAll()
        .executeTakeFirstOrThrow()
      await ctx.audit(trx, {
        action: 'user.updated',
        target: { type: 'user', id: updated.id, label: updated.email },
        changes: {
          password: ['(previous)', '(changed)'],
          ...(actor.user.must_change_password ? { mustChangePassword: [true, false] } : {}),
        },
      })
      return { updated, signIn }
    })
    await services.rateLimits.reset(`password:${actor.user.id}`)
    return signedIn(services, done.updated, done.signIn, now)
  })
}
