import type { Meta, StoryObj } from '@storybook/react-vite'
import { settled } from '@usher/story-mocks'
import { expect, within } from 'storybook/test'
import { SeatUsage } from './seat-usage'

const meta = {
  title: 'Badges/SeatUsage',
  component: SeatUsage,
  args: { pending: 0 },
  parameters: {
    docs: {
      description: {
        component:
          'Seats used / allowed (every role that takes one), with a warning when the plan is full. Reads `GET /me`.\n\n```tsx\n<SeatUsage pending={technicianRows} />\n```',
      },
    },
  },
  play: settled,
} satisfies Meta<typeof SeatUsage>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

export const Default: Story = {}

export const WithPendingInvitations: Story = { args: { pending: 3 } }

export const SeatLimitReached: Story = { parameters: { usher: { seats: 'full' } }, tags: ['!autodocs'] }

export const OverTheLimit: Story = {
  args: { pending: 2 },
  parameters: { usher: { seats: 'full' } },
  tags: ['!autodocs'],
}

export const Unlimited: Story = { parameters: { usher: { seats: null } }, tags: ['!autodocs'] }

export const Loading: Story = {
  parameters: { usher: { faults: { me: 'loading' } } },
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    expect(await within(canvasElement).findByText('Loading…')).toBeInTheDocument()
  },
}

export const ServerError: Story = { parameters: { usher: { faults: { me: 'error' } } }, tags: ['!autodocs'] }

export const French: Story = { args: { pending: 1 }, parameters: { usher: { locale: 'fr' } } }
