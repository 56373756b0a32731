import type { Meta, StoryObj } from '@storybook/react-vite'
import { storyToken } from '@usher/story-mocks'
import { expect, userEvent, within } from 'storybook/test'
import '../password-field/password-field.css'
import './password-reset-form.css'
import { PasswordResetForm } from './password-reset-form'

const meta = {
  title: 'Components/PasswordResetForm',
  component: PasswordResetForm,
  args: { signInUrl: '/sign-in' },
  parameters: {
    docs: {
      description: {
        component:
          'The built-in password reset: without `token`, the address to send a link to; with it, the new password with the policy shown as it is typed.\n\n```tsx\n<PasswordResetForm token={params.get("token") ?? undefined} signInUrl="/sign-in" />\n```',
      },
    },
  },
} satisfies Meta<typeof PasswordResetForm>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

/** No token: the address to send a link to. */
export const Request: Story = {}

/** The link was sent (the answer is the same whether the account exists or not). */
export const RequestSent: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    await userEvent.type(canvas.getByLabelText('Email'), 'camille.durand@acme.fr')
    await userEvent.click(canvas.getByRole('button', { name: 'Send the link' }))
    expect(await canvas.findByText(/If an account exists for camille.durand@acme.fr/)).toBeInTheDocument()
  },
}

/** The link the email opened: whose account, and the new password under the organization's policy. */
export const Confirm: Story = {
  args: { token: storyToken('pending') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    const password = await canvas.findByLabelText('New password', {}, { timeout: 10_000 })
    expect(canvas.getByText(/^For .+ in /)).toBeInTheDocument()
    await userEvent.type(password, 'Velours-Cobalt-Ardoise-47')
    await userEvent.click(canvas.getByRole('button', { name: 'Save the password' }))
    expect(await canvas.findByText('Your password is saved and you are signed in.')).toBeInTheDocument()
  },
}

/** An expired or unknown link: said before anything is typed, with a way to ask for a new one. */
export const InvalidLink: Story = {
  args: { token: storyToken('unknown') },
  play: async ({ canvasElement }) => {
    const canvas = within(canvasElement)
    expect(
      await canvas.findByText(
        'This link is invalid or has expired. Ask for a new one.',
        {},
        { timeout: 10_000 },
      ),
    ).toBeInTheDocument()
    expect(canvas.getByRole('button', { name: 'Ask for a new link' })).toBeInTheDocument()
  },
}

export const French: Story = { parameters: { usher: { locale: 'fr' } } }
