import type { Meta, StoryObj } from '@storybook/react-vite'
import { mockDb, settled } from '@usher/story-mocks'
import type { ReactElement } from 'react'
import { expect, screen, userEvent, waitFor, within } from 'storybook/test'
import { UserTable } from '../../compose/user-table'

const meta = {
  title: 'Components/UserTable',
  component: UserTable,
  args: { searchDelay: 150 },
  parameters: {
    docs: {
      description: {
        component:
          "Every user of the organization: search, filters, sort, keyset infinite scroll with virtualized rows, row and bulk actions offered from the viewer’s permissions.\n\n```tsx\n<UsherProvider client={createUsherClient({ baseUrl: '/api/usher', token })}>\n  <UserTable extraColumns={[{ id: 'phone', header: 'Phone', cell: (u) => u.phone ?? '—' }]} />\n</UsherProvider>\n```",
      },
    },
  },
  play: settled,
} satisfies Meta<typeof UserTable>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

/** The rows once loaded (a virtualized window of them). */
async function rowsOf(canvasElement: HTMLElement) {
  const canvas = within(canvasElement)
  const table = await canvas.findByRole('table', {}, { timeout: 10_000 })
  await waitFor(() =>
    expect(table.querySelectorAll('[data-slot="user-table-row"]').length).toBeGreaterThan(0),
  )
  return { canvas, table }
}

const nameOf = (row: Element) => row.querySelector('[data-slot="user-table-full-name"]')?.textContent ?? ''

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const { canvas } = await rowsOf(canvasElement)
    expect(canvas.getByText('Camille Durand')).toBeInTheDocument()
  },
}

export const Loading: Story = {
  parameters: { usher: { faults: { users: 'loading' } } },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    expect(await within(canvasElement).findByText('Loading users…')).toBeInTheDocument()
  },
}

export const Empty: Story = {
  parameters: { usher: { empty: true } },
  play: async ({ canvasElement }) => {
    const { canvas } = await rowsOf(canvasElement)
    // Only the viewer: the list is never quite empty; a search that matches nobody is.
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search users' }), 'zzz')
    expect(await canvas.findByText('No users match')).toBeInTheDocument()
  },
}

export const ServerError: Story = {
  parameters: { usher: { faults: { users: 'error' } } },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    expect(await within(canvasElement).findByRole('alert')).toHaveTextContent(
      'The users could not be loaded.',
    )
  },
}

export const LongNamesAndEmails: Story = { parameters: { usher: { longNames: true } } }

export const AThousandRows: Story = {
  parameters: { usher: { userCount: 1_000 } },
  tags: ['!autodocs'],
}

export const TenThousandRows: Story = {
  args: { pageSize: 200 },
  parameters: { usher: { userCount: 10_000 } },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const { table } = await rowsOf(canvasElement)
    // Virtualized: a window of rows in the DOM, not 10,000.
    expect(table.querySelectorAll('[data-slot="user-table-row"]').length).toBeLessThan(100)
  },
}

export const SeatLimitReached: Story = { parameters: { usher: { seats: 'full' } }, tags: ['!autodocs'] }

/** Élodie Martin, an administrator scoped to "Clients Rhône-Alpes": only the people of her groups. */
export const ScopedAdmin: Story = { parameters: { usher: { viewer: 'admin' } } }

/** Hugo Moreau, a technician: no right to see the list. */
export const ReadOnlyViewer: Story = {
  parameters: { usher: { viewer: 'technician' } },
  play: async ({ canvasElement }) => {
    expect(await within(canvasElement).findByText('You cannot see the users list')).toBeInTheDocument()
  },
}

export const French: Story = { parameters: { usher: { locale: 'fr' } } }

export const Dark: Story = { parameters: { usher: { theme: 'dark' } } }

/** Two users selected, their role changed at once: each row says it. */
export const BulkRoleChange: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement, id }) => {
    const { canvas, table } = await rowsOf(canvasElement)
    const technicians = [...table.querySelectorAll('[data-slot="user-table-row"]')]
      .filter(
        (row) =>
          row.querySelector('[data-role="technician"]') && row.getAttribute('data-status') === 'active',
      )
      .slice(0, 2)
      .map(nameOf)
    expect(technicians).toHaveLength(2)
    for (const name of technicians)
      await userEvent.click(canvas.getByRole('checkbox', { name: `Select ${name}` }))
    const bar = canvas.getByRole('group', { name: 'Actions on the selected users' })
    await userEvent.click(within(bar).getByRole('button', { name: /Change role/ }))
    await userEvent.click(await canvas.findByRole('menuitem', { name: 'Administrator' }))
    // Asked first, naming the role and both people.
    const dialog = await screen.findByRole('alertdialog', { name: 'Make 2 users Administrator?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Make 2 users Administrator' }))
    expect(await canvas.findByText('Done for 2 users.')).toBeInTheDocument()
    const db = mockDb(id)
    for (const name of technicians) {
      expect(db.users.find((u) => `${u.firstName} ${u.lastName}` === name)?.role).toBe('admin')
    }
  },
}

