import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import type { Locale } from '../../i18n/types'
import { GroupSharesDialog } from './group-shares-dialog'

function renderDialog(token: string, groupId: string, locale: Locale = 'en') {
  const view = renderWithUsher(<GroupSharesDialog groupId={groupId} defaultOpen />, {
    client: clientFor(token),
    locale,
  })
  return { ...view, user: userEvent.setup() }
}

describe('GroupSharesDialog (seed 002: share from the Groups tab)', () => {
  it('shares a group with people picked by name, changes a permission, removes a share', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const { user, baseElement } = renderDialog(world.tokens.owner, world.groups.lyon)
    const dialog = await screen.findByRole('dialog', { name: 'Shared with — Clients Lyon' })
    expect(
      await within(dialog).findByText('Not shared with anyone yet: add people below.'),
    ).toBeInTheDocument()
    expect(await axeViolations(baseElement)).toEqual([])

    await user.type(within(dialog).getByLabelText('Find people by name or email'), 'Hugo')
    // The list is replaced when the search answers: read it afresh until only Hugo is left.
    const found = () => within(dialog).getByRole('list', { name: 'People found' })
    await waitFor(() => expect(within(found()).getAllByRole('checkbox')).toHaveLength(1), { timeout: 5000 })
    await user.click(within(found()).getByRole('checkbox', { name: /Hugo Moreau/ }))
    await user.selectOptions(within(dialog).getByLabelText('Permission'), 'manage')
    await user.click(within(dialog).getByRole('button', { name: 'Share with 1 person' }))
    expect(await within(dialog).findByText('Shared with 1 person.')).toBeInTheDocument()
    const permission = await within(dialog).findByRole('combobox', { name: 'Permission for Hugo Moreau' })
    expect(permission).toHaveValue('manage')
    expect((await owner.shares.get(world.users.technician)).items).toEqual([
      expect.objectContaining({ groupId: world.groups.lyon, permission: 'manage' }),
    ])

    await user.selectOptions(permission, 'view')
    expect(await within(dialog).findByText('The permission of Hugo Moreau is changed.')).toBeInTheDocument()
    expect((await owner.shares.get(world.users.technician)).items[0]?.permission).toBe('view')

    await user.click(within(dialog).getByRole('button', { name: 'Remove Hugo Moreau' }))
    expect(await within(dialog).findByText('Hugo Moreau no longer has this group.')).toBeInTheDocument()
    await waitFor(() =>
      expect(within(dialog).queryByRole('combobox', { name: 'Permission for Hugo Moreau' })).toBeNull(),
    )
    expect((await owner.shares.get(world.users.technician)).items).toEqual([])
  })

  it('tells a technician that their role does not allow sharing', async () => {
    const world = await createWorld()
    renderDialog(world.tokens.technician, world.groups.paris)
    const dialog = await screen.findByRole('dialog')
    expect(await within(dialog).findByRole('alert')).toHaveTextContent(
      'Your role does not allow sharing groups.',
    )
  })

  it('speaks French', async () => {
    const world = await createWorld()
    const { baseElement } = renderDialog(world.tokens.owner, world.groups.paris, 'fr')
    const dialog = await screen.findByRole('dialog', { name: 'Partagé avec — Clients Paris' })
    expect(await within(dialog).findByLabelText('Rechercher par nom ou e-mail')).toBeInTheDocument()
    expect(await axeViolations(baseElement)).toEqual([])
  })
})
