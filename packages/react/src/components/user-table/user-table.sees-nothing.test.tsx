import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import { UserTable } from '../../compose/user-table'

describe('UserTable, for people who see no group yet', () => {
  it('counts them, lists them in one click, and shares groups with them from there', async () => {
    // Hugo is a technician with no shared group; Élodie, a group admin, sees her group.
    const world = await createWorld()
    const user = userEvent.setup()
    const { container } = renderWithUsher(<UserTable />, { client: clientFor(world.tokens.owner) })
    await screen.findByText(
      '1 person sees no group yet: a role limited to groups, and nothing shared with them.',
    )
    expect(await axeViolations(container)).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Show them' }))
    expect(await screen.findByText('Showing the people who see no group yet.')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByText('Élodie Martin')).not.toBeInTheDocument())
    expect(screen.getAllByText('Hugo Moreau').length).toBeGreaterThan(0)
    expect(screen.queryByText(/1 person sees no group yet/)).not.toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Share groups with them' }))
    const dialog = await screen.findByRole('dialog')
    await user.click(await within(dialog).findByRole('checkbox', { name: /Paris Nord/ }))
    await user.click(within(dialog).getByRole('button', { name: /^Save/ }))
    await waitFor(async () => {
      const shares = await clientFor(world.tokens.owner).shares.get(world.users.technician)
      expect(shares.items.map((s) => s.groupName)).toEqual(['Paris Nord'])
    })
    await user.click(await screen.findByRole('button', { name: 'Show everyone' }))
    await waitFor(() => expect(screen.queryByText(/sees no group yet/)).not.toBeInTheDocument())
  }, 60_000)
})
