import type { Group, User } from '@usher/contract'
import { FIXTURE_NOW, makeUsers, seededUuid } from '@usher/fixtures'
import type { MockScenario, Viewer } from './scenario'

const DAY = 86_400_000

/** The people the toolbar's viewers are, by their address. */
export const VIEWER_EMAILS: Readonly<Record<Viewer, string>> = {
  owner: 'camille.durand@acme.fr',
  admin: 'elodie.martin@acme.fr',
  operator: 'nadia.benali@acme.fr',
  technician: 'hugo.moreau@acme.fr',
}

const named = (base: User, patch: Partial<User>): User => ({ ...base, ...patch })

const activeNow = {
  status: 'active',
  invitationId: null,
  invitationExpiresAt: null,
  lastActiveAt: FIXTURE_NOW.toISOString(),
} as const

/**
 * The story organization's people, from the shared fixtures: the three viewers first (Camille
 * Durand, owner; Élodie Martin, admin of "Clients Rhône-Alpes"; Hugo Moreau, technician in Lyon),
 * then the long names when asked, then everyone else. Every ninth of the others who would be a
 * technician is an operator (the demo's host role), so lists and badges show one; the first of
 * them is Nadia Benali, active in Lyon, the toolbar's operator viewer.
 */
export function storyPeople(scenario: MockScenario, groups: readonly Group[], random: () => number): User[] {
  const groupIds = groups.map((g) => g.id)
  const [rhoneAlpes, lyon] = [groups[1] as Group, groups[2] as Group]
  const base = makeUsers((scenario.empty ? 0 : (scenario.userCount ?? 40)) + 3, { groupIds })
  const [a, b, c] = base as [User, User, User]
  const viewers = [
    named(a, { firstName: 'Camille', lastName: 'Durand', email: VIEWER_EMAILS.owner, role: 'owner' }),
    named(b, {
      firstName: 'Élodie',
      lastName: 'Martin',
      email: VIEWER_EMAILS.admin,
      role: 'admin',
      groupIds: [rhoneAlpes.id],
      ...activeNow,
    }),
    named(c, {
      firstName: 'Hugo',
      lastName: 'Moreau',
      email: VIEWER_EMAILS.technician,
      role: 'technician',
      groupIds: [lyon.id],
      ...activeNow,
    }),
  ]
  const long: User[] = scenario.longNames
    ? [
        named(base[3] ?? a, {
          id: seededUuid(random),
          firstName: 'Marie-Anne-Sophie-Charlotte',
          lastName: 'de La Tour d’Auvergne-Lauraguais de Montmorency',
          email:
            'marie-anne-sophie-charlotte.de-la-tour-dauvergne-lauraguais@maintenance-industrielle-du-grand-ouest.fr',
          role: 'technician',
          status: 'invited',
          invitationId: seededUuid(random),
          invitationExpiresAt: new Date(FIXTURE_NOW.getTime() + 5 * DAY).toISOString(),
        }),
        named(base[4] ?? a, {
          id: seededUuid(random),
          firstName: 'Bartholomew Alexander',
          lastName: 'Worthington-Fairweather-Smythe',
          email: 'bartholomew.alexander.worthington-fairweather-smythe@northwind-logistics.co.uk',
          role: 'admin',
          status: 'expired',
          invitationId: seededUuid(random),
          invitationExpiresAt: new Date(FIXTURE_NOW.getTime() - 2 * DAY).toISOString(),
        }),
      ]
    : []
  const others = base
    .slice(3)
    .map((user, i) =>
      user.role === 'technician' && i % 9 === 4 ? { ...user, role: 'operator', sharedGroupCount: 0 } : user,
    )
  const operator = others.findIndex((user) => user.role === 'operator')
  if (operator !== -1) {
    others[operator] = named(others[operator] as User, {
      firstName: 'Nadia',
      lastName: 'Benali',
      email: VIEWER_EMAILS.operator,
      groupIds: [lyon.id],
      ...activeNow,
    })
  }
  return [...viewers, ...long, ...others]
}

/** A person the API has just invited, from their invitation row (the rest as the fixtures have it). */
export function invitedPerson(
  template: User,
  row: {
    email: string
    salutation?: User['salutation'] | undefined
    firstName: string
    lastName?: string | undefined
    phone?: string | null | undefined
    role: string
    groupIds?: string[] | undefined
    contactFor?: string[] | undefined
    locale?: User['locale'] | undefined
  },
  ids: { id: string; invitationId: string; expiresAt: string; createdAt: string },
): User {
  return {
    ...template,
    id: ids.id,
    salutation: row.salutation ?? null,
    firstName: row.firstName,
    lastName: row.lastName ?? '',
    nickname: null,
    email: row.email,
    phone: row.phone ?? null,
    mobile: null,
    jobTitle: null,
    department: null,
    description: null,
    externalId: null,
    locale: row.locale ?? 'fr',
    role: row.role,
    status: 'invited',
    invitationId: ids.invitationId,
    invitationExpiresAt: ids.expiresAt,
    contactFor: row.contactFor ?? [],
    groupIds: row.groupIds ?? [],
    sharedGroupCount: 0,
    primaryContact: false,
    assignedAgentId: null,
    mustChangePassword: false,
    source: 'invitation',
    createdAt: ids.createdAt,
    lastActiveAt: null,
    version: 1,
  }
}
