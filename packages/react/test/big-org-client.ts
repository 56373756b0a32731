import type { ListUsersQuery, Me, Page, User } from '@usher/contract'
import type { UsherClient } from '@usher/sdk'

const ORG = '00000000-0000-4000-8000-000000000000'
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

export function person(n: number): User {
  const statuses = ['active', 'invited', 'expired', 'disabled'] as const
  const status = statuses[n % 4] ?? 'active'
  return {
    id: id(n + 1),
    salutation: null,
    firstName: 'Person',
    lastName: String(n).padStart(5, '0'),
    nickname: null,
    email: `person.${n}@example.test`,
    phone: null,
    mobile: null,
    jobTitle: null,
    department: null,
    description: null,
    externalId: null,
    locale: 'en',
    role: n % 10 === 0 ? 'admin' : 'technician',
    status,
    invitationId: status === 'invited' || status === 'expired' ? id(100_000 + n) : null,
    invitationExpiresAt:
      status === 'invited'
        ? '2030-01-01T00:00:00.000Z'
        : status === 'expired'
          ? '2020-01-01T00:00:00.000Z'
          : null,
    contactFor: [],
    groupIds: [],
    sharedGroupCount: n % 3,
    primaryContact: false,
    assignedAgentId: null,
    mustChangePassword: false,
    source: 'import',
    createdAt: '2024-01-01T00:00:00.000Z',
    lastActiveAt: status === 'active' ? '2025-06-01T00:00:00.000Z' : null,
    version: 1,
  }
}

/**
 * A host's own backend (the UsherClient interface, implemented in memory) holding 10,000 people,
 * served 1,000 per page: only what the table reads is implemented.
 */
export function fakeClient(TOTAL = 10_000): { client: UsherClient; requests: ListUsersQuery[] } {
  const everyone = Array.from({ length: TOTAL }, (_, n) => person(n))
  const owner = {
    ...person(0),
    id: id(0),
    firstName: 'Olivia',
    lastName: 'Owner',
    role: 'owner',
    status: 'active',
  }
  const requests: ListUsersQuery[] = []
  const me = {
    user: owner,
    organization: { id: ORG, name: 'Big Org' },
    permissions: ['users:read', 'users:invite', 'users:update', 'users:delete', 'shares:manage'],
    seats: { used: 9000, allowed: null },
    counts: { users: TOTAL + 1, operators: 9000 },
  } as unknown as Me
  const client = {
    me: { get: async () => me },
    roles: { list: async () => ({ items: [] }) },
    groups: {
      // No groups in this organization.
      listAll: async function* () {},
    },
    users: {
      list: async (query: ListUsersQuery = {}): Promise<Page<User>> => {
        requests.push(query)
        const start = query.cursor ? Number(query.cursor) : 0
        const end = Math.min(start + Number(query.limit ?? 50), TOTAL)
        return { items: everyone.slice(start, end), nextCursor: end < TOTAL ? String(end) : null }
      },
    },
  } as unknown as UsherClient
  return { client, requests }
}
