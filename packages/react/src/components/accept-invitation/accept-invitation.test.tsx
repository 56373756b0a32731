import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { AcceptInvitationResult } from '@usher/contract'
import { createUsherClient, type UsherClient } from '@usher/sdk'
import { describe, expect, it, vi } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher, serverUrl } from '../../../test/render'
import type { Locale } from '../../i18n/types'
import { AcceptInvitation } from './accept-invitation'

const STRONG = 'Velours-Quartz-Marmotte-92'
const publicClient = () => createUsherClient({ baseUrl: serverUrl(), retry: 0 })

function renderAccept(
  token: string,
  { locale = 'en', client = publicClient() }: { locale?: Locale; client?: UsherClient } = {},
) {
  const onAccepted = vi.fn<(result: AcceptInvitationResult) => void>()
  const view = renderWithUsher(
    <AcceptInvitation
      token={token}
      termsUrl="https://relai.test/terms"
      privacyUrl="https://relai.test/privacy"
      signInUrl="/sign-in"
      onAccepted={onAccepted}
    />,
    { client, locale },
  )
  return { ...view, onAccepted, user: userEvent.setup() }
}

async function invitedWorld() {
  const world = await createWorld({ invite: true })
  const invitations = world.invitations
  if (!invitations) throw new Error('no invitations')
  return { world, ...invitations }
}

const rule = (container: HTMLElement, name: string) =>
  container.querySelector(`[data-slot="password-field-rule"][data-rule="${name}"]`)

