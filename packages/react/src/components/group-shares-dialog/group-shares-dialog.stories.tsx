import type { Meta, StoryObj } from '@storybook/react-vite'
import { mockDb, settled } from '@usher/story-mocks'
import { expect, userEvent, within } from 'storybook/test'
import { GroupSharesDialog, type GroupSharesDialogProps } from './group-shares-dialog'
import './group-shares-dialog.css'

/** The first group of the story's own database. */
function Dialog({ storyId, ...props }: Omit<GroupSharesDialogProps, 'groupId'> & { storyId: string }) {
  const group = mockDb(storyId).groups[0]
  return <GroupSharesDialog {...props} groupId={group?.id ?? ''} defaultOpen />
}

const meta = {
  title: 'Components/GroupSharesDialog',
  component: GroupSharesDialog,
  args: { groupId: '', defaultOpen: true },
  render: (args, { id }) => <Dialog {...args} storyId={id} />,
  parameters: {
    docs: {
      story: { inline: false, iframeHeight: 680 },
      description: {
        component:
          'Seed 002’s Groups tab: one group, the people it is shared with (permission changed or share removed in place), and people to add by name or email, shared in one request.\n\n```tsx\n<GroupSharesDialog groupId={group.id} trigger={<button type="button">Share…</button>} />\n```',
      },
    },
  },
  play: settled,
} satisfies Meta<typeof GroupSharesDialog>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

export const Default: Story = {}

/** Find two people, share with them as "Manage". */
export const ShareWithTwo: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body)
    const dialog = await body.findByRole('dialog', {}, { timeout: 10_000 })
    const found = await within(dialog).findByRole('list', { name: 'People found' }, { timeout: 10_000 })
    const boxes = within(found).getAllByRole('checkbox')
    for (const box of boxes.slice(0, 2)) await userEvent.click(box)
    await userEvent.selectOptions(within(dialog).getByLabelText('Permission'), 'manage')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Share with 2 people' }))
    expect(await within(dialog).findByText('Shared with 2 people.')).toBeInTheDocument()
  },
}

/** A technician may not share groups: the dialog says so. */
export const TechnicianViewer: Story = { parameters: { usher: { viewer: 'technician' } } }

export const French: Story = { parameters: { usher: { locale: 'fr' } } }
