import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import type { ListUsersQuery, Me, Page, User } from '@usher/contract'
import type { UsherClient } from '@usher/sdk'
import { describe, expect, it } from 'vitest'
import { renderWithUsher } from '../../../test/render'
import { UserTable } from './user-table'

const TOTAL = 10_000
const ROW_HEIGHT = 56
const PAGE = 1_000
const ORG = '00000000-0000-4000-8000-000000000000'
const id = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`

function person(n: number): User {
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
function fakeClient(): { client: UsherClient; requests: ListUsersQuery[] } {
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

describe('given 10,000 users', () => {
  it('loads them page by page and keeps only a window of rows in the DOM', async () => {
    const { client, requests } = fakeClient()
    const started = performance.now()
    renderWithUsher(<UserTable pageSize={PAGE} rowHeight={ROW_HEIGHT} />, { client })
    const table = await screen.findByRole('table', { name: 'Users' })
    const rows = () => within(table).getAllByRole('row').slice(1)
    await waitFor(() => expect(rows().length).toBeGreaterThan(0))
    const firstRender = performance.now() - started

    // Scroll to the end of what is loaded, page after page, as a person scrolling would.
    for (let page = 1; page < TOTAL / PAGE; page++) {
      table.scrollTop = page * PAGE * ROW_HEIGHT - 640
      fireEvent.scroll(table)
      const loaded = `${((page + 1) * PAGE).toLocaleString('en')} users loaded`
      await waitFor(() => expect(screen.getByText(loaded)).toBeInTheDocument())
    }
    // Every page is in: the full size is known and announced.
    await waitFor(() => expect(table).toHaveAttribute('aria-rowcount', String(TOTAL + 1)))
    expect(requests).toHaveLength(TOTAL / PAGE)

    // Jump to the middle: the rows there are rendered, with their true position.
    table.scrollTop = 5_000 * ROW_HEIGHT
    fireEvent.scroll(table)
    await waitFor(() => expect(within(table).getByText('Person 05000')).toBeInTheDocument())
    const shown = rows()
    const indexes = shown.map((row) => Number(row.getAttribute('aria-rowindex')))
    expect(shown.length).toBeLessThan(40)
    expect(Math.min(...indexes)).toBeGreaterThan(4_950)
    expect(Math.max(...indexes)).toBeLessThan(5_050)
    expect(within(table).queryByText('Person 00000')).not.toBeInTheDocument()
    // The table's body keeps the full height, so the scrollbar stands for all 10,000 rows.
    const body = table.querySelector('[data-slot="user-table-body"]') as HTMLElement
    expect(body.style.height).toBe(`${TOTAL * ROW_HEIGHT}px`)
    console.info(
      `UserTable, ${TOTAL} loaded rows in jsdom: ${shown.length} rows in the DOM; first render ${Math.round(firstRender)} ms`,
    )
  })

  it('selects all loaded users at once', async () => {
    const { client } = fakeClient()
    renderWithUsher(<UserTable pageSize={2_000} />, { client })
    const table = await screen.findByRole('table', { name: 'Users' })
    fireEvent.click(within(table).getByRole('checkbox', { name: 'Select all loaded users' }))
    expect(screen.getByRole('group', { name: 'Actions on the selected users' })).toHaveTextContent(
      '2,000 selected',
    )
  })
})
