import type { Meta, StoryObj } from '@storybook/react-vite'
import type { AuditEvent } from '@usher/contract'
import { settled } from '@usher/story-mocks'
import { HttpResponse, http } from 'msw'
import { expect, within } from 'storybook/test'
import { AuditLog } from './audit-log'
import './audit-log.css'

const camille = {
  id: '00000000-0000-4000-8000-000000000001',
  name: 'Camille Durand',
  email: 'camille@atelier.test',
}
const at = (minutesAgo: number) => new Date(Date.now() - minutesAgo * 60_000).toISOString()
const event = (n: number, minutesAgo: number, rest: Partial<AuditEvent>): AuditEvent => ({
  id: `00000000-0000-4000-8000-0000000001${String(n).padStart(2, '0')}`,
  at: at(minutesAgo),
  action: 'user.updated',
  actor: camille,
  target: { type: 'user', id: '00000000-0000-4000-8000-000000000002', label: 'lucas.bernard@atelier.test' },
  changes: null,
  requestId: null,
  ...rest,
})

/** What `GET /audit` answers in these stories (the mock API has no audit trail of its own). */
const EVENTS: AuditEvent[] = [
  event(1, 5, { action: 'user.role_changed', changes: { role: ['technician', 'admin'] } }),
  event(2, 60, {
    action: 'shares.replaced',
    changes: { added: [null, [{ group: 'Paris 11e', permission: 'view' }]] },
  }),
  event(3, 180, {
    action: 'organization.updated',
    target: { type: 'organization', id: '00000000-0000-4000-8000-000000000003', label: 'Atelier Durand' },
    changes: { 'settings.invitationLifetimeDays': [30, 14] },
  }),
  event(4, 2000, {
    action: 'invitation.created',
    actor: null,
    target: {
      type: 'invitation',
      id: '00000000-0000-4000-8000-000000000004',
      label: 'zoe.roux@atelier.test',
    },
  }),
]

const auditAnswer = (items: AuditEvent[]) => ({
  handlers: { audit: [http.get('*/audit', () => HttpResponse.json({ items, nextCursor: null }))] },
})

const meta = {
  title: 'Components/AuditLog',
  component: AuditLog,
  parameters: {
    msw: auditAnswer(EVENTS),
    docs: {
      description: {
        component:
          'Who did what to whom, newest first, each event a sentence in the viewer’s language with what changed. Filters: action, dates, and — from any event — who acted or on whom. `UserHistory` is the same log for one person.\n\n```tsx\n<AuditLog />\n```',
      },
    },
  },
  play: settled,
} satisfies Meta<typeof AuditLog>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

export const Default: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    expect(
      await canvas.findByText(
        (_, node) => node?.textContent === 'Camille Durand changed the role of lucas.bernard@atelier.test',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument()
  },
}

export const French: Story = { parameters: { usher: { locale: 'fr' } } }

/** Events a machine or a file caused: the directory by its token, an import beside the admin who ran it. */
const VIA_EVENTS: AuditEvent[] = [
  event(11, 3, {
    action: 'user.created',
    actor: { ...camille, via: { kind: 'import', name: 'people.csv' } },
    target: { type: 'user', id: '00000000-0000-4000-8000-000000000005', label: 'ana.lopez@atelier.test' },
  }),
  event(12, 40, {
    action: 'user.created',
    actor: {
      id: '00000000-0000-4000-8000-000000000006',
      name: 'Entra ID',
      email: '',
      via: { kind: 'directory', name: 'Entra ID' },
    },
    target: { type: 'user', id: '00000000-0000-4000-8000-000000000007', label: 'marie.curie@atelier.test' },
  }),
]

export const DirectoryAndImport: Story = {
  parameters: { msw: auditAnswer(VIA_EVENTS) },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    expect(
      await canvas.findByText(
        (_, node) =>
          node?.tagName === 'P' &&
          node.textContent === 'Camille Durand (import of “people.csv”) added ana.lopez@atelier.test',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument()
  },
}

export const DirectoryAndImportFrench: Story = {
  parameters: { msw: auditAnswer(VIA_EVENTS), usher: { locale: 'fr' } },
}

/** Nothing recorded yet. */
export const Empty: Story = { parameters: { msw: auditAnswer([]) } }

/** A technician may not read the audit log. */
export const Technician: Story = { parameters: { usher: { viewer: 'technician' } } }
