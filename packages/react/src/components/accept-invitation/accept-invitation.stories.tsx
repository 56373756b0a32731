import type { Meta, StoryObj } from '@storybook/react-vite'
import { settled, storyToken } from '@usher/story-mocks'
import { expect, userEvent, within } from 'storybook/test'
import '../password-field/password-field.css'
import './accept-invitation.css'
import { AcceptInvitation } from './accept-invitation'

/** Long and varied enough for the story link's policy (12 characters, a digit, "strong"). */
const STRONG = 'Velours-Cobalt-Ardoise-47'

const meta = {
  title: 'Components/AcceptInvitation',
  component: AcceptInvitation,
  args: { token: storyToken('pending'), termsUrl: '/terms', privacyUrl: '/privacy', signInUrl: '/sign-in' },
  parameters: {
    docs: {
      description: {
        component:
          'The page an invitation email opens: who invited the person to which organization, their name, a password with the policy ticked as they type, consent and terms. Expired, withdrawn, used and unknown links get a page of their own.\n\n```tsx\n<AcceptInvitation token={params.get("token") ?? ""} termsUrl="/terms" onAccepted={({ session }) => save(session)} />\n```',
      },
    },
  },
  play: settled,
} satisfies Meta<typeof AcceptInvitation>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

async function ready(canvasElement: HTMLElement) {
  const canvas = within(canvasElement)
  await canvas.findByRole('button', { name: 'Activate my account' }, { timeout: 10_000 })
  return canvas
}

/** A pending link: Ninon Petit, invited by Camille Durand. */
export const Default: Story = {}

export const French: Story = { parameters: { usher: { locale: 'fr' } } }

/** An expired link names who to ask for a new one. */
export const Expired: Story = {
  args: { token: storyToken('expired') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    expect(
      await canvas.findByRole('heading', { name: 'This invitation has expired' }, { timeout: 10_000 }),
    ).toBeInTheDocument()
    expect(canvas.getByText('Ask Camille Durand to send you a new invitation.')).toBeInTheDocument()
  },
}

export const Revoked: Story = {
  args: { token: storyToken('revoked') },
  play: async ({ canvasElement }) => {
    expect(
      await within(canvasElement).findByRole(
        'heading',
        { name: 'This invitation was withdrawn' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument()
  },
}

export const AlreadyUsed: Story = {
  args: { token: storyToken('used') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    expect(
      await canvas.findByRole('heading', { name: 'This invitation was already used' }, { timeout: 10_000 }),
    ).toBeInTheDocument()
    expect(canvas.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in')
  },
}

export const UnknownLink: Story = {
  args: { token: storyToken('unknown') },
  play: async ({ canvasElement }) => {
    expect(
      await within(canvasElement).findByRole(
        'heading',
        { name: 'This invitation link is not valid' },
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument()
  },
}

/** A weak password: the policy's rules are shown, ticked as they are met. */
export const WeakPassword: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await ready(canvasElement)
    await userEvent.type(canvas.getByLabelText('Password'), 'soleil')
    expect(canvas.getByText(/At least 12 characters/)).toBeInTheDocument()
    expect(canvas.getByText(/A digit/)).toBeInTheDocument()
  },
}

/** The happy path: password within the policy, consent and terms, the account is active. */
export const Accepted: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await ready(canvasElement)
    await userEvent.type(canvas.getByLabelText('Password'), STRONG)
    await userEvent.click(canvas.getByLabelText(/stores my name and email address/))
    await userEvent.click(canvas.getByLabelText('I accept the terms of use.'))
    await userEvent.click(canvas.getByRole('button', { name: 'Activate my account' }))
    expect(
      await canvas.findByRole('heading', { name: 'Welcome, Ninon Petit' }, { timeout: 10_000 }),
    ).toBeInTheDocument()
  },
}
