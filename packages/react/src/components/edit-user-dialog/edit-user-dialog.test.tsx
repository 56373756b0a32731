import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { User } from '@usher/contract'
import { describe, expect, it, vi } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import type { Locale } from '../../i18n/types'
import { EditUserDialog } from './edit-user-dialog'

function renderDialog(token: string, userId: string, locale: Locale = 'en', { hostRoles = false } = {}) {
  const onSaved = vi.fn<(user: User) => void>()
  const onOpenChange = vi.fn<(open: boolean) => void>()
  const client = clientFor(token, { hostRoles })
  // What the dialog sends, to check it sends only what changed.
  const update = vi.spyOn(client.users, 'update')
  const view = renderWithUsher(
    <EditUserDialog userId={userId} defaultOpen onSaved={onSaved} onOpenChange={onOpenChange} />,
    { client, locale },
  )
  return { ...view, onSaved, onOpenChange, update, user: userEvent.setup() }
}

describe('EditUserDialog', () => {
  it('saves what changed — details, role and group — and closes', async () => {
    const world = await createWorld()
    const { user, onSaved, onOpenChange, update, baseElement } = renderDialog(
      world.tokens.owner,
      world.users.technician,
    )
    const dialog = await screen.findByRole('dialog', { name: 'Edit Hugo Moreau' })
    const nickname = await within(dialog).findByLabelText('Nickname')
    expect(within(dialog).getByLabelText('First name')).toHaveValue('Hugo')
    expect(await axeViolations(baseElement)).toEqual([])

    await user.type(nickname, 'Hugo M.')
    await user.type(within(dialog).getByLabelText('Department'), 'Maintenance Nord')
    await user.selectOptions(within(dialog).getByLabelText('Role'), 'Administrator')
    // Moved from Paris Nord to Clients Lyon: a technician moved to another group.
    await user.click(within(dialog).getByRole('button', { name: 'Groups Paris Nord' }))
    const groups = await screen.findByRole('dialog', { name: 'Groups' })
    await user.click(within(groups).getByRole('checkbox', { name: 'Paris Nord' }))
    await user.click(within(groups).getByRole('checkbox', { name: 'Clients Lyon' }))
    await user.click(within(groups).getByRole('button', { name: 'Done' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    expect(onOpenChange).toHaveBeenLastCalledWith(false)
    expect(update).toHaveBeenCalledTimes(1)
    expect(update.mock.calls[0]?.[1]).toEqual({
      nickname: 'Hugo M.',
      department: 'Maintenance Nord',
      role: 'admin',
      groupIds: [world.groups.lyon],
    })
    const saved = await clientFor(world.tokens.owner).users.get(world.users.technician)
    expect(saved).toMatchObject({
      nickname: 'Hugo M.',
      department: 'Maintenance Nord',
      role: 'admin',
      groupIds: [world.groups.lyon],
      firstName: 'Hugo',
    })
  })

  it('checks the fields as typed and sends nothing while one is wrong', async () => {
    const world = await createWorld()
    const { user, onSaved, update } = renderDialog(world.tokens.owner, world.users.technician)
    const dialog = await screen.findByRole('dialog', { name: 'Edit Hugo Moreau' })
    const phone = await within(dialog).findByLabelText('Phone')
    await user.type(phone, 'not a number')
    await user.clear(within(dialog).getByLabelText('First name'))
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByText('Enter a valid phone number.')).toBeInTheDocument()
    expect(phone).toHaveAttribute('aria-invalid', 'true')
    expect(within(dialog).getByLabelText('First name')).toHaveAttribute('aria-invalid', 'true')
    expect(onSaved).not.toHaveBeenCalled()
    expect(update).not.toHaveBeenCalled()
    const unchanged = await clientFor(world.tokens.owner).users.get(world.users.technician)
    expect(unchanged.firstName).toBe('Hugo')
  })

  it('says so when nothing changed, and sends nothing', async () => {
    const world = await createWorld()
    const { user, onSaved } = renderDialog(world.tokens.owner, world.users.technician)
    const dialog = await screen.findByRole('dialog', { name: 'Edit Hugo Moreau' })
    await within(dialog).findByLabelText('Nickname')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByText('Nothing has changed.')).toBeInTheDocument()
    expect(onSaved).not.toHaveBeenCalled()
  })

  it('locks one’s own role, groups and status, and still saves one’s own details', async () => {
    const world = await createWorld()
    const { user, onSaved } = renderDialog(world.tokens.admin, world.users.admin)
    const dialog = await screen.findByRole('dialog', { name: 'Edit Élodie Martin' })
    await within(dialog).findByLabelText('Nickname')
    expect(
      within(dialog).getByText('You cannot change your own role, groups or account status.'),
    ).toBeInTheDocument()
    expect(within(dialog).getByLabelText('Role')).toBeDisabled()
    expect(within(dialog).getByRole('button', { name: /^Groups/ })).toBeDisabled()
    expect(within(dialog).getByLabelText('Account enabled (can sign in)')).toBeDisabled()
    await user.type(within(dialog).getByLabelText('Job title'), 'Responsable Paris')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    expect(onSaved.mock.calls[0]?.[0].jobTitle).toBe('Responsable Paris')
  })

  it('offers a group admin no role above their own and only their own groups', async () => {
    const world = await createWorld()
    const { user } = renderDialog(world.tokens.admin, world.users.technician)
    const dialog = await screen.findByRole('dialog', { name: 'Edit Hugo Moreau' })
    const role = await within(dialog).findByLabelText('Role')
    expect(role).toBeEnabled()
    const offered = within(role)
      .getAllByRole('option')
      .map((option) => option.textContent)
    expect(offered).toEqual(['Administrator', 'Technician'])
    // Élodie governs Clients Paris and its subgroup: Clients Lyon is not hers to give.
    await user.click(within(dialog).getByRole('button', { name: 'Groups Paris Nord' }))
    const groups = await screen.findByRole('dialog', { name: 'Groups' })
    expect(within(groups).getByRole('checkbox', { name: 'Clients Paris' })).toBeInTheDocument()
    expect(within(groups).getByRole('checkbox', { name: 'Paris Nord' })).toBeChecked()
    expect(within(groups).queryByRole('checkbox', { name: 'Clients Lyon' })).toBeNull()
  })

  it('does not let a group admin edit a peer admin (the server would refuse it)', async () => {
    const world = await createWorld()
    const peer = await clientFor(world.tokens.owner).users.create({
      firstName: 'Paul',
      lastName: 'Pair',
      email: `paul.pair.${world.users.admin.slice(0, 8)}@atelier.test`,
      role: 'admin',
      groupIds: [world.groups.paris],
    })
    renderDialog(world.tokens.admin, peer.id)
    const dialog = await screen.findByRole('dialog', { name: 'Edit Paul Pair' })
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'You cannot edit Paul Pair: their role is the same as yours or above it.',
    )
    expect(within(dialog).queryByLabelText('Nickname')).toBeNull()
  })

  it('reports someone else’s change instead of overwriting it, and reloads it', async () => {
    const world = await createWorld()
    const { user, onSaved } = renderDialog(world.tokens.owner, world.users.technician)
    const dialog = await screen.findByRole('dialog', { name: 'Edit Hugo Moreau' })
    const nickname = await within(dialog).findByLabelText('Nickname')
    // Meanwhile, the admin changes his job title.
    const other = clientFor(world.tokens.admin)
    const current = await other.users.get(world.users.technician)
    await other.users.update(
      world.users.technician,
      { jobTitle: 'Chef d’équipe' },
      { ifMatch: current.version },
    )

    await user.type(nickname, 'Hugo M.')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    const stale = await within(dialog).findByText(/Someone else changed this person in the meantime/)
    expect(stale.closest('[role="alert"]')).not.toBeNull()
    expect(onSaved).not.toHaveBeenCalled()
    expect((await other.users.get(world.users.technician)).jobTitle).toBe('Chef d’équipe')
    // Saving again would overwrite their change: not before a reload.
    expect(within(dialog).getByRole('button', { name: 'Save' })).toBeDisabled()

    await user.click(within(dialog).getByRole('button', { name: 'Reload' }))
    await waitFor(() => expect(within(dialog).getByLabelText('Job title')).toHaveValue('Chef d’équipe'))
    await user.type(within(dialog).getByLabelText('Nickname'), 'Hugo M.')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    expect(onSaved.mock.calls[0]?.[0]).toMatchObject({ nickname: 'Hugo M.', jobTitle: 'Chef d’équipe' })
  })

  it('tells a technician that their role does not allow it', async () => {
    const world = await createWorld()
    renderDialog(world.tokens.technician, world.users.technician)
    const dialog = await screen.findByRole('dialog', { name: 'Edit Hugo Moreau' })
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Your role does not allow editing people.',
    )
  })

  it('speaks French', async () => {
    const world = await createWorld()
    const { baseElement } = renderDialog(world.tokens.owner, world.users.technician, 'fr')
    const dialog = await screen.findByRole('dialog', { name: 'Modifier Hugo Moreau' })
    expect(await within(dialog).findByLabelText('Surnom')).toBeInTheDocument()
    expect(within(dialog).getByRole('button', { name: 'Enregistrer' })).toBeInTheDocument()
    expect(await axeViolations(baseElement)).toEqual([])
  })

  it('offers the host’s operator among the roles the viewer may give, and the server saves it', async () => {
    const world = await createWorld({ hostRoles: true })
    const { user, onSaved } = renderDialog(world.tokens.owner, world.users.technician, 'en', {
      hostRoles: true,
    })
    const dialog = await screen.findByRole('dialog', { name: 'Edit Hugo Moreau' })
    const role = await within(dialog).findByLabelText('Role')
    expect(
      within(role)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['Owner', 'Administrator', 'Operator', 'Technician'])

    await user.selectOptions(role, 'Operator')
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    const saved = await clientFor(world.tokens.owner, { hostRoles: true }).users.get(world.users.technician)
    expect(saved.role).toBe('operator')
  })
})
