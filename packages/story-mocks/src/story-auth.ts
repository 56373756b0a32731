import {
  DEFAULT_PASSWORD_POLICY,
  type InvitationLookup,
  type LoginResult,
  type PasswordResetLookup,
  passwordRulesBroken,
} from '@usher/contract'
import { MockApiError } from './errors'
import type { MockDb } from './mock-db'
import { route } from './route'

/**
 * Links and sign-ins the stories use. A link token (43 characters) names its fate by its start:
 * `storyToken('expired')`; a token starting otherwise is unknown.
 */
export type StoryLink = 'pending' | 'expired' | 'revoked' | 'used' | 'unknown'
export function storyToken(kind: StoryLink): string {
  return kind.padEnd(43, '0')
}
/** The password every story account signs in with. */
export const STORY_PASSWORD = 'Lavande-Soleil-2026'
/** Hugo Moreau's password, set by an administrator: signing in leads to the change-password step. */
export const STORY_TEMPORARY_PASSWORD = 'Temporaire-2026'
/** An address whose account belongs to two organizations: after the sign-in the person picks one. */
export const STORY_SHARED_EMAIL = 'camille@atelier.test'
export const STORY_ORGANIZATION = 'atelier-durand'
/** The shared address's other organization, beside the story one. */
const STORY_OTHER_ORGANIZATION = {
  id: '6f1d2c3b-4a5e-4f60-8a7b-9c0d1e2f3a4b',
  name: 'Atelier Durand',
  slug: STORY_ORGANIZATION,
}
/** The story organization's policy: stricter than the default, so the stories show it is the one read. */
export const STORY_PASSWORD_POLICY = { ...DEFAULT_PASSWORD_POLICY, minLength: 14, requireDigit: true }

const HOUR = 3_600_000
const DAY = 24 * HOUR

function linkOf(token: string): StoryLink {
  const kind = (['pending', 'expired', 'revoked', 'used'] as const).find((k) => token === storyToken(k))
  return kind ?? 'unknown'
}

function lookupOf(db: MockDb): InvitationLookup {
  return {
    status: 'pending',
    organization: { name: db.organization().name },
    invitedBy: { name: 'Camille Durand' },
    email: 'ninon.petit@acme.fr',
    salutation: null,
    firstName: 'Ninon',
    lastName: 'Petit',
    role: 'technician',
    locale: 'en',
    expiresAt: new Date(db.now.getTime() + 5 * DAY).toISOString(),
    passwordPolicy: { ...DEFAULT_PASSWORD_POLICY, requireDigit: true, minStrength: 3 },
    existingAccount: false,
  }
}

function resetLookupOf(db: MockDb): PasswordResetLookup {
  const viewer = db.present(db.viewer('technician'))
  return {
    organization: { name: db.organization().name },
    email: viewer.email,
    firstName: viewer.firstName,
    lastName: viewer.lastName,
    locale: 'en',
    activation: false,
    expiresAt: new Date(db.now.getTime() + HOUR).toISOString(),
    passwordPolicy: STORY_PASSWORD_POLICY,
  }
}

/** What the server says of a refused password: the policy applied and what was broken. */
function refuseWeak(password: string, context: { email?: string; names?: string[] } = {}) {
  const broken = passwordRulesBroken(password, STORY_PASSWORD_POLICY, context)
  if (broken.length === 0) return
  throw new MockApiError('password_too_weak', undefined, {
    passwordPolicy: STORY_PASSWORD_POLICY,
    passwordProblems: broken,
  })
}

function session(db: MockDb, token: string) {
  return { token, expiresAt: new Date(db.now.getTime() + DAY).toISOString() }
}

function loginResult(db: MockDb, token: 'owner' | 'technician', mustChangePassword = false): LoginResult {
  const user = db.present(db.viewer(token))
  const org = db.organization()
  return {
    session: session(db, token),
    user,
    mustChangePassword,
    passwordPolicy: STORY_PASSWORD_POLICY,
    // The mock knows one organization: the account belongs to it alone.
    memberships: [
      { userId: user.id, role: user.role, organization: { id: org.id, name: org.name, slug: org.slug } },
    ],
  }
}

