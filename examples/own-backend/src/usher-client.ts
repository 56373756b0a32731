import {
  buildMe,
  buildOrganization,
  buildUser,
  createPartialClient,
  type Group,
  type User,
  type UsherClient,
} from '@usher/react'
import type { Person } from '../server'

// Usher's table, invite form and shared groups over the host's own API: the methods those
// screens call, mapped onto the host's answers; createPartialClient answers the rest "not
// supported" and the screens hide what needs them (no bulk actions, no role change, no audit).

async function api<T>(path: string, init?: RequestInit): Promise<T> {
  const res = await fetch(`/api${path}`, { ...init, headers: { 'content-type': 'application/json' } })
  if (!res.ok) throw new Error(`${path}: ${res.status}`)
  return res.json() as Promise<T>
}

const organization = buildOrganization({ id: 'acme', name: 'Acme Support' })
let groupNames = new Map<string, string>()

function toUser({ sharedGroups, ...person }: Person): User {
  const expires = person.status === 'invited' ? new Date(Date.now() + 30 * 86_400_000).toISOString() : null
  return buildUser({ ...person, sharedGroupCount: sharedGroups.length, invitationExpiresAt: expires })
}

function sharesOf(p: Person, version = 1) {
  const items = p.sharedGroups.map((s) => ({ ...s, groupName: groupNames.get(s.groupId) ?? s.groupId }))
  return { userId: p.id, items, version }
}

export const usherClient: UsherClient = createPartialClient({
  me: { get: async () => buildMe({ user: toUser(await api<Person>('/me')), organization }) },
  users: {
    list: async (query = {}) => {
      const params = new URLSearchParams({ q: query.q ?? '', cursor: query.cursor ?? '0' })
      const page = await api<{ people: Person[]; next: string | null }>(`/people?${params}`)
      return { items: page.people.map(toUser), nextCursor: page.next }
    },
    get: async (id) => toUser(await api<Person>(`/people/${id}`)),
  },
  invitations: {
    create: async ({ invitations }) => {
      const results = await Promise.all(
        invitations.map(async ({ email, firstName, lastName = '', role }, index) => {
          const body = JSON.stringify({ email, firstName, lastName, role })
          try {
            const user = toUser(await api<Person>('/people', { method: 'POST', body }))
            const [expiresAt, sentAt] = [user.invitationExpiresAt ?? '', user.createdAt]
            const sent = {
              status: 'pending',
              invitedBy: null,
              expiresAt,
              lastSentAt: sentAt,
              sendCount: 1,
            } as const
            const invitation = { ...user, ...sent, userId: user.id }
            return { index, status: 'created' as const, invitation, user }
          } catch {
            const error = { code: 'email_taken' as const, message: `${email} is already a member.` }
            return { index, status: 'failed' as const, email, error }
          }
        }),
      )
      const created = results.filter((r) => r.status === 'created').length
      return { results, created, failed: results.length - created }
    },
  },
  groups: {
    list: async () => {
      const rows = await api<{ id: string; name: string }[]>('/groups')
      groupNames = new Map(rows.map((g) => [g.id, g.name]))
      const empty = { description: null, parentId: null, memberCount: 0, shareCount: 0, version: 1 }
      const items = rows.map((g): Group => ({ ...g, ...empty, createdAt: organization.createdAt }))
      return { items, nextCursor: null }
    },
  },
  shares: {
    get: async (userId) => sharesOf(await api<Person>(`/people/${userId}`)),
    replace: async (userId, { shares }, { ifMatch }) =>
      sharesOf(
        await api<Person>(`/people/${userId}/groups`, { method: 'PUT', body: JSON.stringify(shares) }),
        ifMatch + 1,
      ),
  },
})
