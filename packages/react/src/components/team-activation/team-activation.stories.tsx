import type { Meta, StoryObj } from '@storybook/react-vite'
import { settled } from '@usher/story-mocks'
import { expect, userEvent, within } from 'storybook/test'
import { TeamActivation } from './team-activation'
import './team-activation.css'

const meta = {
  title: 'Components/TeamActivation',
  component: TeamActivation,
  parameters: {
    usher: { notActivated: true },
    docs: {
      description: {
        component:
          'Seed 002: a team is activated by naming it before its users are managed. Shown only while the organization is not activated; renders nothing afterwards.\n\n```tsx\n<TeamActivation onActivated={() => toast("Team activated")} />\n```',
      },
    },
  },
  play: settled,
} satisfies Meta<typeof TeamActivation>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

/** The owner: the team's name to confirm, and "Activate". */
export const Default: Story = {}

/** The owner activates the team: the panel says so. */
export const Activate: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const name = await canvas.findByLabelText('Team name', {}, { timeout: 10_000 })
    await userEvent.clear(name)
    await userEvent.type(name, 'Atelier Durand Maintenance')
    await userEvent.click(canvas.getByRole('button', { name: 'Activate' }))
    expect(await canvas.findByText(/Your team is active/)).toBeInTheDocument()
  },
}

/** An empty name: the field says what is wrong. */
export const EmptyName: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.clear(await canvas.findByLabelText('Team name', {}, { timeout: 10_000 }))
    await userEvent.click(canvas.getByRole('button', { name: 'Activate' }))
    expect(await canvas.findByText('Too short.')).toBeInTheDocument()
  },
}

/** A technician cannot activate: told who can. */
export const NotTheOwner: Story = { parameters: { usher: { notActivated: true, viewer: 'technician' } } }

export const French: Story = { parameters: { usher: { notActivated: true, locale: 'fr' } } }
