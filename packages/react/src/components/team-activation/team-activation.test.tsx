import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { Organization } from '@usher/contract'
import { describe, expect, it, vi } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import { useMe } from '../../hooks/use-me'
import type { Locale } from '../../i18n/types'
import { TeamActivation } from './team-activation'

function renderActivation(token: string, locale: Locale = 'en') {
  const onActivated = vi.fn<(organization: Organization) => void>()
  const view = renderWithUsher(<TeamActivation onActivated={onActivated} />, {
    client: clientFor(token),
    locale,
  })
  return { ...view, onActivated, user: userEvent.setup() }
}

/** A sibling that says when `me` has answered: from then on, TeamActivation has decided. */
function Loaded() {
  const me = useMe()
  return me.data ? <p>{`loaded ${me.data.organization.name}`}</p> : null
}

describe('TeamActivation', () => {
  it('lets the owner name the team and activate it; inviting works afterwards', async () => {
    const world = await createWorld({ activated: false })
    const owner = clientFor(world.tokens.owner)
    const refused = await owner.invitations
      .create({
        invitations: [
          { firstName: 'Zoé', email: `zoe.${world.orgId.slice(0, 8)}@atelier.test`, role: 'technician' },
        ],
      })
      .catch((error: unknown) => error)
    expect((refused as { code?: string }).code).toBe('team_not_activated')

    const { user, onActivated, container } = renderActivation(world.tokens.owner)
    const name = await screen.findByLabelText('Team name')
    expect(name).toHaveValue((await owner.me.get()).organization.name)
    expect(await axeViolations(container)).toEqual([])
    await user.clear(name)
    await user.type(name, 'Atelier Durand Maintenance')
    await user.click(screen.getByRole('button', { name: 'Activate' }))
    expect(await screen.findByRole('status')).toHaveTextContent('Your team is active')
    expect(onActivated.mock.calls[0]?.[0]).toMatchObject({ name: 'Atelier Durand Maintenance' })
    expect((await owner.me.get()).organization.activatedAt).not.toBeNull()
    const invited = await owner.invitations.create({
      invitations: [
        { firstName: 'Zoé', email: `zoe.${world.orgId.slice(0, 8)}@atelier.test`, role: 'technician' },
      ],
    })
    expect(invited.created).toBe(1)
  })

  it('asks for a name before sending', async () => {
    const world = await createWorld({ activated: false })
    const { user, onActivated } = renderActivation(world.tokens.owner)
    const name = await screen.findByLabelText('Team name')
    await user.clear(name)
    await user.click(screen.getByRole('button', { name: 'Activate' }))
    await waitFor(() => expect(name).toHaveAttribute('aria-invalid', 'true'))
    expect(onActivated).not.toHaveBeenCalled()
  })

  it('tells an admin that the owner activates the team', async () => {
    const world = await createWorld({ activated: false })
    renderActivation(world.tokens.admin)
    expect(await screen.findByRole('note')).toHaveTextContent('until the owner activates it by naming it.')
    expect(screen.queryByRole('button', { name: 'Activate' })).toBeNull()
  })

  it('shows nothing once the team is active', async () => {
    const world = await createWorld()
    const { container } = renderWithUsher(
      <>
        <Loaded />
        <TeamActivation />
      </>,
      { client: clientFor(world.tokens.owner) },
    )
    expect(await screen.findByText(/^loaded /)).toBeInTheDocument()
    expect(container.querySelector('[data-slot="team-activation"]')).toBeNull()
  })

  it('speaks French', async () => {
    const world = await createWorld({ activated: false })
    const { container } = renderActivation(world.tokens.owner, 'fr')
    expect(await screen.findByLabelText('Nom de l’équipe')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Activer' })).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
  })
})
