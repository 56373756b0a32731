import { randomUUID } from 'node:crypto'
import type { ContactTopic, Locale, UserStatus } from '@usher/contract'
import type { Kysely } from 'kysely'
import type { UsherServer } from '../app/create-usher-server'
import { hashPassword } from '../auth/passwords'
import type { Database, UserRow } from '../db/schema'
import { type AuditInput, displayName, writeAudit } from '../domain/audit'
import { insertPerson, openInvitation } from '../domain/people'
import { addDays } from '../domain/time'
import { userStatus } from '../domain/users'
import { enqueueMail } from '../mail/mailer'
import { renderInvitationMail } from '../mail/templates'

/** Every demo account with a password signs in with this one (built-in sign-in). */
export const DEMO_PASSWORD = 'usher-demo-password'

/** The demo organizations' slugs: the seed skips an organization whose slug exists. */
export const DEMO_SLUGS = { fr: 'atelier-durand', en: 'northwind-support' } as const

type DemoState = 'active' | 'invited' | 'expired' | 'disabled'

interface PersonSpec {
  firstName: string
  lastName: string
  email: string
  role: 'owner' | 'admin' | 'technician'
  state: DemoState
  salutation?: 'mr' | 'ms' | 'mx'
  jobTitle?: string
  phone?: string
  /** Groups (by name) the person belongs to: an admin governs these and their subgroups. */
  memberOf?: string[]
  /** Groups (by name) shared with the person, and how. */
  shares?: Record<string, 'view' | 'manage'>
  contactFor?: string[]
  primaryContact?: boolean
  /** How long ago the account (or the invitation) was created. */
  daysAgo: number
  /** The one the demo app signs in as "the scoped admin" / "a technician". */
  pick?: 'admin' | 'technician'
}

interface GroupSpec {
  name: string
  description?: string
  children?: GroupSpec[]
}

interface OrganizationSpec {
  slug: string
  name: string
  locale: Locale
  seats: number
  topics: ContactTopic[]
  groups: GroupSpec[]
  /** The first one is the owner. */
  people: PersonSpec[]
}

