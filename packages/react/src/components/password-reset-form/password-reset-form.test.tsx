import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { LoginResult } from '@usher/contract'
import { createUsherClient } from '@usher/sdk'
import { describe, expect, it, vi } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher, serverUrl } from '../../../test/render'
import type { Locale } from '../../i18n/types'
import { PasswordResetForm } from './password-reset-form'

const publicClient = () => createUsherClient({ baseUrl: serverUrl(), retry: 0 })

function renderReset(token?: string, locale: Locale = 'en') {
  const onReset = vi.fn<(result: LoginResult) => void>()
  const view = renderWithUsher(<PasswordResetForm token={token} onReset={onReset} signInUrl="/sign-in" />, {
    client: publicClient(),
    locale,
  })
  return { ...view, onReset, user: userEvent.setup() }
}

describe('PasswordResetForm', () => {
  it('answers the same whether or not the address has an account', async () => {
    const world = await createWorld()
    const { user, container } = renderReset()
    expect(await axeViolations(container)).toEqual([])
    await user.type(screen.getByLabelText('Email'), world.emails.technician)
    await user.click(screen.getByRole('button', { name: 'Send the link' }))
    const sent = await screen.findByRole('status')
    expect(sent).toHaveTextContent(`If an account exists for ${world.emails.technician}, we sent it a link.`)
    expect(sent).toHaveFocus()
    expect(await axeViolations(container)).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Use another address' }))
    await user.type(screen.getByLabelText('Email'), 'nobody@nowhere.test')
    await user.click(screen.getByRole('button', { name: 'Send the link' }))
    expect(await screen.findByRole('status')).toHaveTextContent(
      'If an account exists for nobody@nowhere.test, we sent it a link.',
    )
  })

  it('sets the new password from the link and signs in', async () => {
    const world = await createWorld({ reset: true })
    const { user, onReset, container } = renderReset(world.resetToken)
    expect(screen.getByRole('status')).toHaveTextContent('Checking your link…')
    const password = await screen.findByLabelText('New password')
    expect(screen.getByText(new RegExp(`^For ${world.emails.technician} in `))).toBeInTheDocument()
    await user.type(password, 'short')
    expect(container.querySelector('[data-rule="min_length"]')).toHaveAttribute('data-state', 'unmet')
    await user.click(screen.getByRole('button', { name: 'Save the password' }))
    expect(password).toHaveFocus()
    expect(await axeViolations(container)).toEqual([])
    await user.clear(password)
    await user.type(password, 'Velours-Quartz-Marmotte-92')
    await user.click(screen.getByRole('button', { name: 'Save the password' }))
    expect(await screen.findByText('Your password is saved and you are signed in.')).toBeInTheDocument()
    const result = onReset.mock.calls[0]?.[0]
    expect(result?.user.id).toBe(world.users.technician)
    const me = await clientFor(result?.session.token ?? '').me.get()
    expect(me.user.id).toBe(world.users.technician)
  })

  it('activates an invited person whose invitation email was lost', async () => {
    const world = await createWorld({ invite: true })
    const pending = world.invitations?.pending
    if (!pending) throw new Error('no invitation')
    const { user } = renderReset()
    await user.type(screen.getByLabelText('Email'), pending.email)
    await user.click(screen.getByRole('button', { name: 'Send the link' }))
    expect(await screen.findByRole('status')).toHaveTextContent(`If an account exists for ${pending.email}`)
    const invited = await clientFor(world.tokens.owner).users.get(pending.userId)
    expect(invited.status).toBe('invited')
  })

  it('shows the organization’s own policy, and the server’s refusal in the UI’s language', async () => {
    const world = await createWorld({ reset: true })
    const owner = clientFor(world.tokens.owner)
    await owner.organization.update(
      { settings: { passwordPolicy: { minLength: 16, requireDigit: true, minStrength: 3 } } },
      { ifMatch: (await owner.me.get()).organization.version },
    )
    const { user, container } = renderReset(world.resetToken, 'fr')
    const password = await screen.findByLabelText('Nouveau mot de passe')
    expect(container.querySelector('[data-rule="min_length"]')).toHaveTextContent('Au moins 16 caractères')
    expect(container.querySelector('[data-rule="digit"]')).toHaveTextContent('Un chiffre')
    // Every rule met, but too easy to guess: only the server's estimator says so.
    await user.type(password, 'password12345678')
    await user.click(screen.getByRole('button', { name: 'Enregistrer le mot de passe' }))
    expect(
      await screen.findByText('Trop facile à deviner : ajoutez des mots ou des caractères.'),
    ).toBeInTheDocument()
    expect(password).toHaveAttribute('aria-invalid', 'true')
    expect(await axeViolations(container)).toEqual([])
  })

  it('says at once when the link is invalid, and offers a new one', async () => {
    const { user, container } = renderReset('B'.repeat(43))
    expect(await screen.findByText(/This link is invalid or has expired\./)).toBeInTheDocument()
    expect(screen.queryByLabelText('New password')).toBeNull()
    expect(screen.getByRole('alert')).toHaveTextContent('This link is invalid or has expired.')
    expect(await axeViolations(container)).toEqual([])
    await user.click(screen.getByRole('button', { name: 'Ask for a new link' }))
    expect(screen.getByRole('heading', { name: 'Reset your password' })).toBeInTheDocument()
  })

  it('speaks French', async () => {
    const { user, container } = renderReset(undefined, 'fr')
    await user.type(screen.getByLabelText('Adresse e-mail'), 'personne@nulle-part.test')
    await user.click(screen.getByRole('button', { name: 'Envoyer le lien' }))
    expect(await screen.findByRole('status')).toHaveTextContent(
      'Si un compte existe pour personne@nulle-part.test, un lien vient d’y être envoyé.',
    )
    expect(await axeViolations(container)).toEqual([])
  })
})
