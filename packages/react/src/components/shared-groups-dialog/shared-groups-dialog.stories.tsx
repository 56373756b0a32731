import type { Meta, StoryObj } from '@storybook/react-vite'
import { expectPhoneSheet, mockDb, PHONE_GLOBALS, settled } from '@usher/story-mocks'
import { expect, userEvent, within } from 'storybook/test'
import { SharedGroupsDialog, type SharedGroupsDialogProps } from './shared-groups-dialog'

/** Hugo Moreau, the technician of the fixtures. */
const hugo = (storyId: string) => [mockDb(storyId).viewer('technician').id]
/** Hugo and the next technician of the list. */
const twoTechnicians = (storyId: string) => {
  const [first] = hugo(storyId)
  const other = mockDb(storyId).users.find(
    (u) => u.role === 'technician' && u.id !== first && u.status === 'active',
  )
  return [first, other?.id].filter((id): id is string => Boolean(id))
}

/** The dialog for `who` in the story's own database (a docs page shows several stories at once). */
function Dialog({
  who,
  storyId,
  ...props
}: Omit<SharedGroupsDialogProps, 'userIds'> & { who: (storyId: string) => string[]; storyId: string }) {
  return <SharedGroupsDialog {...props} userIds={who(storyId)} defaultOpen />
}

const meta = {
  title: 'Components/SharedGroupsDialog',
  component: SharedGroupsDialog,
  args: { userIds: [], defaultOpen: true },
  render: (args, { id }) => <Dialog {...args} storyId={id} who={hugo} />,
  parameters: {
    docs: {
      story: { inline: false, iframeHeight: 640 },
      description: {
        component:
          'Which customer groups people may see: a searchable nested list with a permission per group, for one user (one request, guarded by its version) or many (share / remove at once).\n\n```tsx\n<SharedGroupsDialog userIds={[user.id]} trigger={<button type="button">Groups</button>} />\n```',
      },
    },
  },
  play: settled,
} satisfies Meta<typeof SharedGroupsDialog>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

export const OneUser: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const dialog = await canvas.findByRole(
      'dialog',
      { name: 'Shared groups — Hugo Moreau' },
      { timeout: 10_000 },
    )
    expect(await within(dialog).findByRole('list', { name: 'Groups' })).toBeInTheDocument()
  },
}

/**
 * A phone (Storybook's small mobile viewport): the dialog is a full-height sheet as wide as the
 * window, and nothing in it is wider.
 */
export const Phone: Story = {
  globals: PHONE_GLOBALS,
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const dialog = await canvas.findByRole(
      'dialog',
      { name: 'Shared groups — Hugo Moreau' },
      { timeout: 10_000 },
    )
    await within(dialog).findByRole('list', { name: 'Groups' })
    expectPhoneSheet(dialog)
  },
}

export const TwoUsers: Story = {
  render: (args, { id }) => <Dialog {...args} storyId={id} who={twoTechnicians} />,
}

/** Two users: two groups shared with both, one with "manage"; the results list each user. */
export const ShareWithTwoUsers: Story = {
  render: (args, { id }) => <Dialog {...args} storyId={id} who={twoTechnicians} />,
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const dialog = await canvas.findByRole('dialog', { name: 'Shared groups — 2 users' }, { timeout: 10_000 })
    await within(dialog).findByRole('list', { name: 'Groups' })
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Mairie de Nantes' }))
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Northwind Logistics' }))
    await userEvent.selectOptions(
      within(dialog).getByRole('combobox', { name: 'Permission for Northwind Logistics' }),
      'manage',
    )
    const summary = within(dialog).getByRole('region', { name: 'What will change' })
    expect(within(summary).getByText('Share 1 group with 2 users (View)')).toBeInTheDocument()
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByText(/Done for 2 users\./)).toBeInTheDocument()
  },
}

export const Loading: Story = {
  parameters: { usher: { faults: { groups: 'loading' } } },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    expect(await within(canvasElement).findByText('Loading groups…')).toBeInTheDocument()
  },
}

export const LoadError: Story = {
  parameters: { usher: { faults: { groups: 'error' } } },
  tags: ['!autodocs'],
}

/** The save fails (500): the dialog stays open with an alert. */
export const SaveError: Story = {
  parameters: { usher: { faults: { shares: 'error' } } },
  tags: ['!autodocs'],
}

/** Some users fail on the server during a bulk share: the results say who. */
export const ServerErrorsOnSomeRows: Story = {
  render: (args, { id }) => <Dialog {...args} storyId={id} who={twoTechnicians} />,
  parameters: { usher: { faults: { bulkShares: 'rows' } } },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const dialog = await canvas.findByRole('dialog', { name: 'Shared groups — 2 users' }, { timeout: 10_000 })
    await within(dialog).findByRole('list', { name: 'Groups' })
    await userEvent.click(within(dialog).getByRole('checkbox', { name: 'Mairie de Nantes' }))
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByRole('alert')).toBeInTheDocument()
  },
}

/** Hugo Moreau looks at his own shares: read-only. */
export const ReadOnlyViewer: Story = { parameters: { usher: { viewer: 'technician' } } }

export const French: Story = { parameters: { usher: { locale: 'fr' } } }

export const Dark: Story = { parameters: { usher: { theme: 'dark' } } }
