import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { clientFor, createWorld, renderWithUsher } from '../../../test/render'
import { UserTable } from '../../compose/user-table'

describe('UserTable, for invitations about to lapse', () => {
  it('lists the invitations that expire within 7 days from the status filter', async () => {
    // Nina's invitation has 30 days left; Zoé's, sent with a 5-day lifetime, lapses within the week.
    const world = await createWorld({ invite: true })
    const owner = clientFor(world.tokens.owner)
    const me = await owner.me.get()
    await owner.organization.update(
      { settings: { invitationLifetimeDays: 5 } },
      { ifMatch: me.organization.version },
    )
    await owner.invitations.create({
      invitations: [
        { firstName: 'Zoé', lastName: 'Bientôt', email: `zoe.${Date.now()}@example.com`, role: 'admin' },
      ],
    })
    const user = userEvent.setup()
    renderWithUsher(<UserTable />, { client: owner })
    expect((await screen.findAllByText('Nina Petit')).length).toBeGreaterThan(0)

    await user.click(screen.getByRole('button', { name: 'Status' }))
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Expires within 7 days' }))
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByText('Nina Petit')).not.toBeInTheDocument())
    expect(screen.getAllByText('Zoé Bientôt').length).toBeGreaterThan(0)
    expect(screen.getByRole('button', { name: 'Status (1)' })).toBeInTheDocument()
  }, 60_000)
})