/** Some rows fail on the server: the others go through, each failure is listed. */
export const ServerErrorsOnSomeRows: Story = {
  parameters: { usher: { faults: { bulkUsers: 'rows' } } },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const { canvas, table } = await rowsOf(canvasElement)
    const active = [...table.querySelectorAll('[data-slot="user-table-row"][data-status="active"]')]
      .filter((row) => !row.hasAttribute('data-self'))
      .slice(0, 2)
      .map(nameOf)
    for (const name of active) await userEvent.click(canvas.getByRole('checkbox', { name: `Select ${name}` }))
    const bar = canvas.getByRole('group', { name: 'Actions on the selected users' })
    await userEvent.click(within(bar).getByRole('button', { name: 'Disable…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Disable 2 users?' })
    await userEvent.click(within(dialog).getByRole('button', { name: 'Disable 2 users' }))
    expect(await canvas.findByText(/1 done, 1 failed/)).toBeInTheDocument()
  },
}

/** An expired invitation sent again from the row's menu: the row turns "Invited". */
export const ResendExpiredInvitation: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement, id }) => {
    const { canvas, table } = await rowsOf(canvasElement)
    const row = table.querySelector('[data-slot="user-table-row"][data-status="expired"]')
    if (!row) throw new Error('no expired invitation in the first rows')
    const name = nameOf(row)
    const email = mockDb(id).users.find((u) => `${u.firstName} ${u.lastName}` === name)?.email
    await userEvent.click(canvas.getByRole('button', { name: `Actions for ${name}` }))
    await userEvent.click(await canvas.findByRole('menuitem', { name: 'Resend invitation' }))
    expect(await canvas.findByText(`The invitation was sent again to ${email}.`)).toBeInTheDocument()
    await waitFor(() => expect(mockDb(id).users.find((u) => u.email === email)?.status).toBe('invited'))
  },
}

/** Two users selected, groups shared with both from the dialog. */
export const ShareGroupsWithTwoUsers: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const { canvas, table } = await rowsOf(canvasElement)
    const names = [...table.querySelectorAll('[data-slot="user-table-row"]')]
      .filter((row) => !row.hasAttribute('data-self'))
      .slice(0, 2)
      .map(nameOf)
    for (const name of names) await userEvent.click(canvas.getByRole('checkbox', { name: `Select ${name}` }))
    await userEvent.click(canvas.getByRole('button', { name: 'Share groups…' }))
    const dialog = await canvas.findByRole('dialog', { name: 'Shared groups — 2 users' })
    await within(dialog).findByRole('list', { name: 'Groups' })
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Northwind Logistics' }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByText(/Done for 2 users\./)).toBeInTheDocument()
  },
}

/**
 * A phone: the component laid out in a 375 px wide host (container queries follow the host's
 * width, so this is what a phone shows; Storybook's viewport toolbar shows the same with dialogs).
 */
const phoneWidth = (Story: () => ReactElement) => (
  <div style={{ width: 375, maxWidth: '100%' }}>
    <Story />
  </div>
)

/** At a phone's width each person is a card, with the same checkbox, "..." menu and groups link. */
export const Phone: Story = {
  decorators: [phoneWidth],
  globals: { viewport: { value: 'mobile1', isRotated: false } },
  play: async ({ canvasElement }) => {
    const { canvas, table } = await rowsOf(canvasElement)
    const row = table.querySelector('[data-slot="user-table-row"]') as HTMLElement
    const name = nameOf(row)
    // Everything a row offers is inside the card, and nothing is wider than the phone.
    expect(canvas.getByRole('button', { name: `Actions for ${name}` })).toBeVisible()
    expect(table.scrollWidth).toBeLessThanOrEqual(table.clientWidth + 1)
  },
}

/** The phone's cards in the dark theme. */
export const PhoneDark: Story = {
  ...Phone,
  parameters: { usher: { theme: 'dark' } },
  tags: ['!autodocs'],
}