describe('AcceptInvitation', () => {
  it('activates the account: name edited, password within the policy, consent and terms', async () => {
    const { world, pending } = await invitedWorld()
    const { user, onAccepted, container } = renderAccept(pending.token)

    expect(await screen.findByRole('heading', { name: /^Join Atelier / })).toBeInTheDocument()
    expect(screen.getByText(/Camille Durand invited you to join Atelier/)).toBeInTheDocument()
    const firstName = screen.getByLabelText('First name')
    expect(firstName).toHaveValue('Nina')
    expect(screen.getByLabelText('Last name (optional)')).toHaveValue('Petit')
    const email = screen.getByLabelText('Email')
    expect(email).toHaveValue(pending.email)
    expect(email).toHaveAttribute('readonly')
    expect(screen.getByRole('link', { name: /Read the terms of use/ })).toHaveAttribute(
      'href',
      'https://relai.test/terms',
    )
    expect(await axeViolations(container)).toEqual([])

    await user.clear(firstName)
    await user.type(firstName, 'Ninon')
    await user.type(screen.getByLabelText('Password'), STRONG)
    expect(rule(container, 'min_length')).toHaveAttribute('data-state', 'met')
    expect(rule(container, 'contains_name')).toHaveAttribute('data-state', 'met')
    // The strength rule is ticked once the estimator (loaded lazily) has scored the password.
    await waitFor(() => expect(rule(container, 'strength')).toHaveAttribute('data-state', 'met'), {
      timeout: 10_000,
    })
    expect(screen.getByText(/^Strength: (strong|very strong)$/)).toBeInTheDocument()
    await user.click(screen.getByLabelText(/stores my name and email address/))
    await user.click(screen.getByLabelText('I accept the terms of use.'))
    await user.click(screen.getByRole('button', { name: 'Activate my account' }))

    expect(await screen.findByRole('heading', { name: 'Welcome, Ninon Petit' })).toHaveFocus()
    expect(screen.getByText('You are signed in.')).toBeInTheDocument()
    expect(onAccepted).toHaveBeenCalledTimes(1)
    const result = onAccepted.mock.calls[0]?.[0]
    expect(result?.user.status).toBe('active')
    // The session signs Ninon in: the server knows her by it.
    const signedIn = await clientFor(result?.session?.token ?? 'no-session').me.get()
    expect(signedIn.user).toMatchObject({ id: pending.userId, firstName: 'Ninon' })
    const stored = await clientFor(world.tokens.owner).users.get(pending.userId)
    expect(stored).toMatchObject({ firstName: 'Ninon', status: 'active' })
    expect(await axeViolations(container)).toEqual([])
  })

  it('shows the rules as you type, refuses unticked boxes, and shows the server’s refusal of a weak password', async () => {
    const { pending } = await invitedWorld()
    const { user, onAccepted, container } = renderAccept(pending.token)
    const password = await screen.findByLabelText('Password')

    await user.type(password, 'ninapetit')
    expect(rule(container, 'min_length')).toHaveAttribute('data-state', 'unmet')
    expect(rule(container, 'contains_name')).toHaveAttribute('data-state', 'unmet')
    await user.click(screen.getByRole('button', { name: 'Activate my account' }))
    expect(password).toHaveFocus()
    expect(password).toHaveAccessibleDescription(/Too weak for the policy\./)
    expect(screen.getAllByText('Must be accepted.')).toHaveLength(2)
    expect(await axeViolations(container)).toEqual([])

    // Long enough and free of the name, but easy to guess: only the server's estimate refuses it.
    await user.clear(password)
    await user.type(password, 'passwordpassword')
    expect(rule(container, 'min_length')).toHaveAttribute('data-state', 'met')
    await user.click(screen.getByLabelText(/stores my name and email address/))
    await user.click(screen.getByLabelText('I accept the terms of use.'))
    await user.click(screen.getByRole('button', { name: 'Activate my account' }))
    expect(await screen.findByText('Too easy to guess: add words or characters.')).toBeInTheDocument()
    expect(password).toHaveAttribute('aria-invalid', 'true')
    expect(onAccepted).not.toHaveBeenCalled()
  })

  it('asks an address that already signs in for its password, judged by no meter, and joins with it', async () => {
    const { pending } = await invitedWorld()
    // Nina's address gets a password in another organization: her account signs in already.
    const other = await createWorld()
    await clientFor(other.tokens.owner).users.create({
      email: pending.email,
      firstName: 'Nina',
      lastName: 'Petit',
      role: 'technician',
      password: STRONG,
    })
    const { user, onAccepted, container } = renderAccept(pending.token)

    expect(await screen.findByText(/^You already have an account with this address/)).toBeInTheDocument()
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument()
    const current = screen.getByLabelText('Your current password')
    expect(current).toHaveAttribute('autocomplete', 'current-password')
    expect(container.querySelector('[data-slot="password-field-rules"]')).toBeNull()
    expect(container.querySelector('[data-slot="password-field-strength"]')).toBeNull()
    expect(screen.queryByRole('button', { name: 'Activate my account' })).not.toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])

    await user.type(current, 'not her password at all')
    await user.click(screen.getByLabelText(/stores my name and email address/))
    await user.click(screen.getByLabelText('I accept the terms of use.'))
    const join = screen.getByRole('button', { name: /^Join Atelier / })
    await user.click(join)
    expect(await screen.findByText('This is not the password of your account.')).toBeInTheDocument()
    expect(current).toHaveFocus()
    await user.clear(current)
    await user.type(current, STRONG)
    await user.click(join)
    expect(await screen.findByRole('heading', { name: 'Welcome, Nina Petit' })).toBeInTheDocument()
    expect(onAccepted).toHaveBeenCalledTimes(1)
  })

  it('names the inviter on an expired link', async () => {
    const { expired } = await invitedWorld()
    const { container } = renderAccept(expired.token)
    expect(await screen.findByRole('heading', { name: 'This invitation has expired' })).toBeInTheDocument()
    expect(screen.getByText('Ask Camille Durand to send you a new invitation.')).toBeInTheDocument()
    expect(screen.queryByLabelText('Password')).not.toBeInTheDocument()
    expect(container.querySelector('[data-slot="accept-invitation"]')).toHaveAttribute(
      'data-state',
      'expired',
    )
    expect(await axeViolations(container)).toEqual([])
  })

  it('has a page for a withdrawn, a used and an unknown link', async () => {
    const { world, pending, expired } = await invitedWorld()
    const owner = clientFor(world.tokens.owner)
    await owner.invitations.revoke(pending.id)
    const first = renderAccept(pending.token)
    expect(await screen.findByRole('heading', { name: 'This invitation was withdrawn' })).toBeInTheDocument()
    expect(await axeViolations(first.container)).toEqual([])
    first.unmount()

    // A link sent again replaces the old one, which is then unknown.
    await owner.invitations.resend(expired.id)
    const used = await createWorld({ invite: true })
    const usedToken = used.invitations?.pending.token ?? ''
    await publicClient().invitations.accept({
      token: usedToken,
      firstName: 'Nina',
      lastName: 'Petit',
      password: STRONG,
      acceptTerms: true,
      acceptConsent: true,
    })
    const second = renderAccept(usedToken)
    expect(
      await screen.findByRole('heading', { name: 'This invitation was already used' }),
    ).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Sign in' })).toHaveAttribute('href', '/sign-in')
    second.unmount()

    const third = renderAccept(expired.token)
    expect(
      await screen.findByRole('heading', { name: 'This invitation link is not valid' }),
    ).toBeInTheDocument()
    expect(await axeViolations(third.container)).toEqual([])
    third.unmount()
    renderAccept('A'.repeat(43))
    expect(
      await screen.findByRole('heading', { name: 'This invitation link is not valid' }),
    ).toBeInTheDocument()
  })

  it('refuses to accept for someone else while signed in as another account', async () => {
    const { world, pending } = await invitedWorld()
    const { user } = renderAccept(pending.token, { client: clientFor(world.tokens.technician) })
    await user.type(await screen.findByLabelText('Password'), STRONG)
    await user.click(screen.getByLabelText(/stores my name and email address/))
    await user.click(screen.getByLabelText('I accept the terms of use.'))
    await user.click(screen.getByRole('button', { name: 'Activate my account' }))
    expect(
      await screen.findByRole('heading', { name: 'You are signed in with another account' }),
    ).toBeInTheDocument()
    expect(
      screen.getByText(`This invitation is for ${pending.email}. Sign out, then open the link again.`),
    ).toBeInTheDocument()
  })

  it('speaks French', async () => {
    const { pending, expired } = await invitedWorld()
    const first = renderAccept(pending.token, { locale: 'fr' })
    expect(await screen.findByRole('heading', { name: /^Rejoindre Atelier / })).toBeInTheDocument()
    expect(screen.getByText(/Camille Durand vous invite à rejoindre Atelier/)).toBeInTheDocument()
    expect(screen.getByLabelText('Prénom')).toHaveValue('Nina')
    expect(screen.getByLabelText('Mot de passe')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Activer mon compte' })).toBeInTheDocument()
    expect(await axeViolations(first.container)).toEqual([])
    first.unmount()
    renderAccept(expired.token, { locale: 'fr' })
    expect(await screen.findByRole('heading', { name: 'Cette invitation a expiré' })).toBeInTheDocument()
    expect(
      screen.getByText('Demandez à Camille Durand de vous envoyer une nouvelle invitation.'),
    ).toBeInTheDocument()
  })
})
