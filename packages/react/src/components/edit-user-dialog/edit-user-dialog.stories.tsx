import type { Meta, StoryObj } from '@storybook/react-vite'
import type { AuditEvent } from '@usher/contract'
import { expectPhoneSheet, mockDb, PHONE_GLOBALS, STORY_HEADER, settled } from '@usher/story-mocks'
import { HttpResponse, http } from 'msw'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import { EditUserDialog as ShippedEditUserDialog } from '../../compose/edit-user-dialog'
import '../audit-log/audit-log.css'
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

/** A phone (small mobile viewport): the dialog is a full-height sheet, its tabs and fields within it. */
export const Phone: Story = {
  globals: PHONE_GLOBALS,
  play: async ({ canvasElement }) => {
    const body = within(canvasElement.ownerDocument.body)
    const dialog = await body.findByRole('dialog', { name: 'Edit Hugo Moreau' }, { timeout: 10_000 })
    await within(dialog).findByLabelText('Nickname')
    expectPhoneSheet(dialog)
  },
}

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

/** Opens the dialog's tab `name` once the record is loaded, as a click on it would. */
async function openTab(canvasElement: HTMLElement, name: string) {
  const body = within(canvasElement.ownerDocument.body)
  const dialog = await body.findByRole('dialog', { name: 'Edit Hugo Moreau' }, { timeout: 10_000 })
  await userEvent.click(await within(dialog).findByRole('tab', { name }))
  return within(dialog).getByRole('tabpanel', { name })
}

/**
 * The Password tab: the owner sets Hugo's password under the organization's policy, and by
 * default Hugo must choose his own at the next sign-in. The set is answered here (204).
 */
export const PasswordTab: Story = {
  parameters: {
    msw: {
      handlers: {
        password: [http.post('*/users/:id/password', () => new HttpResponse(null, { status: 204 }))],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const panel = within(await openTab(canvasElement, 'Password'))
    expect(panel.getByRole('list', { name: 'Password rules' })).toBeInTheDocument()
    expect(
      panel.getByRole('checkbox', { name: 'Ask them to choose their own password at the next sign-in' }),
    ).toBeChecked()
    await userEvent.type(panel.getByLabelText('New password'), 'violet harbour lantern 84')
    await userEvent.click(panel.getByRole('button', { name: 'Set password' }))
    expect(
      await panel.findByText('Password set for Hugo Moreau, who must change it at the next sign-in.'),
    ).toBeInTheDocument()
  },
}

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString()

/** What `GET /audit` answers for Hugo in the History story (the mock API keeps no audit trail). */
function hugoHistory(storyId: string): AuditEvent[] {
  const db = mockDb(storyId)
  const hugo = db.viewer('technician')
  const owner = db.viewer('owner')
  const actor = { id: owner.id, name: `${owner.firstName} ${owner.lastName}`, email: owner.email }
  const target = { type: 'user' as const, id: hugo.id, label: hugo.email }
  const event = (n: number, minutes: number, rest: Partial<AuditEvent>): AuditEvent => ({
    id: `00000000-0000-4000-8000-0000000002${String(n).padStart(2, '0')}`,
    at: minutesAgo(minutes),
    action: 'user.updated',
    actor,
    target,
    changes: null,
    requestId: null,
    ...rest,
  })
  return [
    event(1, 30, { action: 'user.updated', changes: { department: [null, 'Maintenance'] } }),
    event(2, 600, { action: 'user.role_changed', changes: { role: ['admin', 'technician'] } }),
    event(3, 3000, { action: 'invitation.accepted', actor: { ...actor, id: hugo.id, email: hugo.email } }),
    event(4, 4000, { action: 'invitation.created' }),
  ]
}

/** The History tab of the dialog as it ships: Hugo's own events, newest first, without filters. */
export const HistoryTab: Story = {
  render: (args, { id }) => (
    <ShippedEditUserDialog {...args} userId={mockDb(id).viewer('technician').id} defaultOpen />
  ),
  parameters: {
    msw: {
      handlers: {
        audit: [
          http.get('*/audit', ({ request }) => {
            const storyId = request.headers.get(STORY_HEADER) ?? ''
            return HttpResponse.json({ items: hugoHistory(storyId), nextCursor: null })
          }),
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const panel = within(await openTab(canvasElement, 'History'))
    // Newest first, each event a sentence (with what changed as a nested list).
    expect(await panel.findByText(/accepted the invitation/)).toBeInTheDocument()
    expect(panel.getAllByRole('listitem').length).toBeGreaterThanOrEqual(4)
    expect(panel.queryByRole('combobox')).toBeNull()
  },
}
