import type { Hono } from 'hono'
import type { UsherEnv } from '../app/env'
import { hashPassword, passwordProblems, passwordTooWeak, verifyPassword } from '../auth/passwords'
import { displayName } from '../domain/audit'
import { clientIp, throttle, throttlePublic } from '../domain/auth-limits'
import {
  accountsOf,
  confirmPasswordReset,
  lookupPasswordReset,
  requestPasswordReset,
  signedIn,
} from '../domain/password-resets'
import { requireBuiltinAuth } from '../domain/sessions'
import { ProblemError } from '../http/problem-error'
import { route } from '../http/route'
import { deliverPending } from '../mail/mailer'

// Sign-in attempts are counted per address and per client over this window.
const LOGIN_WINDOW_SECONDS = 15 * 60

export function registerAuthRoutes(app: Hono<UsherEnv>) {
  route(app, 'login', async (ctx) => {
    const { c, services, body, now } = ctx
    requireBuiltinAuth(services)
    const limit = services.limits.loginAttempts
    const tooMany = 'Too many sign-in attempts; wait before trying again.'
    await throttle(services, `login:ip:${clientIp(c)}`, limit, LOGIN_WINDOW_SECONDS, now, tooMany)
    await throttle(services, `login:email:${body.email}`, limit, LOGIN_WINDOW_SECONDS, now, tooMany)

    const accounts = await accountsOf(ctx.db, body.email, body.organization)
    const withPassword = accounts.filter((a) => a.password_hash)
    // An unknown address (or one only invited) costs one hash, like a wrong password.
    if (withPassword.length === 0) await verifyPassword(null, body.password)
    const matched = []
    for (const account of withPassword) {
      if (await verifyPassword(account.password_hash, body.password)) matched.push(account)
    }
    const [account, ...others] = matched
    if (!account) throw new ProblemError('invalid_credentials')
    if (others.length) {
      throw new ProblemError('conflict', {
        detail: 'This address has accounts in several organizations: give the organization to sign in to.',
        field: 'organization',
      })
    }
    if (!account.enabled) throw new ProblemError('account_disabled')
    await services.rateLimits.reset(`login:email:${body.email}`)

    const user = await ctx.transaction(async (trx) => {
      const updated = await trx
        .updateTable('users')
        .set({ last_active_at: now })
        .where('id', '=', account.id)
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
    return signedIn(services, user, now)
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
    if (!(await verifyPassword(actor.user.password_hash, body.currentPassword))) {
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
    const user = await ctx.transaction(async (trx) => {
      const updated = await trx
        .updateTable('users')
        .set((eb) => ({
          password_hash: passwordHash,
          must_change_password: false,
          // Every other session of this account ends: whoever else held one must sign in again.
          session_epoch: eb('session_epoch', '+', 1),
          version: eb('version', '+', 1),
        }))
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
      return updated
    })
    await services.rateLimits.reset(`password:${actor.user.id}`)
    return signedIn(services, user, now)
  })
}