const ATELIER_DURAND: OrganizationSpec = {
  slug: DEMO_SLUGS.fr,
  name: 'Atelier Durand Maintenance',
  locale: 'fr',
  seats: 8,
  topics: [
    { key: 'billing', label: 'Facturation' },
    { key: 'alerts', label: 'Alertes' },
    { key: 'maintenance', label: 'Maintenance' },
  ],
  groups: [
    {
      name: 'Clients Île-de-France',
      description: 'Contrats de maintenance en Île-de-France',
      children: [
        { name: 'Paris 11e', children: [{ name: 'Résidence Voltaire' }, { name: 'Boulangerie Oberkampf' }] },
        { name: 'Boulogne' },
        { name: 'Saint-Denis' },
      ],
    },
    {
      name: 'Clients Rhône',
      description: 'Agence de Lyon',
      children: [{ name: 'Lyon Part-Dieu' }, { name: 'Villeurbanne' }],
    },
    { name: 'Sous-traitants' },
  ],
  people: [
    {
      firstName: 'Camille',
      lastName: 'Durand',
      email: 'camille.durand@atelier-durand.example',
      role: 'owner',
      state: 'active',
      salutation: 'ms',
      jobTitle: 'Gérante',
      phone: '+33 1 43 55 20 10',
      contactFor: ['billing'],
      primaryContact: true,
      daysAgo: 120,
    },
    {
      firstName: 'Sophie',
      lastName: 'Lefèvre',
      email: 'sophie.lefevre@atelier-durand.example',
      role: 'admin',
      state: 'active',
      salutation: 'ms',
      jobTitle: 'Responsable d’agence Île-de-France',
      memberOf: ['Clients Île-de-France'],
      contactFor: ['alerts'],
      daysAgo: 110,
      pick: 'admin',
    },
    {
      firstName: 'Nathalie',
      lastName: 'Girard',
      email: 'nathalie.girard@atelier-durand.example',
      role: 'admin',
      state: 'active',
      salutation: 'ms',
      jobTitle: 'Responsable d’agence Rhône',
      memberOf: ['Clients Rhône'],
      daysAgo: 95,
    },
    {
      firstName: 'Lucas',
      lastName: 'Bernard',
      email: 'lucas.bernard@atelier-durand.example',
      role: 'technician',
      state: 'active',
      salutation: 'mr',
      jobTitle: 'Technicien de maintenance',
      phone: '+33 6 12 34 56 78',
      memberOf: ['Paris 11e'],
      shares: { 'Paris 11e': 'manage', Boulogne: 'view' },
      contactFor: ['alerts', 'maintenance'],
      daysAgo: 90,
      pick: 'technician',
    },
    {
      firstName: 'Léa',
      lastName: 'Petit',
      email: 'lea.petit@atelier-durand.example',
      role: 'technician',
      state: 'active',
      salutation: 'ms',
      jobTitle: 'Technicienne',
      memberOf: ['Lyon Part-Dieu'],
      shares: { 'Lyon Part-Dieu': 'view', Villeurbanne: 'view' },
      contactFor: ['maintenance'],
      daysAgo: 60,
    },
    {
      // A technician sees nothing until an admin shares customer groups with them.
      firstName: 'Hugo',
      lastName: 'Moreau',
      email: 'hugo.moreau@atelier-durand.example',
      role: 'technician',
      state: 'active',
      salutation: 'mr',
      jobTitle: 'Technicien',
      memberOf: ['Clients Île-de-France'],
      daysAgo: 2,
    },
    {
      firstName: 'Chloé',
      lastName: 'Roux',
      email: 'chloe.roux@atelier-durand.example',
      role: 'technician',
      state: 'invited',
      salutation: 'ms',
      memberOf: ['Boulogne'],
      daysAgo: 3,
    },
    {
      firstName: 'Manon',
      lastName: 'Chevalier',
      email: 'manon.chevalier@atelier-durand.example',
      role: 'technician',
      state: 'invited',
      memberOf: ['Villeurbanne'],
      daysAgo: 12,
    },
    {
      firstName: 'Thomas',
      lastName: 'Fournier',
      email: 'thomas.fournier@atelier-durand.example',
      role: 'technician',
      state: 'expired',
      salutation: 'mr',
      memberOf: ['Saint-Denis'],
      daysAgo: 45,
    },
    {
      firstName: 'Inès',
      lastName: 'Mercier',
      email: 'ines.mercier@atelier-durand.example',
      role: 'technician',
      state: 'disabled',
      salutation: 'ms',
      jobTitle: 'Technicienne',
      memberOf: ['Paris 11e'],
      shares: { 'Résidence Voltaire': 'view' },
      daysAgo: 200,
    },
    {
      firstName: 'Jean-Baptiste',
      lastName: 'd’Ornano',
      email: 'jb.dornano@atelier-durand.example',
      role: 'technician',
      state: 'active',
      salutation: 'mr',
      jobTitle: 'Frigoriste',
      memberOf: ['Sous-traitants'],
      shares: { 'Clients Rhône': 'view' },
      daysAgo: 30,
    },
  ],
}

