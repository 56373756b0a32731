import type { Meta, StoryObj } from '@storybook/react-vite'
import { mockDb, settled } from '@usher/story-mocks'
import type { ReactElement } from 'react'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { UserTable } from '../user-table'
import { InviteForm } from './invite-form'

const meta = {
  title: 'Components/InviteForm',
  component: InviteForm,
  args: { defaultRole: 'technician' },
  parameters: {
    docs: {
      description: {
        component:
          'Invite several people at once: one row each, a pasted list, per-row errors from the form and from the server, the seat counter.\n\n```tsx\n<InviteForm onInvited={({ created }) => toast(String(created))} />\n```',
      },
    },
  },
  play: settled,
} satisfies Meta<typeof InviteForm>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

/** A row's control by its label ("Email, row 2"). */
function field(root: HTMLElement, label: string, row: number): HTMLElement {
  const name = `${label}, row ${row}`
  const found = [...root.querySelectorAll('label')].find((el) => el.textContent === name)
  const control = found?.htmlFor ? root.ownerDocument.getElementById(found.htmlFor) : null
  if (!control) throw new Error(`No control labelled "${name}"`)
  return control
}

async function ready(canvasElement: HTMLElement) {
  const canvas = within(canvasElement)
  await canvas.findByRole('button', { name: 'Send invitations' }, { timeout: 10_000 })
  return canvas
}

async function fillRow(
  root: HTMLElement,
  row: number,
  person: { firstName: string; lastName: string; email: string },
) {
  await userEvent.type(field(root, 'First name', row), person.firstName)
  await userEvent.type(field(root, 'Last name', row), person.lastName)
  await userEvent.type(field(root, 'Email', row), person.email)
}

export const Default: Story = {}

export const Loading: Story = {
  parameters: { usher: { faults: { me: 'loading' } } },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    expect(await within(canvasElement).findByText(/Loading/)).toBeInTheDocument()
  },
}

export const LoadError: Story = { parameters: { usher: { faults: { me: 'error' } } }, tags: ['!autodocs'] }

/** Errors found before sending: a missing name, a bad address, a shared mailbox, a repeat. */
export const ValidationErrors: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await ready(canvasElement)
    await userEvent.type(field(canvasElement, 'Email', 1), 'not an address')
    await userEvent.click(canvas.getByRole('button', { name: '+ Add another person' }))
    await userEvent.type(field(canvasElement, 'Email', 2), 'support@acme.fr')
    await userEvent.click(canvas.getByRole('button', { name: 'Send invitations' }))
    await waitFor(() => expect(field(canvasElement, 'Email', 1)).toHaveAttribute('aria-invalid', 'true'))
    expect(field(canvasElement, 'Email', 2)).toHaveAttribute('aria-invalid', 'true')
  },
}

/** Three rows sent at once: two created, one refused by the server (the address is taken). */
export const InviteSeveralOneFailing: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement, id }) => {
    const canvas = await ready(canvasElement)
    await fillRow(canvasElement, 1, { firstName: 'Léa', lastName: 'Fontaine', email: 'lea.fontaine@acme.fr' })
    await userEvent.click(canvas.getByRole('button', { name: '+ Add another person' }))
    await fillRow(canvasElement, 2, {
      firstName: 'Élodie',
      lastName: 'Martin',
      email: 'elodie.martin@acme.fr',
    })
    await userEvent.click(canvas.getByRole('button', { name: '+ Add another person' }))
    await fillRow(canvasElement, 3, {
      firstName: 'Oliver',
      lastName: 'Hughes',
      email: 'oliver.hughes@acme.fr',
    })
    await userEvent.click(canvas.getByRole('button', { name: 'Send invitations' }))
    expect(await canvas.findByText('2 invitations sent, 1 needs attention')).toBeInTheDocument()
    expect(mockDb(id).users.some((u) => u.email === 'lea.fontaine@acme.fr' && u.status === 'invited')).toBe(
      true,
    )
  },
}

