import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import { OrganizationSettings } from './organization-settings'

describe('OrganizationSettings: people from incoming email', () => {
  it('keeps creation off with the reason when no role qualifies, and saves the invitation choice and a domain → group', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const user = userEvent.setup()
    const { container } = renderWithUsher(<OrganizationSettings />, { client: owner })
    const section = await screen.findByRole('group', { name: 'People from incoming email' })
    const create = within(section).getByRole('checkbox', {
      name: 'Create a person when a message comes from an unknown address',
    })
    // Built-in roles all open a console or take a seat: none may be given to people from email.
    expect(create).not.toBeChecked()
    expect(create).toBeDisabled()
    expect(create).toHaveAccessibleDescription(/No role can be given to people created from email/)
    expect(within(section).queryByLabelText('Role of people created from email')).toBeNull()

    const domains = within(section).getByRole('group', { name: 'Email domains of groups' })
    expect(within(domains).getByText(/No domain yet/)).toBeInTheDocument()
    const domain = within(domains).getByLabelText('Domain')
    await user.type(domain, 'client nord')
    expect(
      within(domains).getByText('client nord is not a mail domain, such as client-nord.fr.'),
    ).toBeInTheDocument()
    expect(within(domains).getByRole('button', { name: 'Add the domain' })).toBeDisabled()
    await user.clear(domain)
    await user.type(domain, '@Client-Nord.FR')
    await user.click(within(domains).getByRole('button', { name: 'Add the domain' }))
    expect(within(domains).getByText('Choose the group of this domain.')).toBeInTheDocument()
    await user.selectOptions(within(domains).getByLabelText('Group'), 'Clients Paris')
    await user.click(within(domains).getByRole('button', { name: 'Add the domain' }))
    expect(within(domains).getByLabelText('Group for client-nord.fr')).toHaveDisplayValue('Clients Paris')
    expect(domain).toHaveValue('')
    await user.type(domain, 'client-nord.fr{Enter}')
    expect(within(domains).getByText('client-nord.fr is already in the list.')).toBeInTheDocument()
    await user.clear(domain)
    await user.click(within(section).getByRole('checkbox', { name: /Send each of them an invitation/ }))
    expect(await axeViolations(container)).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Save' }))
    expect(await screen.findByText('Settings saved.')).toBeInTheDocument()
    const { organization } = await owner.me.get()
    expect(organization.settings.inboundEmail).toEqual({
      createPeople: false,
      role: null,
      invite: true,
      domains: [{ domain: 'client-nord.fr', groupId: world.groups.paris }],
    })

    // The saved domain comes back from the server and can be removed again.
    await user.click(within(domains).getByRole('button', { name: 'Remove client-nord.fr' }))
    await user.click(screen.getByRole('button', { name: 'Save' }))
    await expect
      .poll(async () => (await owner.me.get()).organization.settings.inboundEmail.domains)
      .toEqual([])
  }, 60_000)

  it('says so in French, read-only for an admin', async () => {
    const world = await createWorld()
    renderWithUsher(<OrganizationSettings />, { client: clientFor(world.tokens.admin), locale: 'fr' })
    const section = await screen.findByRole('group', { name: 'Personnes issues des e-mails entrants' })
    expect(
      within(section).getByRole('checkbox', {
        name: 'Créer une personne quand un message arrive d’une adresse inconnue',
      }),
    ).toBeDisabled()
    // French typography: the guillemets hold non-breaking spaces.
    expect(section.textContent).toContain('comme «\u00a0Contact\u00a0»')
    expect(within(section).getByLabelText('Domaine')).toBeDisabled()
  })
})
