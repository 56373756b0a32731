import { screen } from '@testing-library/react'
import type { ListUsersQuery, User } from '@usher/contract'
import { isUsherApiError } from '@usher/sdk'
import { describe, expect, it } from 'vitest'
import { renderWithUsher } from '../../test/render'
import { InviteForm } from '../components/invite-form'
import { UserTable } from '../compose/user-table'
import { buildMe, buildUser } from './builders'
import {
  createPartialClient,
  isSupported,
  isUsherNotSupportedError,
  UsherNotSupportedError,
} from './partial-client'

// A host's own users table, in memory: the only backend these components get.
const people: User[] = [
  buildUser({ id: 'u1', email: 'ada@host.example', firstName: 'Ada', lastName: 'Lovelace', role: 'owner' }),
  buildUser({ id: 'u2', email: 'alan@host.example', firstName: 'Alan', lastName: 'Turing' }),
  buildUser({
    id: 'u3',
    email: 'grace@host.example',
    firstName: 'Grace',
    lastName: 'Hopper',
    status: 'disabled',
  }),
]
const me = { get: async () => buildMe({ user: people[0] as User }) }
// Two per page, so listAll has to follow the cursor.
const users = {
  list: async (query: ListUsersQuery = {}) => {
    const start = Number(query.cursor ?? 0)
    const items = people.slice(start, start + 2)
    return { items, nextCursor: start + 2 < people.length ? String(start + 2) : null }
  },
}

describe('given a host backend with only some methods', () => {
  it('answers the missing ones with a typed "not supported"', async () => {
    const client = createPartialClient({ me, users })
    const failure = await client.users.bulk({ action: 'disable', userIds: ['u2'] }).catch((e: unknown) => e)
    expect(failure).toBeInstanceOf(UsherNotSupportedError)
    expect(isUsherApiError(failure)).toBe(true)
    expect(isUsherNotSupportedError(failure)).toBe(true)
    expect(failure).toMatchObject({ code: 'method_not_allowed', status: 405, method: 'users.bulk' })
    expect(isSupported(client, 'users.list')).toBe(true)
    expect(isSupported(client, 'users.bulk')).toBe(false)
    const iterate = async () => {
      for await (const _ of client.audit.listAll()) break
    }
    await expect(iterate()).rejects.toThrow('This backend does not support audit.listAll.')
    // Methods the interface gains later are "not supported" too, never "not a function".
    const later = client as unknown as { reports: { weekly: { run(): Promise<unknown> } } }
    await expect(later.reports.weekly.run()).rejects.toThrow(
      'This backend does not support reports.weekly.run.',
    )
  })

  it('derives listAll from list, and the built-in roles when roles.list is missing', async () => {
    const client = createPartialClient({ me, users })
    const all: string[] = []
    for await (const user of client.users.listAll()) all.push(user.id)
    expect(all).toEqual(['u1', 'u2', 'u3'])
    const roles = await client.roles.list()
    expect(roles.items.map((r) => r.key)).toEqual(['owner', 'admin', 'technician'])
  })

  it('leaves out of me.get the permissions whose methods the backend lacks', async () => {
    const readOnly = await createPartialClient({ me, users }).me.get()
    expect(readOnly.permissions).toEqual(['users:read'])
    const inviting = await createPartialClient({
      me,
      users,
      invitations: { create: async () => ({ results: [], created: 0, failed: 0 }) },
    }).me.get()
    expect(inviting.permissions).toEqual(['users:read', 'users:invite'])
  })

  it('shows the table from the host’s rows, with no actions the backend cannot take', async () => {
    renderWithUsher(<UserTable />, { client: createPartialClient({ me, users }) })
    expect(await screen.findByText('grace@host.example')).toBeInTheDocument()
    expect(screen.getByText('ada@host.example')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Actions for/ })).not.toBeInTheDocument()
  })

  it('offers the row menu once the backend can update people', async () => {
    const client = createPartialClient({
      me,
      users: { ...users, update: async (_id, patch) => ({ ...(people[1] as User), ...patch }) as User },
    })
    renderWithUsher(<UserTable />, { client })
    expect(await screen.findByRole('button', { name: 'Actions for Alan Turing' })).toBeInTheDocument()
  })

  it('tells an inviter the form is not available when the backend cannot invite', async () => {
    renderWithUsher(<InviteForm />, { client: createPartialClient({ me, users }) })
    expect(await screen.findByText(/You cannot invite people/)).toBeInTheDocument()
  })
})
