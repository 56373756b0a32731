import { screen } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { LoginResult } from '@usher/contract'
import { createUsherClient } from '@usher/sdk'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher, serverUrl } from '../../../test/render'
import type { Locale } from '../../i18n/types'
import { SignInForm } from './sign-in-form'

// Fault cases only: every request no handler claims reaches the real server.
const faults = setupServer()
beforeAll(() => faults.listen({ onUnhandledRequest: 'bypass' }))
afterEach(() => faults.resetHandlers())
afterAll(() => faults.close())

const publicClient = () => createUsherClient({ baseUrl: serverUrl(), retry: 0 })

function renderSignIn(locale: Locale = 'en') {
  const onSignedIn = vi.fn<(result: LoginResult) => void>()
  const view = renderWithUsher(<SignInForm onSignedIn={onSignedIn} forgotPasswordUrl="/reset-password" />, {
    client: publicClient(),
    locale,
  })
  return { ...view, onSignedIn, user: userEvent.setup() }
}

const problem = (status: number, code: string, extra: Record<string, unknown> = {}) =>
  HttpResponse.json(
    { type: `https://usher.dev/problems/${code}`, title: code, status, code, ...extra },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  )

describe('SignInForm', () => {
  it('signs in and hands over the session', async () => {
    const world = await createWorld()
    const { user, onSignedIn, container } = renderSignIn()
    expect(screen.getByRole('link', { name: 'Forgot your password?' })).toHaveAttribute(
      'href',
      '/reset-password',
    )
    expect(await axeViolations(container)).toEqual([])
    await user.type(screen.getByLabelText('Email'), world.emails.technician)
    await user.type(screen.getByLabelText('Password'), world.password)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('You are signed in.')).toBeInTheDocument()
    const result = onSignedIn.mock.calls[0]?.[0]
    expect(result?.user.id).toBe(world.users.technician)
    expect(result?.mustChangePassword).toBe(false)
    // The session works as a bearer token.
    const me = await clientFor(result?.session.token ?? '').me.get()
    expect(me.user.id).toBe(world.users.technician)
  })

  it('says when the password is wrong, and validates the address first', async () => {
    const world = await createWorld()
    const { user, onSignedIn, container } = renderSignIn()
    await user.type(screen.getByLabelText('Email'), 'not an address')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(screen.getByLabelText('Email')).toHaveAttribute('aria-invalid', 'true')
    await user.clear(screen.getByLabelText('Email'))
    await user.type(screen.getByLabelText('Email'), world.emails.technician)
    await user.type(screen.getByLabelText('Password'), 'not the password')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('The email or password is wrong.')).toBeInTheDocument()
    expect(screen.getByRole('alert')).toHaveTextContent('The email or password is wrong.')
    expect(onSignedIn).not.toHaveBeenCalled()
    expect(await axeViolations(container)).toEqual([])
  })

  it('lets an account in two organizations pick one after a single sign-in', async () => {
    const [first, second] = await Promise.all([createWorld(), createWorld()])
    if (!first || !second) throw new Error('no world')
    // The first world's technician is added to the second organization: same address, the
    // password given here is not theirs (the account keeps its own).
    const added = await clientFor(second.tokens.owner).users.create({
      email: first.emails.technician,
      firstName: 'Test',
      lastName: 'Technician',
      role: 'technician',
      password: 'an administrator typed this one 77',
    })
    const secondName = (await clientFor(second.tokens.owner).me.get()).organization.name
    const { user, onSignedIn, container } = renderSignIn()
    await user.type(screen.getByLabelText('Email'), first.emails.technician)
    await user.type(screen.getByLabelText('Password'), first.password)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByRole('heading', { name: 'Choose an organization' })).toHaveFocus()
    expect(screen.getByText(/Your account belongs to 2 organizations/)).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
    await user.click(screen.getByRole('button', { name: secondName }))
    expect(await screen.findByText('You are signed in.')).toBeInTheDocument()
    const result = onSignedIn.mock.calls[0]?.[0]
    expect(result?.user.id).toBe(added.id)
    const me = await clientFor(result?.session.token ?? '').me.get()
    expect(me.organization.id).toBe(second.orgId)
  })

  it('says how long to wait after too many attempts', async () => {
    faults.use(http.post(`${serverUrl()}/auth/login`, () => problem(429, 'rate_limited', { retryAfter: 30 })))
    const { user } = renderSignIn()
    await user.type(screen.getByLabelText('Email'), 'camille@atelier.test')
    await user.type(screen.getByLabelText('Password'), 'whatever password')
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('Too many attempts. Wait 30 seconds and try again.')).toBeInTheDocument()
  })

  it('shows a disabled account', async () => {
    const world = await createWorld()
    await clientFor(world.tokens.owner).users.bulk({ action: 'disable', userIds: [world.users.technician] })
    const { user } = renderSignIn()
    await user.type(screen.getByLabelText('Email'), world.emails.technician)
    await user.type(screen.getByLabelText('Password'), world.password)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))
    expect(await screen.findByText('This account is disabled.')).toBeInTheDocument()
  })

  it('leads to the change-password step when an administrator set the password', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    await owner.organization.update(
      { settings: { passwordPolicy: { minLength: 14 } } },
      { ifMatch: (await owner.me.get()).organization.version },
    )
    const temporary = 'Temporary-Granite-2026'
    await clientFor(world.tokens.owner).users.setPassword(world.users.technician, {
      password: temporary,
      mustChangePassword: true,
    })
    const { user, onSignedIn, container } = renderSignIn()
    await user.type(screen.getByLabelText('Email'), world.emails.technician)
    await user.type(screen.getByLabelText('Password'), temporary)
    await user.click(screen.getByRole('button', { name: 'Sign in' }))

    expect(await screen.findByRole('heading', { name: 'Choose a new password' })).toHaveFocus()
    expect(onSignedIn).not.toHaveBeenCalled()
    expect(screen.getByLabelText('Current password')).toHaveValue(temporary)
    const next = screen.getByLabelText('New password')
    // The organization's policy, which came with the sign-in (the session can read nothing else).
    expect(container.querySelector('[data-rule="min_length"]')).toHaveTextContent('At least 14 characters')
    await user.type(next, 'hugo-moreau')
    expect(container.querySelector('[data-rule="contains_name"]')).toHaveAttribute('data-state', 'unmet')
    await user.click(screen.getByRole('button', { name: 'Change password' }))
    expect(next).toHaveFocus()
    expect(await axeViolations(container)).toEqual([])

    await user.clear(next)
    await user.type(next, 'Velours-Quartz-Marmotte-92')
    await user.click(screen.getByRole('button', { name: 'Change password' }))
    expect(await screen.findByText('You are signed in.')).toBeInTheDocument()
    const result = onSignedIn.mock.calls[0]?.[0]
    expect(result?.mustChangePassword).toBe(false)
    const again = await publicClient().auth.login({
      email: world.emails.technician,
      password: 'Velours-Quartz-Marmotte-92',
    })
    expect(again.mustChangePassword).toBe(false)
  })

  it('speaks French', async () => {
    const world = await createWorld()
    const { user, container } = renderSignIn('fr')
    await user.type(screen.getByLabelText('Adresse e-mail'), world.emails.technician)
    await user.type(screen.getByLabelText('Mot de passe'), 'pas le bon')
    await user.click(screen.getByRole('button', { name: 'Se connecter' }))
    expect(await screen.findByText('L’adresse e-mail ou le mot de passe est incorrect.')).toBeInTheDocument()
    expect(screen.getByRole('link', { name: 'Mot de passe oublié\u00a0?' })).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
  })
})