const NORTHWIND: OrganizationSpec = {
  slug: DEMO_SLUGS.en,
  name: 'Northwind Support',
  locale: 'en',
  seats: 5,
  topics: [
    { key: 'billing', label: 'Billing' },
    { key: 'alerts', label: 'Alerts' },
    { key: 'maintenance', label: 'Maintenance' },
  ],
  groups: [
    {
      name: 'Customers London',
      description: 'Service contracts in Greater London',
      children: [{ name: 'Camden', children: [{ name: 'Camden Market' }] }, { name: 'Canary Wharf' }],
    },
    {
      name: 'Customers Manchester',
      children: [{ name: 'Salford Quays' }, { name: 'Northern Quarter' }],
    },
    { name: 'Partners' },
  ],
  people: [
    {
      firstName: 'Eleanor',
      lastName: 'Whitfield',
      email: 'eleanor.whitfield@northwind.example',
      role: 'owner',
      state: 'active',
      salutation: 'ms',
      jobTitle: 'Operations Director',
      phone: '+44 20 7946 0018',
      contactFor: ['billing'],
      primaryContact: true,
      daysAgo: 150,
    },
    {
      firstName: 'James',
      lastName: 'O’Connor',
      email: 'james.oconnor@northwind.example',
      role: 'admin',
      state: 'active',
      salutation: 'mr',
      jobTitle: 'London Service Manager',
      memberOf: ['Customers London'],
      contactFor: ['alerts'],
      daysAgo: 140,
      pick: 'admin',
    },
    {
      firstName: 'Oliver',
      lastName: 'Bennett',
      email: 'oliver.bennett@northwind.example',
      role: 'technician',
      state: 'active',
      salutation: 'mr',
      jobTitle: 'Field Engineer',
      phone: '+44 7700 900123',
      memberOf: ['Camden'],
      shares: { Camden: 'manage', 'Canary Wharf': 'view' },
      contactFor: ['alerts', 'maintenance'],
      daysAgo: 80,
      pick: 'technician',
    },
    {
      firstName: 'Amelia',
      lastName: 'Clarke',
      email: 'amelia.clarke@northwind.example',
      role: 'technician',
      state: 'active',
      salutation: 'ms',
      jobTitle: 'Field Engineer',
      memberOf: ['Salford Quays'],
      shares: { 'Salford Quays': 'view' },
      daysAgo: 70,
    },
    {
      firstName: 'Harry',
      lastName: 'Patel',
      email: 'harry.patel@northwind.example',
      role: 'technician',
      state: 'active',
      salutation: 'mr',
      memberOf: ['Customers London'],
      daysAgo: 1,
    },
    {
      firstName: 'Grace',
      lastName: 'Morgan',
      email: 'grace.morgan@northwind.example',
      role: 'technician',
      state: 'invited',
      salutation: 'ms',
      memberOf: ['Canary Wharf'],
      daysAgo: 5,
    },
    {
      firstName: 'George',
      lastName: 'Hughes',
      email: 'george.hughes@northwind.example',
      role: 'technician',
      state: 'expired',
      salutation: 'mr',
      memberOf: ['Northern Quarter'],
      daysAgo: 38,
    },
    {
      firstName: 'Emily',
      lastName: 'Watson',
      email: 'emily.watson@northwind.example',
      role: 'technician',
      state: 'disabled',
      salutation: 'ms',
      memberOf: ['Camden'],
      shares: { 'Camden Market': 'view' },
      daysAgo: 220,
    },
  ],
}

export interface DemoAccount {
  userId: string
  email: string
  name: string
  role: string
  status: UserStatus
  /** What to sign in with; null for accounts without a password (invited, expired). */
  password: string | null
}

export interface DemoOrganization {
  id: string
  slug: string
  name: string
  locale: Locale
  /** False when the organization was already there (the seed left it as it was). */
  created: boolean
  ownerId: string
  /** An admin who governs one subtree of groups only. */
  adminId: string
  /** An active technician with groups shared with them. */
  technicianId: string
  accounts: DemoAccount[]
}

export interface DemoSeedResult {
  password: string
  organizations: DemoOrganization[]
}

export interface SeedDemoOptions {
  /** "Now" for creation dates and invitation expiries. @default new Date() */
  now?: Date
  /** Where the demo serves its accept page: the seeded invitation emails link there. */
  acceptInvitationUrl?: string
  /** The product's name in those emails. @default 'Usher' */
  productName?: string
}

/**
 * Fills the demo: a French and an English organization with nested customer groups, an owner, a
 * group-scoped admin, technicians in every status (active, invited, expired, disabled), shares,
 * contact topics, and a technician with nothing shared yet. Idempotent: an organization whose slug
 * exists is left untouched, and its ids are returned all the same.
 */
export async function seedDemo(server: UsherServer, options: SeedDemoOptions = {}): Promise<DemoSeedResult> {
  await server.ready
  const now = options.now ?? new Date()
  const organizations: DemoOrganization[] = []
  for (const spec of [ATELIER_DURAND, NORTHWIND]) {
    organizations.push(await seedOrganization(server, spec, now, options))
  }
  return { password: DEMO_PASSWORD, organizations }
}

async function seedOrganization(
  server: UsherServer,
  spec: OrganizationSpec,
  now: Date,
  options: SeedDemoOptions,
): Promise<DemoOrganization> {
  const existing = await server.db
    .selectFrom('organizations')
    .select('id')
    .where('slug', '=', spec.slug)
    .executeTakeFirst()
  let orgId = existing?.id
  if (!orgId) orgId = await createOrganization(server, spec, now, options)
  return readDemoOrganization(server.db, spec, orgId, !existing, now)
}

