import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import type { Locale } from '../../i18n/types'
import { GroupsManager } from './groups-manager'

function renderManager(token: string, locale: Locale = 'en') {
  const view = renderWithUsher(<GroupsManager />, { client: clientFor(token), locale })
  return { ...view, user: userEvent.setup() }
}

const groupNamed = async (token: string, name: string) =>
  (await clientFor(token).groups.list({ limit: 1000 })).items.find((group) => group.name === name)

describe('GroupsManager (seeds 002 and 003: the groups tree)', () => {
  it('adds a group and a subgroup, renames one, moves one to the top', async () => {
    const world = await createWorld()
    const { user, container } = renderManager(world.tokens.owner)
    const tree = await screen.findByRole('list', { name: 'Groups' })
    // The controls come with the viewer's permissions (the group names also appear in the selects).
    expect(await within(tree).findByRole('button', { name: 'Rename Paris Nord' })).toBeInTheDocument()
    const nameField = await screen.findByLabelText('Name')
    expect(await axeViolations(container)).toEqual([])

    await user.type(nameField, 'Clients Marseille')
    await user.click(screen.getByRole('button', { name: 'Add the group' }))
    expect(await screen.findByText('Clients Marseille was added.')).toBeInTheDocument()
    await user.type(screen.getByLabelText('Name'), 'Vieux-Port')
    await user.selectOptions(screen.getByLabelText('Under'), 'Clients Marseille')
    await user.click(screen.getByRole('button', { name: 'Add the group' }))
    expect(await screen.findByText('Vieux-Port was added.')).toBeInTheDocument()
    const marseille = await groupNamed(world.tokens.owner, 'Clients Marseille')
    expect((await groupNamed(world.tokens.owner, 'Vieux-Port'))?.parentId).toBe(marseille?.id)

    await user.click(await screen.findByRole('button', { name: 'Rename Clients Lyon' }))
    const field = screen.getByLabelText('New name of Clients Lyon')
    await user.clear(field)
    await user.type(field, 'Clients Lyon Métropole{Enter}')
    expect(await screen.findByText('Renamed to Clients Lyon Métropole.')).toBeInTheDocument()
    expect(await groupNamed(world.tokens.owner, 'Clients Lyon Métropole')).toBeDefined()

    const under = screen.getByRole('combobox', { name: 'Move Paris Nord under' })
    await user.selectOptions(under, '— Top level —')
    // Choosing is not moving: nothing is sent until "Move" (arrow keys change a select at every step).
    expect((await groupNamed(world.tokens.owner, 'Paris Nord'))?.parentId).not.toBeNull()
    await user.click(screen.getByRole('button', { name: 'Move Paris Nord under — Top level —' }))
    // The row moved in the tree: focus is on the notice that says so, not lost on the page.
    expect(await screen.findByText('Paris Nord was moved.')).toHaveFocus()
    expect((await groupNamed(world.tokens.owner, 'Paris Nord'))?.parentId).toBeNull()
  })

  it('deletes an empty group, and says why a group with members cannot go', async () => {
    const world = await createWorld()
    await clientFor(world.tokens.owner).groups.create({ name: 'Archive' })
    const { user } = renderManager(world.tokens.owner)
    await user.click(await screen.findByRole('button', { name: 'Delete Archive' }))
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    // The row and its buttons are gone: focus lands on the notice, not on the page.
    expect(await screen.findByText('Archive was deleted.')).toHaveFocus()
    expect(await groupNamed(world.tokens.owner, 'Archive')).toBeUndefined()

    await user.click(await screen.findByRole('button', { name: 'Delete Clients Paris' }))
    await user.click(screen.getByRole('button', { name: 'Delete' }))
    expect(await screen.findByRole('alert')).toHaveTextContent(
      'Clients Paris: This group still has subgroups or members.',
    )
    expect(await groupNamed(world.tokens.owner, 'Clients Paris')).toBeDefined()
  })

  it('shows a technician the tree without controls', async () => {
    const world = await createWorld()
    await clientFor(world.tokens.owner).shares.replace(
      world.users.technician,
      { shares: [{ groupId: world.groups.lyon, permission: 'view' }] },
      { ifMatch: (await clientFor(world.tokens.owner).shares.get(world.users.technician)).version },
    )
    renderManager(world.tokens.technician)
    const tree = await screen.findByRole('list', { name: 'Groups' })
    // No controls for a technician: the name is the only text of the row.
    expect(await within(tree).findByText('Clients Lyon')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: /^Rename/ })).toBeNull()
    expect(screen.queryByLabelText('Name')).toBeNull()
  })

  it('speaks French', async () => {
    const world = await createWorld()
    const { container } = renderManager(world.tokens.owner, 'fr')
    expect(await screen.findByRole('list', { name: 'Groupes' })).toBeInTheDocument()
    expect(await screen.findByRole('button', { name: 'Ajouter le groupe' })).toBeInTheDocument()
    await waitFor(async () => expect(await axeViolations(container)).toEqual([]))
  })
})
