import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { User } from '@usher/contract'
import { describe, expect, it, vi } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import type { Locale } from '../../i18n/types'
import { EditUserDialog } from './edit-user-dialog'

function renderDialog(token: string, userId: string, locale: Locale = 'en') {
  const onSaved = vi.fn<(user: User) => void>()
  const onOpenChange = vi.fn<(open: boolean) => void>()
  const view = renderWithUsher(
    <EditUserDialog userId={userId} defaultOpen onSaved={onSaved} onOpenChange={onOpenChange} />,
    { client: clientFor(token), locale },
  )
  return { ...view, onSaved, onOpenChange, user: userEvent.setup() }
}

describe('EditUserDialog', () => {
  it('saves what changed — details, role and group — and closes', async () => {
    const world = await createWorld()
    const { user, onSaved, onOpenChange, baseElement } = renderDialog(
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
    // Moved from Paris Nord to Clients Lyon (seed 003: move a technician to another group).
    await user.click(within(dialog).getByRole('button', { name: 'Groups Paris Nord' }))
    const groups = await screen.findByRole('dialog', { name: 'Groups' })
    await user.click(within(groups).getByRole('checkbox', { name: 'Paris Nord' }))
    await user.click(within(groups).getByRole('checkbox', { name: 'Clients Lyon' }))
    await user.click(within(groups).getByRole('button', { name: 'Done' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))

    await waitFor(() => expect(onSaved).toHaveBeenCalledTimes(1))
    expect(onOpenChange).toHaveBeenLastCalledWith(false)
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
    const { user, onSaved } = renderDialog(world.tokens.owner, world.users.technician)
    const dialog = await screen.findByRole('dialog', { name: 'Edit Hugo Moreau' })
    const phone = await within(dialog).findByLabelText('Phone')
    await user.type(phone, 'not a number')
    await user.clear(within(dialog).getByLabelText('First name'))
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    expect(await within(dialog).findByText('Enter a valid phone number.')).toBeInTheDocument()
    expect(phone).toHaveAttribute('aria-invalid', 'true')
    expect(within(dialog).getByLabelText('First name')).toHaveAttribute('aria-invalid', 'true')
    expect(onSaved).not.toHaveBeenCalled()
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

  it('offers no role above the viewer’s own', async () => {
    const world = await createWorld()
    renderDialog(world.tokens.admin, world.users.technician)
    const dialog = await screen.findByRole('dialog', { name: 'Edit Hugo Moreau' })
    const role = await within(dialog).findByLabelText('Role')
    const offered = within(role)
      .getAllByRole('option')
      .map((option) => option.textContent)
    expect(offered).not.toContain('Owner')
    expect(offered).toContain('Technician')
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
})
