import type { Meta, StoryObj } from '@storybook/react-vite'
import { expect, userEvent, within } from 'storybook/test'
import { RoleBadge } from './role-badge'

const meta = {
  title: 'Badges/RoleBadge',
  component: RoleBadge,
  args: { roleKey: 'admin', tooltip: true },
  argTypes: {
    roleKey: { control: 'select', options: ['owner', 'admin', 'operator', 'technician', 'dispatcher'] },
  },
  parameters: {
    docs: {
      description: {
        component:
          'The Role column: a badge per role, with what the role may do in a tooltip.\n\n```tsx\n<RoleBadge roleKey="admin" />\n```',
      },
    },
  },
} satisfies Meta<typeof RoleBadge>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

export const Admin: Story = {}

export const EveryRole: Story = {
  render: (args) => (
    <div style={{ display: 'flex', gap: '0.5rem' }}>
      <RoleBadge {...args} roleKey="owner" />
      <RoleBadge {...args} roleKey="admin" />
      <RoleBadge {...args} roleKey="operator" />
      <RoleBadge {...args} roleKey="technician" />
      <RoleBadge {...args} roleKey="dispatcher" />
    </div>
  ),
}

export const French: Story = { ...EveryRole, parameters: { usher: { locale: 'fr' } } }

export const Dark: Story = { ...EveryRole, parameters: { usher: { theme: 'dark' } } }

/** The tooltip lists the permissions, reachable from the keyboard. */
export const Tooltip: Story = {
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.tab()
    const tooltip = await canvas.findByRole('tooltip')
    expect(tooltip).toBeVisible()
    expect(tooltip).toHaveTextContent('invite people')
    // Placed next to the badge (below it, or above it with no room), not at the page's corner.
    const badge = canvas.getByText('Administrator').getBoundingClientRect()
    const box = tooltip.getBoundingClientRect()
    expect(Math.min(Math.abs(box.top - badge.bottom), Math.abs(badge.top - box.bottom))).toBeLessThan(12)
    await userEvent.keyboard('{Escape}')
    expect(canvas.queryByRole('tooltip')).not.toBeInTheDocument()
  },
}

/** A host-defined role: its label in the current language and its permissions, from `GET /roles`. */
export const HostRole: Story = {
  args: { roleKey: 'operator' },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    expect(await canvas.findByText('Operator')).toHaveAttribute('data-role', 'custom')
  },
}
