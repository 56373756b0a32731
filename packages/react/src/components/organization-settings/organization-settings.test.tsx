import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import type { Locale } from '../../i18n/types'
import { OrganizationSettings } from './organization-settings'

function renderSettings(token: string, locale: Locale = 'en') {
  const view = renderWithUsher(<OrganizationSettings />, { client: clientFor(token), locale })
  return { ...view, user: userEvent.setup() }
}

describe('OrganizationSettings', () => {
  it('lets the owner change the invitation lifetime and the refused mailboxes, tried in the test box, and saves them', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const { user, container } = renderSettings(world.tokens.owner)
    const lifetime = await screen.findByLabelText('Invitation lifetime (days)')
    expect(lifetime).toHaveValue(30)
    expect(screen.getByText(/Invitations already sent keep their expiry date/)).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])

    await user.clear(lifetime)
    await user.type(lifetime, '14')
    await user.type(screen.getByLabelText('Try an address'), 'atelier@acme.fr')
    expect(screen.getByText('atelier@acme.fr would be accepted.')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Add a mailbox name'), 'Atelier')
    const mailboxes = screen.getByRole('group', { name: 'Refused mailboxes' })
    await user.click(within(mailboxes).getByRole('button', { name: 'Add' }))
    expect(screen.getByText('atelier@acme.fr would be refused.')).toBeInTheDocument()
    await user.clear(screen.getByLabelText('Try an address'))
    await user.type(screen.getByLabelText('Try an address'), 'maintenance@acme.fr')
    expect(screen.getByText('maintenance@acme.fr would be refused.')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument()
    const { organization } = await owner.me.get()
    expect(organization.settings.invitationLifetimeDays).toBe(14)
    expect(organization.settings.refusedMailboxes).toContain('atelier')
    const [event] = (await owner.audit.list({ action: 'organization.updated' })).items
    expect(event?.changes).toMatchObject({ 'settings.invitationLifetimeDays': [30, 14] })
    // Many keystrokes and an axe pass over a long form: slower than most under jsdom.
  }, 60_000)

  it('says so when someone else saved first, and reloads their values', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const { user } = renderSettings(world.tokens.owner)
    const name = await screen.findByLabelText('Team name')
    const { organization } = await owner.me.get()
    await owner.organization.update(
      { settings: { invitationLifetimeDays: 45 } },
      { ifMatch: organization.version },
    )

    await user.clear(name)
    await user.type(name, 'Atelier renommé')
    await user.click(screen.getByRole('button', { name: 'Save' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Someone else saved these settings while you were editing')
    expect((await owner.me.get()).organization.name).not.toBe('Atelier renommé')
    await user.click(within(alert).getByRole('button', { name: 'Reload' }))
    await waitFor(() => expect(screen.getByLabelText('Invitation lifetime (days)')).toHaveValue(45))
  })

  it('says who is the contact for a topic before removing it', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const hugo = await owner.users.get(world.users.technician)
    await owner.users.update(hugo.id, { contactFor: ['billing'] }, { ifMatch: hugo.version })
    const { user } = renderSettings(world.tokens.owner, 'fr')
    await user.click(await screen.findByRole('button', { name: 'Retirer Billing' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Hugo Moreau est le contact pour ce sujet')
    await user.click(within(alert).getByRole('button', { name: 'Retirer quand même' }))
    expect(screen.queryByLabelText('Nom de Billing')).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Retirer Alerts' }))
    expect(screen.queryByLabelText('Nom de Alerts')).toBeNull()
  })

  it('lets the owner add existing accounts at once instead of inviting them, each choice explained', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const { user } = renderSettings(world.tokens.owner)
    const choices = await screen.findByRole('group', { name: 'Addresses that already have an account' })
    const invite = within(choices).getByRole('radio', { name: 'Send them an invitation' })
    const add = within(choices).getByRole('radio', { name: 'Add them at once' })
    expect(invite).toBeChecked()
    expect(add).toHaveAccessibleDescription(
      'They are members right away and get an email saying who added them, with which role.',
    )

    await user.click(add)
    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument()
    expect((await owner.me.get()).organization.settings.existingAccounts).toBe('add')
    const [event] = (await owner.audit.list({ action: 'organization.updated' })).items
    expect(event?.changes).toMatchObject({ 'settings.existingAccounts': ['invite', 'add'] })
  })

  it('offers the choice in French', async () => {
    const world = await createWorld()
    renderSettings(world.tokens.owner, 'fr')
    const choices = await screen.findByRole('group', { name: 'Adresses qui ont déjà un compte' })
    expect(within(choices).getByRole('radio', { name: 'Les ajouter tout de suite' })).not.toBeChecked()
    expect(within(choices).getByRole('radio', { name: 'Leur envoyer une invitation' })).toBeChecked()
  })

  it('shows an admin the settings read-only', async () => {
    const world = await createWorld()
    renderSettings(world.tokens.admin)
    expect(await screen.findByText(/Only the owner changes these settings/)).toBeInTheDocument()
    expect(screen.getByLabelText('Invitation lifetime (days)')).toBeDisabled()
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull()
  })
})
