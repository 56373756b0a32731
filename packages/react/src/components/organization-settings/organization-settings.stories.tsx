import type { Meta, StoryObj } from '@storybook/react-vite'
import type { MailProblemList } from '@usher/contract'
import { settled, usherHandlers } from '@usher/story-mocks'
import { HttpResponse, http } from 'msw'
import { expect, userEvent, within } from 'storybook/test'
import { OrganizationSettings } from './organization-settings'
import './organization-settings.css'

const meta = {
  title: 'Components/OrganizationSettings',
  component: OrganizationSettings,
  parameters: {
    docs: {
      description: {
        component:
          'The organization’s settings: team name, invitation lifetime, refused mailboxes (with a test box), password policy, “contact for” topics, time zone, the plan’s seats, people from incoming email and the mail pipeline’s tokens. The owner edits and saves them (If-Match) and manages the tokens; others read them.\n\n```tsx\n<OrganizationSettings onSaved={() => toast("Saved")} />\n```',
      },
    },
  },
  play: settled,
} satisfies Meta<typeof OrganizationSettings>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

/** The owner: every setting editable. */
export const Default: Story = {}

/** The test box answers with the list as it stands. */
export const TryAnAddress: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(
      await canvas.findByLabelText('Try an address', {}, { timeout: 10_000 }),
      'maintenance@acme.fr',
    )
    expect(await canvas.findByText('maintenance@acme.fr would be refused.')).toBeInTheDocument()
  },
}

/** An admin reads the settings and cannot change them. */
export const ReadOnly: Story = { parameters: { usher: { viewer: 'admin' } } }

export const French: Story = { parameters: { usher: { locale: 'fr' } } }

const PROBLEMS: MailProblemList = {
  total: 2,
  gaveUp: 1,
  items: [
    {
      id: '5b0c1e0e-4a51-4a7e-9a57-7c1f0e2b9a01',
      to: 'nina.petit@atelier-durand.example',
      kind: 'invitation',
      subject: 'Olivia Owner invited you to join Atelier Durand on Usher',
      attempts: 6,
      lastError: '550 5.1.1 mailbox unavailable',
      createdAt: '2026-12-01T08:00:00.000Z',
      nextAttemptAt: null,
      gaveUpAt: '2026-12-01T13:30:00.000Z',
    },
    {
      id: '5b0c1e0e-4a51-4a7e-9a57-7c1f0e2b9a02',
      to: 'leo.girard@atelier-durand.example',
      kind: 'invitation_expiry_reminder',
      subject: 'Reminder: your invitation to join Atelier Durand expires soon',
      attempts: 2,
      lastError: '451 4.3.0 relay busy, try again later',
      createdAt: '2026-12-02T07:00:00.000Z',
      nextAttemptAt: '2026-12-02T07:20:00.000Z',
      gaveUpAt: null,
    },
  ],
}

/** Messages that could not be delivered: one given up, one still retried. */
export const MailProblems: Story = {
  parameters: {
    msw: {
      handlers: {
        // Ahead of the mock API's own answer (none): the first handler that matches answers.
        usher: [
          http.get('*/organization/mail-problems', () => HttpResponse.json(PROBLEMS)),
          ...usherHandlers(),
        ],
      },
    },
  },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    expect(
      await canvas.findByRole('heading', { name: 'Mail problems' }, { timeout: 10_000 }),
    ).toBeInTheDocument()
    expect(canvas.getByText(/550 5\.1\.1 mailbox unavailable/)).toBeInTheDocument()
  },
}

export const MailProblemsFrench: Story = {
  parameters: { ...MailProblems.parameters, usher: { locale: 'fr' } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    expect(
      await canvas.findByRole('heading', { name: 'Problèmes d’envoi' }, { timeout: 10_000 }),
    ).toBeInTheDocument()
  },
}

/**
 * The mail pipeline's tokens, beside the incoming-email settings: the owner creates one (its
 * secret shown once, with Copy) and revokes the old one after a confirmation that names it.
 */
export const MailPipelineTokens: Story = {
  parameters: { usher: { inboundEmailTokens: true } },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const panel = within(
      await canvas.findByRole('region', { name: 'Mail pipeline tokens' }, { timeout: 10_000 }),
    )
    expect(await panel.findByText('Helpdesk mailbox')).toBeInTheDocument()
    await userEvent.type(panel.getByLabelText('Token name'), 'Shared inbox')
    await userEvent.click(panel.getByRole('button', { name: 'Create token' }))
    const secret = await panel.findByLabelText('Secret token for “Shared inbox”')
    expect((secret as HTMLInputElement).value).toMatch(/^usher_mail_/)
    await userEvent.click(panel.getByRole('button', { name: 'I have copied it' }))
    await userEvent.click(panel.getByRole('button', { name: 'Revoke “Helpdesk mailbox”' }))
    const dialog = within(await within(canvasElement.ownerDocument.body).findByRole('alertdialog'))
    await userEvent.click(dialog.getByRole('button', { name: 'Revoke' }))
    expect(await canvas.findByText('Token “Helpdesk mailbox” revoked.')).toBeInTheDocument()
    expect(panel.queryByText('Helpdesk mailbox')).toBeNull()
  },
}
