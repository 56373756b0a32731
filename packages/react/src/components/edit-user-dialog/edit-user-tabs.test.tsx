import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it, vi } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import { EditUserDialog as ShippedEditUserDialog } from '../../compose/edit-user-dialog'
import { EditUserDialog } from './edit-user-dialog'

describe('EditUserDialog, Password tab', () => {
  it('sets a password under the policy, with "must change" ticked as the organization says', async () => {
    const world = await createWorld()
    const client = clientFor(world.tokens.owner)
    const user = userEvent.setup()
    const { baseElement } = renderWithUsher(<EditUserDialog userId={world.users.technician} defaultOpen />, {
      client,
    })
    const dialog = await screen.findByRole('dialog', { name: 'Edit Hugo Moreau' })
    await user.click(await within(dialog).findByRole('tab', { name: 'Password' }))
    const panel = within(dialog).getByRole('tabpanel', { name: 'Password' })
    // The organization's policy, as the server will judge it.
    expect(within(panel).getByRole('list', { name: 'Password rules' })).toHaveTextContent(
      'At least 12 characters',
    )
    const mustChange = within(panel).getByRole('checkbox', {
      name: 'Ask them to choose their own password at the next sign-in',
    })
    expect(mustChange).toBeChecked()
    expect(await axeViolations(baseElement)).toEqual([])

    const field = within(panel).getByLabelText('New password')
    await user.type(field, 'short')
    await user.click(within(panel).getByRole('button', { name: 'Set password' }))
    expect(field).toHaveAttribute('aria-invalid', 'true')

    await user.clear(field)
    await user.type(field, 'violet harbour lantern 84')
    await user.click(within(panel).getByRole('button', { name: 'Set password' }))
    expect(
      await within(panel).findByText('Password set for Hugo Moreau, who must change it at the next sign-in.'),
    ).toBeInTheDocument()
    expect(await client.users.get(world.users.technician)).toMatchObject({ mustChangePassword: true })
  })

  it('offers no Password tab on one’s own record, and no History tab without the slot', async () => {
    const world = await createWorld()
    renderWithUsher(<EditUserDialog userId={world.users.owner} defaultOpen />, {
      client: clientFor(world.tokens.owner),
    })
    const dialog = await screen.findByRole('dialog', { name: /^Edit Camille Durand/ })
    await within(dialog).findByLabelText('First name')
    expect(within(dialog).queryByRole('tab')).toBeNull()
  })
})

describe('EditUserDialog, assigned agent', () => {
  it('picks the agent among console users, never the person, and saves it', async () => {
    const world = await createWorld()
    const client = clientFor(world.tokens.owner)
    const update = vi.spyOn(client.users, 'update')
    const user = userEvent.setup()
    renderWithUsher(<EditUserDialog userId={world.users.technician} defaultOpen />, { client })
    const dialog = await screen.findByRole('dialog', { name: 'Edit Hugo Moreau' })
    const trigger = await within(dialog).findByRole('button', { name: 'Assigned agent No agent' })
    await user.click(trigger)
    const picker = await screen.findByRole('dialog', { name: 'Assigned agent' })
    const admin = await within(picker).findByRole('button', { name: /Élodie Martin/ })
    expect(within(picker).getByRole('button', { name: /Camille Durand/ })).toBeInTheDocument()
    expect(within(picker).queryByRole('button', { name: /Hugo Moreau/ })).toBeNull()
    await user.click(admin)
    // Back on the button, which now names the agent.
    await waitFor(() => expect(trigger).toHaveFocus())
    expect(trigger).toHaveAccessibleName('Assigned agent Élodie Martin')

    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(update).toHaveBeenCalledTimes(1))
    expect(update.mock.calls[0]?.[1]).toEqual({ assignedAgentId: world.users.admin })
    expect(await client.users.get(world.users.technician)).toMatchObject({
      assignedAgentId: world.users.admin,
    })
  })
})

describe('EditUserDialog as shipped, History tab', () => {
  it('shows the person’s own events to a viewer who may read the audit log', async () => {
    const world = await createWorld()
    const user = userEvent.setup()
    renderWithUsher(<ShippedEditUserDialog userId={world.users.technician} defaultOpen />, {
      client: clientFor(world.tokens.owner),
    })
    const dialog = await screen.findByRole('dialog', { name: 'Edit Hugo Moreau' })
    await user.click(await within(dialog).findByRole('tab', { name: 'History' }))
    const panel = within(dialog).getByRole('tabpanel', { name: 'History' })
    // The person was created by the owner: the first event of their history.
    expect(await within(panel).findAllByRole('listitem')).not.toHaveLength(0)
    expect(within(panel).queryByRole('combobox')).toBeNull()
  })
})