async function createOrganization(
  server: UsherServer,
  spec: OrganizationSpec,
  now: Date,
  options: SeedDemoOptions,
): Promise<string> {
  const [ownerSpec, ...others] = spec.people
  if (!ownerSpec) throw new Error('unreachable: every demo organization has an owner')
  const { organization, owner } = await server.provision.createOrganization({
    name: spec.name,
    slug: spec.slug,
    settings: { seats: spec.seats, contactTopics: spec.topics },
    owner: {
      email: ownerSpec.email,
      firstName: ownerSpec.firstName,
      lastName: ownerSpec.lastName,
      locale: spec.locale,
      password: DEMO_PASSWORD,
    },
  })
  const orgId = organization.id
  const ownerCreatedAt = addDays(now, -ownerSpec.daysAgo)
  // One hash for every account: they share the documented demo password, and argon2id is slow
  // on purpose.
  const passwordHash = await hashPassword(DEMO_PASSWORD)
  const ownerActor = {
    id: owner.id,
    name: displayName({ first_name: owner.firstName, last_name: owner.lastName }),
    email: owner.email,
  }

  await server.db.transaction().execute(async (trx) => {
    // The demo's history starts with the organization, months ago.
    await trx
      .updateTable('organizations')
      .set({ created_at: ownerCreatedAt, activated_at: ownerCreatedAt })
      .where('id', '=', orgId)
      .execute()
    await trx
      .updateTable('users')
      .set({
        created_at: ownerCreatedAt,
        activated_at: ownerCreatedAt,
        last_active_at: addDays(now, -1),
        salutation: ownerSpec.salutation ?? null,
        job_title: ownerSpec.jobTitle ?? null,
        phone: ownerSpec.phone ?? null,
        contact_for: ownerSpec.contactFor ?? [],
        primary_contact: ownerSpec.primaryContact ?? false,
      })
      .where('id', '=', owner.id)
      .execute()
    await trx.updateTable('audit_events').set({ at: ownerCreatedAt }).where('org_id', '=', orgId).execute()

    const audit = (at: Date, event: Omit<AuditInput, 'orgId' | 'actorOverride'>) =>
      writeAudit(
        trx,
        { actor: null, requestId: null, now: at },
        { ...event, orgId, actorOverride: ownerActor },
      )

    const groupIds = new Map<string, string>()
    const insertGroups = async (groups: GroupSpec[], parentId: string | null, depth: number) => {
      for (const group of groups) {
        const id = randomUUID()
        const at = addDays(ownerCreatedAt, 1 + depth)
        await trx
          .insertInto('groups')
          .values({
            id,
            org_id: orgId,
            name: group.name,
            description: group.description ?? null,
            parent_id: parentId,
            created_at: at,
          })
          .execute()
        groupIds.set(group.name, id)
        await audit(at, { action: 'group.created', target: { type: 'group', id, label: group.name } })
        await insertGroups(group.children ?? [], id, depth + 1)
      }
    }
    await insertGroups(spec.groups, null, 0)
    const groupId = (name: string) => {
      const id = groupIds.get(name)
      if (!id) throw new Error(`Demo seed: no group named ${name}`)
      return id
    }

    // Oldest first, so the audit log reads in order.
    for (const person of [...others].sort((a, b) => b.daysAgo - a.daysAgo)) {
      const at = addDays(now, -person.daysAgo)
      const withPassword = person.state === 'active' || person.state === 'disabled'
      const row = await insertPerson(
        trx,
        {
          orgId,
          email: person.email,
          firstName: person.firstName,
          lastName: person.lastName,
          salutation: person.salutation ?? null,
          jobTitle: person.jobTitle ?? null,
          phone: person.phone ?? null,
          locale: spec.locale,
          role: person.role,
          contactFor: person.contactFor ?? [],
          primaryContact: person.primaryContact ?? false,
          source: withPassword ? 'manual' : 'invitation',
          passwordHash: withPassword ? passwordHash : null,
          groupIds: (person.memberOf ?? []).map(groupId),
        },
        at,
      )
      if (!row) throw new Error(`Demo seed: ${person.email} exists already`)
      const target = { type: 'user' as const, id: row.id, label: row.email }
      if (withPassword) {
        await audit(at, { action: 'user.created', target })
      } else {
        const lifetimeDays = organization.settings.invitationLifetimeDays
        await invite(
          trx,
          {
            row,
            organizationName: spec.name,
            timeZone: organization.settings.timeZone,
            lifetimeDays,
            inviter: ownerActor,
          },
          at,
          options,
        )
        await audit(at, { action: 'invitation.created', target })
      }
      const shares = Object.entries(person.shares ?? {})
      if (shares.length) {
        const sharedAt = addDays(at, 1)
        await trx
          .insertInto('shares')
          .values(
            shares.map(([name, permission]) => ({
              user_id: row.id,
              group_id: groupId(name),
              org_id: orgId,
              permission,
              created_at: sharedAt,
            })),
          )
          .execute()
        await audit(sharedAt, {
          action: 'shares.replaced',
          target,
          changes: { shares: [[], shares.map(([name, permission]) => ({ group: name, permission }))] },
        })
      }
      if (person.state === 'active') {
        await trx
          .updateTable('users')
          .set({ last_active_at: addDays(now, -(person.daysAgo % 4)) })
          .where('id', '=', row.id)
          .execute()
      }
      if (person.state === 'disabled') {
        const disabledAt = addDays(now, -14)
        await trx.updateTable('users').set({ enabled: false }).where('id', '=', row.id).execute()
        await audit(disabledAt, { action: 'user.disabled', target, changes: { enabled: [true, false] } })
      }
    }
  })
  return orgId
}

