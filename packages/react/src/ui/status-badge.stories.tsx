import type { Meta, StoryObj } from '@storybook/react-vite'
import { FIXTURE_NOW } from '@usher/fixtures'
import { StatusBadge } from './status-badge'

const inDays = (days: number) => new Date(FIXTURE_NOW.getTime() + days * 86_400_000).toISOString()

const meta = {
  title: 'Badges/StatusBadge',
  component: StatusBadge,
  args: { status: 'invited', invitationExpiresAt: inDays(3) },
  argTypes: { status: { control: 'inline-radio', options: ['active', 'invited', 'expired', 'disabled'] } },
  parameters: {
    docs: {
      description: {
        component:
          'The Status column: invited (with when the invitation lapses), expired, active, disabled.\n\n```tsx\n<StatusBadge status={user.status} invitationExpiresAt={user.invitationExpiresAt} />\n```',
      },
    },
  },
} satisfies Meta<typeof StatusBadge>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

export const Invited: Story = {}

export const EveryStatus: Story = {
  render: () => (
    <div style={{ display: 'flex', gap: '0.5rem', flexWrap: 'wrap' }}>
      <StatusBadge status="active" />
      <StatusBadge status="invited" invitationExpiresAt={inDays(3)} />
      <StatusBadge status="invited" invitationExpiresAt={inDays(0.2)} />
      <StatusBadge status="expired" invitationExpiresAt={inDays(-2)} />
      <StatusBadge status="disabled" />
    </div>
  ),
}

export const French: Story = { ...EveryStatus, parameters: { usher: { locale: 'fr' } } }

export const Dark: Story = { ...EveryStatus, parameters: { usher: { theme: 'dark' } } }
