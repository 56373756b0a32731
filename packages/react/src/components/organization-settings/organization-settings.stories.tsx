import type { Meta, StoryObj } from '@storybook/react-vite'
import { settled } from '@usher/story-mocks'
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
          'The organization’s settings: team name, invitation lifetime, refused mailboxes (with a test box), password policy, “contact for” topics, time zone, and the plan’s seats. The owner edits and saves them (If-Match); others read them.\n\n```tsx\n<OrganizationSettings onSaved={() => toast("Saved")} />\n```',
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
