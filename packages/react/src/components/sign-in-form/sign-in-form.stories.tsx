import type { Meta, StoryObj } from '@storybook/react-vite'
import { STORY_PASSWORD, STORY_SHARED_EMAIL, STORY_TEMPORARY_PASSWORD } from '@usher/story-mocks'
import { expect, userEvent, within } from 'storybook/test'
import '../password-field/password-field.css'
import './sign-in-form.css'
import { SignInForm } from './sign-in-form'

const meta = {
  title: 'Components/SignInForm',
  component: SignInForm,
  args: { forgotPasswordUrl: '/forgot-password' },
  parameters: {
    docs: {
      description: {
        component:
          'The built-in sign-in: email and password, the organization when the address has accounts in several, and the change-password step when an administrator set the password.\n\n```tsx\n<SignInForm forgotPasswordUrl="/forgot-password" onSignedIn={({ session }) => save(session.token)} />\n```',
      },
    },
  },
} satisfies Meta<typeof SignInForm>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

async function signIn(canvasElement: HTMLElement, email: string, password: string) {
  const canvas = within(canvasElement)
  await userEvent.type(canvas.getByLabelText('Email'), email)
  await userEvent.type(canvas.getByLabelText('Password'), password)
  await userEvent.click(canvas.getByRole('button', { name: 'Sign in' }))
  return canvas
}

export const Default: Story = {}

/** Signs in as Camille Durand with the story password. */
export const SignedIn: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const canvas = await signIn(canvasElement, 'camille.durand@acme.fr', STORY_PASSWORD)
    expect(await canvas.findByText('You are signed in.')).toBeInTheDocument()
  },
}

export const WrongPassword: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await signIn(canvasElement, 'camille.durand@acme.fr', 'not the password')
    expect(await canvas.findByText('The email or password is wrong.')).toBeInTheDocument()
    expect(canvas.getByRole('alert')).toHaveTextContent('The email or password is wrong.')
  },
}

/** The account belongs to two organizations: after one sign-in the person picks one. */
export const SeveralOrganizations: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await signIn(canvasElement, STORY_SHARED_EMAIL, STORY_PASSWORD)
    expect(await canvas.findByRole('heading', { name: 'Choose an organization' })).toHaveFocus()
    await userEvent.click(canvas.getByRole('button', { name: 'Atelier Durand' }))
    expect(await canvas.findByText('You are signed in.')).toBeInTheDocument()
  },
}

/** Hugo Moreau's password was set by an administrator: he must choose his own first. */
export const MustChangePassword: Story = {
  play: async ({ canvasElement }) => {
    const canvas = await signIn(canvasElement, 'hugo.moreau@acme.fr', STORY_TEMPORARY_PASSWORD)
    expect(await canvas.findByRole('heading', { name: 'Choose a new password' })).toBeInTheDocument()
    expect(canvas.getByLabelText('Current password')).toHaveValue(STORY_TEMPORARY_PASSWORD)
  },
}

export const French: Story = { parameters: { usher: { locale: 'fr' } } }

export const Dark: Story = { parameters: { usher: { theme: 'dark' } } }
