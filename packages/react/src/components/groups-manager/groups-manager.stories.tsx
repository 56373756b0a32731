import type { Meta, StoryObj } from '@storybook/react-vite'
import { settled } from '@usher/story-mocks'
import { expect, userEvent, within } from 'storybook/test'
import '../group-shares-dialog/group-shares-dialog.css'
import { GroupsManager } from '../../compose/groups-manager'
import './groups-manager.css'

const meta = {
  title: 'Components/GroupsManager',
  component: GroupsManager,
  parameters: {
    docs: {
      description: {
        component:
          'Seeds 002 and 003: the groups as a tree — add one (at the top or under another), rename, move, delete an empty one, and share one with people.\n\n```tsx\n<GroupsManager />\n```',
      },
    },
  },
  play: settled,
} satisfies Meta<typeof GroupsManager>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

export const Default: Story = {}

/** Add a group at the top level: it appears in the tree. */
export const AddGroup: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(await canvas.findByLabelText('Name', {}, { timeout: 10_000 }), 'Clients Marseille')
    await userEvent.click(canvas.getByRole('button', { name: 'Add the group' }))
    expect(await canvas.findByText('Clients Marseille was added.')).toBeInTheDocument()
    const tree = canvas.getByRole('list', { name: 'Groups' })
    expect(within(tree).getByRole('button', { name: 'Rename Clients Marseille' })).toBeInTheDocument()
  },
}

/** A technician sees the groups shared with them, without controls. */
export const TechnicianViewer: Story = { parameters: { usher: { viewer: 'technician' } } }

export const Empty: Story = { parameters: { usher: { empty: true } } }

export const French: Story = { parameters: { usher: { locale: 'fr' } } }