/** A list pasted from an email: names and addresses fill the rows. */
export const PasteAList: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = await ready(canvasElement)
    await userEvent.click(canvas.getByRole('button', { name: 'Paste a list' }))
    const dialog = await canvas.findByRole('dialog', { name: 'Paste a list of addresses' })
    await userEvent.click(within(dialog).getByLabelText('Addresses'))
    await userEvent.paste(
      'Léa Fontaine <lea.fontaine@acme.fr>; "Hughes, Oliver" <oliver.hughes@acme.fr>\nnoemie.girard@acme.fr',
    )
    await userEvent.click(within(dialog).getByRole('button', { name: 'Add to the form' }))
    expect(await canvas.findByText(/3 people added to the form\./)).toBeInTheDocument()
    expect(field(canvasElement, 'Email', 2)).toHaveValue('oliver.hughes@acme.fr')
  },
}

/** Every other row fails on the server (a 500 per row): the form keeps them with their error. */
export const ServerErrorsOnSomeRows: Story = {
  parameters: { usher: { faults: { invitations: 'rows' } } },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = await ready(canvasElement)
    await fillRow(canvasElement, 1, { firstName: 'Léa', lastName: 'Fontaine', email: 'lea.fontaine@acme.fr' })
    await userEvent.click(canvas.getByRole('button', { name: '+ Add another person' }))
    await fillRow(canvasElement, 2, {
      firstName: 'Oliver',
      lastName: 'Hughes',
      email: 'oliver.hughes@acme.fr',
    })
    await userEvent.click(canvas.getByRole('button', { name: 'Send invitations' }))
    expect(await canvas.findByText('1 invitation sent, 1 needs attention')).toBeInTheDocument()
  },
}

/** The whole request fails (500): the rows stay, an alert says why. */
export const ServerError: Story = {
  parameters: { usher: { faults: { invitations: 'error' } } },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = await ready(canvasElement)
    await fillRow(canvasElement, 1, { firstName: 'Léa', lastName: 'Fontaine', email: 'lea.fontaine@acme.fr' })
    await userEvent.click(canvas.getByRole('button', { name: 'Send invitations' }))
    expect(await canvas.findByRole('alert')).toBeInTheDocument()
  },
}

export const SeatLimitReached: Story = { parameters: { usher: { seats: 'full' } }, tags: ['!autodocs'] }

/** Élodie Martin, an administrator: only her groups to choose from, and no owner role. */
export const ScopedAdmin: Story = { parameters: { usher: { viewer: 'admin' } } }

/** Hugo Moreau, a technician: may not invite. */
export const ReadOnlyViewer: Story = { parameters: { usher: { viewer: 'technician' } } }

export const French: Story = { parameters: { usher: { locale: 'fr' } } }

export const Dark: Story = { parameters: { usher: { theme: 'dark' } } }

/** The form above the table, on one in-memory API: an invitation appears in the list. */
export const InvitedAppearInTheTable: Story = {
  tags: ['!autodocs'],
  render: (args) => (
    <div style={{ display: 'grid', gap: '2rem' }}>
      <InviteForm {...args} />
      <UserTable searchDelay={100} />
    </div>
  ),
  play: async ({ canvasElement }) => {
    const canvas = await ready(canvasElement)
    await fillRow(canvasElement, 1, { firstName: 'Anaïs', lastName: 'Aubert', email: 'anais.aubert@acme.fr' })
    await userEvent.click(canvas.getByRole('button', { name: 'Send invitations' }))
    expect(await canvas.findByText('1 invitation sent')).toBeInTheDocument()
    await userEvent.type(canvas.getByRole('searchbox', { name: 'Search users' }), 'anais.aubert')
    expect(await canvas.findByText('Anaïs Aubert')).toBeInTheDocument()
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

/** At a phone's width: one field a line, each as wide as the form. */
export const Phone: Story = {
  decorators: [phoneWidth],
  globals: { viewport: { value: 'mobile1', isRotated: false } },
}

/** The phone's form in the dark theme. */
export const PhoneDark: Story = {
  ...Phone,
  parameters: { usher: { theme: 'dark' } },
  tags: ['!autodocs'],
}
