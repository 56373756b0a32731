import { randomUUID } from 'node:crypto'
import type { UsherServer } from '@usher/server'

/** Where the server that declares the host's roles is mounted, beside the plain one. */
export const HOST_ROLES_PREFIX = '/host-roles'

export interface WorldOptions {
  seats?: number | null
  /** How many extra technicians to create (active). */
  technicians?: number
  /**
   * Also invite two technicians by email (Nina Petit, pending; Léo Girard, whose link has already
   * expired) and return their links' tokens, read from the server's outbox.
   */
  invite?: boolean
  /** Also request a password reset for the technician and return the link's token. */
  reset?: boolean
  /** false: the team is left not activated, once the people and groups exist. */
  activated?: boolean
  /**
   * On the server that declares the host's roles (`HOST_ROLES` of @usher/fixtures: the operator);
   * reach it with `clientFor(token, { hostRoles: true })`.
   */
  hostRoles?: boolean
  /** Also mark the technician as created from an incoming email (`source: email`). */
  technicianFromEmail?: boolean
}

export interface InvitedPerson {
  id: string
  userId: string
  email: string
  token: string
}

export interface World {
  orgId: string
  tokens: { owner: string; admin: string; technician: string }
  users: { owner: string; admin: string; technician: string }
  groups: { paris: string; lyon: string; parisNord: string }
  emails: { owner: string; admin: string; technician: string }
  /** The password of the admin and technicians (not the owner, who has none). */
  password: string
  /** With `invite`: the invited people and their links' tokens. */
  invitations?: { pending: InvitedPerson; expired: InvitedPerson }
  /** With `reset`: the token of a password reset link for the technician. */
  resetToken?: string
}

const PASSWORD = 'correct horse battery staple 42'

/** The token of the newest link mailed to `email` (the outbox keeps every email). */
async function mailedToken(usher: UsherServer, email: string): Promise<string> {
  const row = await usher.db
    .selectFrom('outbox')
    .select(['link'])
    .where('to_address', '=', email)
    .orderBy('created_at', 'desc')
    .executeTakeFirstOrThrow()
  const token = row.link?.match(/[?&]token=([\w-]+)/)?.[1]
  if (!token) throw new Error(`no token in the link mailed to ${email}`)
  return token
}

/** A fresh organization for one test: runs on the Node side (global setup), reached over HTTP. */
export async function createWorld(usher: UsherServer, options: WorldOptions = {}): Promise<World> {
  const tag = randomUUID().slice(0, 8)
  const { organization, owner } = await usher.provision.createOrganization({
    name: `Atelier ${tag}`,
    settings: {
      seats: options.seats ?? null,
      contactTopics: [
        { key: 'billing', label: 'Billing' },
        { key: 'alerts', label: 'Alerts' },
      ],
    },
    owner: {
      email: `camille.durand.${tag}@atelier.test`,
      firstName: 'Camille',
      lastName: 'Durand',
      locale: 'fr',
    },
  })
  const ownerToken = await usher.provision.token({
    userId: owner.id,
    orgId: organization.id,
    expiresInSeconds: 3600,
  })
  const call = async <T>(method: string, path: string, body: unknown, token = ownerToken): Promise<T> => {
    const res = await usher.request(path, {
      method,
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    })
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`)
    return (await res.json()) as T
  }
  const paris = await call<{ id: string }>('POST', '/groups', { name: 'Clients Paris' })
  const parisNord = await call<{ id: string }>('POST', '/groups', { name: 'Paris Nord', parentId: paris.id })
  const lyon = await call<{ id: string }>('POST', '/groups', { name: 'Clients Lyon' })
  const emailOf = (firstName: string, lastName: string) =>
    `${firstName}.${lastName}.${tag}@atelier.test`
      .toLowerCase()
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .replace(/\s+/g, '-')
  const create = (firstName: string, lastName: string, role: string, groupIds: string[]) =>
    call<{ id: string }>('POST', '/users', {
      firstName,
      lastName,
      email: emailOf(firstName, lastName),
      role,
      groupIds,
      password: PASSWORD,
      mustChangePassword: false,
    })
  const admin = await create('Élodie', 'Martin', 'admin', [paris.id])
  const technician = await create('Hugo', 'Moreau', 'technician', [parisNord.id])
  for (let i = 0; i < (options.technicians ?? 0); i++)
    await create('Tech', `Numero ${'abcdefghij'[i % 10]}${i}`, 'technician', [lyon.id])
  if (options.technicianFromEmail) {
    await usher.db.updateTable('users').set({ source: 'email' }).where('id', '=', technician.id).execute()
  }
  const token = (userId: string) =>
    usher.provision.token({ userId, orgId: organization.id, expiresInSeconds: 3600 })
  const emails = {
    owner: owner.email,
    admin: emailOf('Élodie', 'Martin'),
    technician: emailOf('Hugo', 'Moreau'),
  }

  let invitations: World['invitations']
  if (options.invite) {
    const invite = async (firstName: string, lastName: string): Promise<InvitedPerson> => {
      const email = emailOf(firstName, lastName)
      const answer = await call<{ results: Array<{ invitation?: { id: string; userId: string } }> }>(
        'POST',
        '/invitations',
        { invitations: [{ firstName, lastName, email, role: 'technician', groupIds: [parisNord.id] }] },
      )
      const invitation = answer.results[0]?.invitation
      if (!invitation) throw new Error(`invite ${email}: ${JSON.stringify(answer)}`)
      return { id: invitation.id, userId: invitation.userId, email, token: await mailedToken(usher, email) }
    }
    const pending = await invite('Nina', 'Petit')
    const expired = await invite('Léo', 'Girard')
    // The test server has no clock to move: the link's lifetime is made to have run out already.
    const past = new Date(Date.now() - 24 * 3600 * 1000)
    await usher.db.updateTable('invitations').set({ expires_at: past }).where('id', '=', expired.id).execute()
    await usher.db
      .updateTable('users')
      .set({ invitation_expires_at: past })
      .where('id', '=', expired.userId)
      .execute()
    invitations = { pending, expired }
  }

  let resetToken: string | undefined
  if (options.reset) {
    const res = await usher.request('/auth/password-reset', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ email: emails.technician }),
    })
    if (!res.ok) throw new Error(`password reset: ${res.status} ${await res.text()}`)
    resetToken = await mailedToken(usher, emails.technician)
  }

  if (options.activated === false) {
    await usher.db
      .updateTable('organizations')
      .set({ activated_at: null })
      .where('id', '=', organization.id)
      .execute()
  }

  return {
    orgId: organization.id,
    tokens: { owner: ownerToken, admin: await token(admin.id), technician: await token(technician.id) },
    users: { owner: owner.id, admin: admin.id, technician: technician.id },
    groups: { paris: paris.id, lyon: lyon.id, parisNord: parisNord.id },
    emails,
    password: PASSWORD,
    ...(invitations ? { invitations } : {}),
    ...(resetToken ? { resetToken } : {}),
  }
}
