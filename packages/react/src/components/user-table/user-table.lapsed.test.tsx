import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import { UserTable } from '../../compose/user-table'

describe('UserTable, for invitations that lapsed', () => {
  it('says how many lapsed, lists them in one click, and sends each a new invitation from there', async () => {
    // Nina's invitation is pending; Léo's lapsed before he accepted it.
    const world = await createWorld({ invite: true })
    const owner = clientFor(world.tokens.owner)
    const user = userEvent.setup()
    const { container } = renderWithUsher(<UserTable />, { client: owner })
    await screen.findByText('1 invitation lapsed before it was accepted.')
    expect(await axeViolations(container)).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Show the lapsed invitations' }))
    expect(await screen.findByText('Showing the invitations that lapsed.')).toBeInTheDocument()
    await waitFor(() => expect(screen.queryByText('Nina Petit')).not.toBeInTheDocument())
    expect(screen.getAllByText('Léo Girard').length).toBeGreaterThan(0)
    // The same button now turns the filter off, and keeps the focus.
    expect(screen.getByRole('button', { name: 'Show every status' })).toHaveFocus()
    // The one-click filter is the Status filter, so it shows (and clears) there too.
    expect(screen.getByRole('button', { name: 'Status (1)' })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Send a new invitation' }))
    await waitFor(async () => {
      const pending = await owner.users.list({ status: ['invited'], q: 'Girard' })
      expect(pending.items.map((u) => u.lastName)).toEqual(['Girard'])
    })
    await waitFor(() => expect(screen.queryByText('Léo Girard')).not.toBeInTheDocument())
    // The resend button left with the last lapsed invitation; focus went to the filter button.
    await waitFor(() =>
      expect(screen.queryByRole('button', { name: 'Send a new invitation' })).not.toBeInTheDocument(),
    )
    expect(screen.getByRole('button', { name: 'Show every status' })).toHaveFocus()

    await user.click(screen.getByRole('button', { name: 'Show every status' }))
    expect((await screen.findAllByText('Nina Petit')).length).toBeGreaterThan(0)
    await waitFor(() => expect(screen.queryByText(/lapsed before/)).not.toBeInTheDocument())
  }, 60_000)
})
