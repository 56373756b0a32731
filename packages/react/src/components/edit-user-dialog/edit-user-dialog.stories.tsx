import type { Meta, StoryObj } from '@storybook/react-vite'
import { mockDb, settled } from '@usher/story-mocks'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import '../invite-form/invite-form.css'
import { EditUserDialog, type EditUserDialogProps } from './edit-user-dialog'
import './edit-user-dialog.css'

/** Hugo Moreau, the technician of the fixtures, in the story's own database. */
function Dialog({ storyId, ...props }: Omit<EditUserDialogProps, 'userId'> & { storyId: string }) {
  return <EditUserDialog {...props} userId={mockDb(storyId).viewer('technician').id} defaultOpen />
}

const meta = {
  title: 'Components/EditUserDialog',
  component: EditUserDialog,
  args: { userId: '', defaultOpen: true },
  render: (args, { id }) => <Dialog {...args} storyId={id} />,
  parameters: {
    docs: {
      story: { inline: false, iframeHeight: 760 },
      description: {
        component:
          'One person’s record: name, nickname, contact details, job title, department, description, SSO id, language, role, groups, "contact for", primary contact, enabled and "change the password at the next sign-in". Sends only what changed, guarded by the version it was read at.\n\n```tsx\n<EditUserDialog userId={user.id} open={open} onOpenChange={setOpen} />\n```',
      },
    },
  },
  play: settled,
} satisfies Meta<typeof EditUserDialog>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

export const Default: Story = {}

/** The owner gives Hugo a nickname and a department; the dialog closes once saved. */
export const EditAndSave: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body)
    const dialog = await body.findByRole('dialog', { name: 'Edit Hugo Moreau' }, { timeout: 10_000 })
    await userEvent.type(await within(dialog).findByLabelText('Nickname'), 'Hugo M.')
    await userEvent.type(within(dialog).getByLabelText('Department'), 'Maintenance')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(body.queryByRole('dialog', { name: 'Edit Hugo Moreau' })).toBeNull())
  },
}

/** A field that does not pass: its message, and nothing sent. */
export const InvalidPhone: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body)
    const dialog = await body.findByRole('dialog', { name: 'Edit Hugo Moreau' }, { timeout: 10_000 })
    await userEvent.type(await within(dialog).findByLabelText('Phone'), 'call me')
    await userEvent.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByText('Enter a valid phone number.')).toBeInTheDocument()
  },
}

/** A technician may not edit people: the dialog says so. */
export const TechnicianViewer: Story = { parameters: { usher: { viewer: 'technician' } } }

export const Loading: Story = {
  parameters: { usher: { faults: { users: 'loading' } } },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body)
    expect(await body.findByText('Loading…', {}, { timeout: 10_000 })).toBeInTheDocument()
  },
}

export const LoadError: Story = {
  parameters: { usher: { faults: { users: 'error' } } },
  tags: ['!autodocs'],
}

export const French: Story = { parameters: { usher: { locale: 'fr' } } }
