import { screen, waitFor } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import { InviteForm } from './invite-form'

/** The row's role picker, by its label ("Role, row 1"). */
function roleOf(row: number): HTMLSelectElement {
  const label = [...document.querySelectorAll('label')].find((el) => el.textContent === `Role, row ${row}`)
  const control = label?.htmlFor ? document.getElementById(label.htmlFor) : null
  if (!(control instanceof HTMLSelectElement)) throw new Error(`No role picker on row ${row}`)
  return control
}

describe('InviteForm, for people who would see nothing', () => {
  it('warns, without refusing, when it invites a technician or a group admin without a group', async () => {
    const world = await createWorld()
    const user = userEvent.setup()
    const { container } = renderWithUsher(<InviteForm />, { client: clientFor(world.tokens.owner) })
    await waitFor(() => expect(roleOf(1).options.length).toBeGreaterThan(1))

    await user.selectOptions(roleOf(1), 'technician')
    expect(
      await screen.findByText(/Someone invited as Technician sees no customer group until groups are shared/),
    ).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])

    await user.selectOptions(roleOf(1), 'admin')
    expect(
      await screen.findByText(
        'Someone invited as Administrator with no group will see nothing: choose at least one group.',
      ),
    ).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Groups, row 1 No group' }))
    await user.click(await screen.findByRole('checkbox', { name: 'Paris Nord' }))
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByText(/with no group will see nothing/)).not.toBeInTheDocument())
    // The submit button stays usable: a warning, never a block.
    expect(screen.getByRole('button', { name: /^Send/ })).toBeEnabled()
  }, 60_000)
})