/** The public endpoints: invitation links, sign-in, password reset and change. */
export function authHandlers(base?: string) {
  return [
    route(
      'lookupInvitation',
      'invitations',
      ({ db, query }) => {
        const link = linkOf(query.token)
        if (link === 'revoked') throw new MockApiError('invitation_revoked')
        if (link === 'used') throw new MockApiError('invitation_used')
        if (link === 'unknown') throw new MockApiError('invitation_not_found')
        const lookup = lookupOf(db)
        return link === 'expired'
          ? {
              ...lookup,
              status: 'expired' as const,
              expiresAt: new Date(db.now.getTime() - DAY).toISOString(),
            }
          : lookup
      },
      base,
    ),
    route(
      'acceptInvitation',
      'invitations',
      ({ db, body }) => {
        const link = linkOf(body.token)
        if (link !== 'pending') {
          throw new MockApiError(link === 'unknown' ? 'invitation_not_found' : `invitation_${link}`)
        }
        const lookup = lookupOf(db)
        if (passwordRulesBroken(body.password, lookup.passwordPolicy).length) {
          throw new MockApiError('password_too_weak')
        }
        const invited = db.users.find((u) => db.statusOf(u) === 'invited')
        if (!invited) throw new MockApiError('invitation_not_found')
        const user = {
          ...invited,
          firstName: body.firstName,
          lastName: body.lastName ?? '',
          email: lookup.email,
          status: 'active' as const,
          invitationId: null,
          invitationExpiresAt: null,
        }
        db.replaceUser(user)
        return { user: db.present(user), session: session(db, 'technician') }
      },
      base,
    ),
    route(
      'login',
      'auth',
      ({ db, body }) => {
        if (body.email === STORY_SHARED_EMAIL && body.password === STORY_PASSWORD) {
          const result = loginResult(db, 'owner')
          return {
            ...result,
            memberships: [
              ...result.memberships,
              {
                userId: '7a2e3d4c-5b6f-4a71-9b8c-0d1e2f3a4b5c',
                role: 'technician',
                organization: STORY_OTHER_ORGANIZATION,
              },
            ],
          }
        }
        if (body.email === 'hugo.moreau@acme.fr' && body.password === STORY_TEMPORARY_PASSWORD) {
          return loginResult(db, 'technician', true)
        }
        const known = body.email === STORY_SHARED_EMAIL || db.users.some((u) => u.email === body.email)
        if (!known || body.password !== STORY_PASSWORD) throw new MockApiError('invalid_credentials')
        return loginResult(db, 'owner')
      },
      base,
    ),
    route('requestPasswordReset', 'auth', () => undefined, base),
    route(
      'lookupPasswordReset',
      'auth',
      ({ db, query }) => {
        if (linkOf(query.token) !== 'pending') throw new MockApiError('reset_token_invalid')
        return resetLookupOf(db)
      },
      base,
    ),
    route(
      'confirmPasswordReset',
      'auth',
      ({ db, body }) => {
        if (linkOf(body.token) !== 'pending') throw new MockApiError('reset_token_invalid')
        const person = resetLookupOf(db)
        refuseWeak(body.password, { email: person.email, names: [person.firstName, person.lastName] })
        return loginResult(db, 'owner')
      },
      base,
    ),
    route(
      'changePassword',
      'auth',
      ({ db, body }) => {
        if (body.currentPassword !== STORY_TEMPORARY_PASSWORD && body.currentPassword !== STORY_PASSWORD) {
          throw new MockApiError('invalid_credentials')
        }
        refuseWeak(body.newPassword)
        return loginResult(db, 'technician')
      },
      base,
    ),
    // The mock holds one organization: a switch answers its session again.
    route('switchOrganization', 'auth', ({ db }) => loginResult(db, 'owner'), base),
    route('listMemberships', 'me', ({ db }) => ({ items: loginResult(db, 'owner').memberships }), base),
  ]
}