/**
 * Opens the invitation as of `at` (so the expired ones lapsed in the past, whatever the clock says
 * later) and puts its email in the outbox: the demo can follow the accept link.
 */
async function invite(
  trx: Kysely<Database>,
  input: {
    row: UserRow
    organizationName: string
    timeZone: string
    lifetimeDays: number
    inviter: { id: string; name: string }
  },
  at: Date,
  options: SeedDemoOptions,
) {
  const { invitation, token } = await openInvitation(
    trx,
    { user: input.row, invitedBy: input.inviter.id, lifetimeDays: input.lifetimeDays },
    at,
  )
  const base = options.acceptInvitationUrl ?? 'http://localhost:5173/accept-invitation'
  const link = `${base}${base.includes('?') ? '&' : '?'}token=${token}`
  const mail = renderInvitationMail({
    locale: input.row.locale === 'fr' ? 'fr' : 'en',
    productName: options.productName ?? 'Usher',
    organizationName: input.organizationName,
    timeZone: input.timeZone,
    inviterName: input.inviter.name,
    firstName: input.row.first_name,
    link,
    expiresAt: new Date(invitation.expires_at),
    message: null,
    reminder: false,
  })
  await enqueueMail(
    trx,
    {
      orgId: input.row.org_id,
      to: input.row.email,
      locale: input.row.locale,
      kind: 'invitation',
      link,
      ...mail,
    },
    at,
  )
}

/** The ids and accounts of a demo organization, read back from the database. */
async function readDemoOrganization(
  db: Kysely<Database>,
  spec: OrganizationSpec,
  orgId: string,
  created: boolean,
  now: Date,
): Promise<DemoOrganization> {
  const org = await db
    .selectFrom('organizations')
    .select(['id', 'slug', 'name'])
    .where('id', '=', orgId)
    .executeTakeFirstOrThrow()
  const rows = await db
    .selectFrom('users as u')
    .leftJoin('accounts as a', 'a.id', 'u.account_id')
    .selectAll('u')
    // The sign-in is the account's (shared with the person's other organizations).
    .select('a.password_hash')
    .where('u.org_id', '=', orgId)
    .where(
      'u.email',
      'in',
      spec.people.map((p) => p.email),
    )
    .execute()
  const byEmail = new Map(rows.map((row) => [row.email, row]))
  const accounts: DemoAccount[] = []
  for (const person of spec.people) {
    const row = byEmail.get(person.email)
    // Someone may have deleted or renamed a demo account since; the others still count.
    if (!row) continue
    const status = userStatus(row, now)
    accounts.push({
      userId: row.id,
      email: row.email,
      name: displayName(row),
      role: row.role,
      status,
      password: row.password_hash ? DEMO_PASSWORD : null,
    })
  }
  const idOf = (predicate: (p: PersonSpec) => boolean) => {
    const person = spec.people.find(predicate)
    const row = person ? byEmail.get(person.email) : undefined
    if (!row) throw new Error(`Demo seed: the demo account ${person?.email ?? ''} of ${spec.slug} is gone`)
    return row.id
  }
  return {
    id: org.id,
    slug: org.slug,
    name: org.name,
    locale: spec.locale,
    created,
    ownerId: idOf((p) => p.role === 'owner'),
    adminId: idOf((p) => p.pick === 'admin'),
    technicianId: idOf((p) => p.pick === 'technician'),
    accounts,
  }
}
