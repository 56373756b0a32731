import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { ListUsersQuery } from '@usher/contract'
import type { UsherClient } from '@usher/sdk'
import { delay, HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { clientFor, createWorld, renderWithUsher, serverUrl } from '../../../test/render'
import { UserTable } from '../../compose/user-table'
import type { UserTableColumnVisibility } from './columns'
import type { UserTableProps } from './user-table'

// Fault cases only: every other request reaches the real server.
const mock = setupServer()
beforeAll(() => mock.listen({ onUnhandledRequest: 'bypass' }))
afterEach(() => {
  mock.resetHandlers()
  // The table remembers its column choices in localStorage: each test starts from none.
  window.localStorage.clear()
})
afterAll(() => mock.close())

const PASSWORD = 'correct horse battery staple 42'
const tag = () => Math.random().toString(36).slice(2, 8)

/** Invites Inès Petit (technician, Clients Lyon) as the owner: an invited row. */
async function inviteInes(owner: UsherClient, lyon: string) {
  const email = `ines.petit.${tag()}@atelier.test`
  await owner.invitations.create({
    invitations: [{ firstName: 'Inès', lastName: 'Petit', email, role: 'technician', groupIds: [lyon] }],
  })
  return email
}

/** The real client, recording every users.list query it sends. */
function recording(client: UsherClient) {
  const queries: ListUsersQuery[] = []
  const recorded: UsherClient = {
    ...client,
    users: {
      ...client.users,
      list: (query, options) => {
        queries.push(query ?? {})
        return client.users.list(query, options)
      },
    },
  }
  return { client: recorded, queries }
}

async function renderTable(client: UsherClient, props: UserTableProps = {}) {
  const user = userEvent.setup()
  const view = renderWithUsher(<UserTable {...props} />, { client })
  const table = await screen.findByRole('table', { name: 'Users' })
  return { user, table, ...view }
}

// hidden: an open menu or dialog hides the rest of the page from assistive tech meanwhile.
const bodyRows = (table: HTMLElement) => within(table).getAllByRole('row', { hidden: true }).slice(1)
const rowOf = (table: HTMLElement, name: string) => {
  const row = bodyRows(table).find((r) => within(r).queryByText(name))
  if (!row) throw new Error(`no row for ${name}`)
  return row
}
/**
 * Row menu → Change role → a role, from the keyboard (the menu-button pattern: Enter opens, the
 * first item takes focus, ArrowRight opens the submenu). jsdom has no layout, so a pointer moving
 * into Radix's submenu leaves its "grace area" and closes it; the keyboard path is exact.
 */
async function chooseRole(user: ReturnType<typeof userEvent.setup>, name: string, role: string) {
  screen.getByRole('button', { name: `Actions for ${name}` }).focus()
  await user.keyboard('{Enter}')
  expect(screen.getByRole('menuitem', { name: /Change role/ })).toHaveFocus()
  await user.keyboard('{ArrowRight}')
  const option = await screen.findByRole('menuitemradio', { name: role })
  await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('menuitemradio'))
  for (let i = 0; i < 5 && document.activeElement !== option; i++) await user.keyboard('{ArrowDown}')
  expect(option).toHaveFocus()
  await user.keyboard('{Enter}')
}

const names = (table: HTMLElement) =>
  bodyRows(table).map((row) => row.querySelector('[data-slot="user-table-full-name"]')?.textContent)

describe('given the owner', () => {
  it('lists every user with name, email, role, status and groups, and knows the full size', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const email = await inviteInes(owner, world.groups.lyon)
    await owner.shares.bulk({
      action: 'share',
      userIds: [world.users.technician],
      groupIds: [world.groups.lyon, world.groups.paris],
      permission: 'view',
    })
    const { table } = await renderTable(owner)

    await waitFor(() => expect(bodyRows(table)).toHaveLength(4))
    expect(names(table)).toEqual(['Camille Durand', 'Élodie Martin', 'Hugo Moreau', 'Inès Petit'])
    expect(table).toHaveAttribute('aria-rowcount', '5')
    expect(bodyRows(table).map((row) => row.getAttribute('aria-rowindex'))).toEqual(['2', '3', '4', '5'])

    const camille = rowOf(table, 'Camille Durand')
    expect(within(camille).getByText('Owner')).toHaveAttribute('data-role', 'owner')
    expect(within(camille).getByText('You')).toBeInTheDocument()
    const ines = rowOf(table, 'Inès Petit')
    expect(within(ines).getByText(email)).toBeInTheDocument()
    expect(within(ines).getByText('Technician')).toBeInTheDocument()
    expect(within(ines).getByText(/^Invited, expires in (30|29) days$/)).toHaveAttribute(
      'data-status',
      'invited',
    )
    expect(ines).toHaveAttribute('data-status', 'invited')
    const hugo = rowOf(table, 'Hugo Moreau')
    expect(within(hugo).getByText('Active')).toBeInTheDocument()
    expect(within(hugo).getByRole('button', { name: '2 groups shared with Hugo Moreau' })).toBeInTheDocument()
    expect(within(hugo).getByText('Never')).toBeInTheDocument()
    // The seat counter sits in the toolbar: Hugo and the pending invitation hold a seat each.
    expect(await screen.findByText('2 used (unlimited)')).toBeInTheDocument()
  })

  it('searches on the server as you type, once the typing pauses', async () => {
    const world = await createWorld()
    const { client, queries } = recording(clientFor(world.tokens.owner))
    const { user, table } = await renderTable(client)
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3))

    await user.type(screen.getByRole('searchbox', { name: 'Search users' }), 'Mor')
    await waitFor(() => expect(names(table)).toEqual(['Hugo Moreau']))
    // Debounced: one request for "Mor", none for "M" or "Mo".
    expect(queries.map((query) => query.q).filter(Boolean)).toEqual(['Mor'])
    // The footer says how many match, counted on the server (GET /users/count).
    expect(await screen.findByText('1 user')).toBeInTheDocument()

    // An email domain matches everyone at that address (the world's people are @atelier.test).
    await user.clear(screen.getByRole('searchbox', { name: 'Search users' }))
    await user.type(screen.getByRole('searchbox', { name: 'Search users' }), 'atelier.test')
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3))
    expect(await screen.findByText('3 users')).toBeInTheDocument()

    await user.clear(screen.getByRole('searchbox', { name: 'Search users' }))
    await user.type(screen.getByRole('searchbox', { name: 'Search users' }), 'zzz')
    const noMatch = await screen.findByText('No users match')
    await user.click(
      within(noMatch.parentElement as HTMLElement).getByRole('button', { name: 'Clear filters' }),
    )
    const again = await screen.findByRole('table', { name: 'Users' })
    await waitFor(() => expect(bodyRows(again)).toHaveLength(3))
  })

  it('filters by status and by role on the server', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    await inviteInes(owner, world.groups.lyon)
    const { client, queries } = recording(owner)
    const { user, table } = await renderTable(client)
    await waitFor(() => expect(bodyRows(table)).toHaveLength(4))

    await user.click(screen.getByRole('button', { name: 'Status' }))
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Invited' }))
    await user.keyboard('{Escape}')
    await waitFor(() => expect(names(table)).toEqual(['Inès Petit']))
    expect(queries.at(-1)?.status).toEqual(['invited'])
    expect(screen.getByRole('button', { name: 'Status (1)' })).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Status (1)' }))
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Invited' }))
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Active' }))
    await user.keyboard('{Escape}')
    await user.click(screen.getByRole('button', { name: 'Role' }))
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Technician' }))
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Administrator' }))
    await user.keyboard('{Escape}')
    await waitFor(() => expect(names(table)).toEqual(['Élodie Martin', 'Hugo Moreau']))
    expect(queries.at(-1)).toMatchObject({ status: ['active'], role: ['technician', 'admin'] })

    await user.selectOptions(screen.getByRole('combobox', { name: 'Group' }), 'Clients Paris')
    await waitFor(() => expect(queries.at(-1)?.groupId).toBe(world.groups.paris))
    // Paris Nord is a subgroup of Clients Paris: Hugo is in it.
    await waitFor(() => expect(names(table)).toEqual(['Élodie Martin', 'Hugo Moreau']))
  })

  it('sorts on the server by clicking a column header, announced with aria-sort', async () => {
    const world = await createWorld()
    const { client, queries } = recording(clientFor(world.tokens.owner))
    const { user, table } = await renderTable(client)
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3))
    const nameHeader = within(table).getByRole('columnheader', { name: /Name/ })
    expect(nameHeader).toHaveAttribute('aria-sort', 'ascending')

    await user.click(within(nameHeader).getByRole('button', { name: 'Name' }))
    await waitFor(() => expect(names(table)).toEqual(['Hugo Moreau', 'Élodie Martin', 'Camille Durand']))
    expect(nameHeader).toHaveAttribute('aria-sort', 'descending')
    expect(queries.at(-1)?.sort).toBe('-name')

    const lastActive = within(table).getByRole('columnheader', { name: /Last active/ })
    await user.click(within(lastActive).getByRole('button', { name: 'Last active' }))
    await waitFor(() => expect(queries.at(-1)?.sort).toBe('-lastActiveAt'))
    expect(lastActive).toHaveAttribute('aria-sort', 'descending')
    expect(nameHeader).not.toHaveAttribute('aria-sort')
    // Camille is the only one who has used the app.
    await waitFor(() => expect(names(table)[0]).toBe('Camille Durand'))
  })

  it('pages through the list with keyset cursors (infinite scroll)', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    await owner.invitations.create({
      invitations: ['Aline', 'Bastien', 'Chloé'].map((firstName) => ({
        firstName,
        lastName: 'Roux',
        email: `${firstName.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.roux.${tag()}@atelier.test`,
        role: 'technician',
        groupIds: [world.groups.lyon],
      })),
    })
    const { client, queries } = recording(owner)
    const { table } = await renderTable(client, { pageSize: 2 })
    // Every row fits the window: page after page is fetched until the server has no more.
    await waitFor(() => expect(bodyRows(table)).toHaveLength(6))
    expect(table).toHaveAttribute('aria-rowcount', '7')
    expect(queries.length).toBeGreaterThanOrEqual(3)
    // All of them loaded: the footer gives the count of matches alone.
    expect(await screen.findByText('6 users')).toBeInTheDocument()
  })

  it('changes a role at once and puts it back when the server refuses (409), saying why', async () => {
    const world = await createWorld()
    mock.use(
      http.patch(`${serverUrl()}/users/:id`, async () => {
        await delay(150)
        return HttpResponse.json(
          { type: 'https://usher.dev/problems/conflict', title: 'Conflict', status: 409, code: 'conflict' },
          { status: 409, headers: { 'Content-Type': 'application/problem+json' } },
        )
      }),
    )
    const { user, table } = await renderTable(clientFor(world.tokens.owner))
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3))

    await chooseRole(user, 'Hugo Moreau', 'Administrator')

    // Optimistic: the row shows the new role before the server answers.
    expect(within(rowOf(table, 'Hugo Moreau')).getByText('Administrator')).toBeInTheDocument()
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent(
      'The role of Hugo Moreau was not changed: This conflicts with a recent change. Reload and try again.',
    )
    expect(within(rowOf(table, 'Hugo Moreau')).getByText('Technician')).toBeInTheDocument()
  })

  it('changes a role for real, and the server keeps it', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const { user, table } = await renderTable(owner)
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3))
    await chooseRole(user, 'Hugo Moreau', 'Administrator')
    expect(await screen.findByText('Hugo Moreau is now Administrator.')).toBeInTheDocument()
    expect((await owner.users.get(world.users.technician)).role).toBe('admin')
  })

  it('deletes after a confirmation that names the person', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const { user, table } = await renderTable(owner)
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3))

    const trigger = screen.getByRole('button', { name: 'Actions for Hugo Moreau' })
    await user.click(trigger)
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete Hugo Moreau?' })
    expect(dialog).toHaveTextContent(/hugo\.moreau\..*@atelier\.test/)
    // Cancel first: nothing happens, focus returns to the row's menu button.
    await user.click(within(dialog).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(screen.queryByRole('alertdialog')).not.toBeInTheDocument())
    expect(trigger).toHaveFocus()
    expect(bodyRows(table)).toHaveLength(3)

    await user.click(trigger)
    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }))
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Delete Hugo Moreau' }),
    )
    await waitFor(() => expect(names(table)).toEqual(['Camille Durand', 'Élodie Martin']))
    expect(screen.getByText('Hugo Moreau was deleted.')).toBeInTheDocument()
    await expect(owner.users.get(world.users.technician)).rejects.toMatchObject({ code: 'not_found' })
  })

  it('disables two selected users and reports each one’s result', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    await inviteInes(owner, world.groups.lyon)
    const { user, table } = await renderTable(owner)
    await waitFor(() => expect(bodyRows(table)).toHaveLength(4))

    await user.click(screen.getByRole('checkbox', { name: 'Select Hugo Moreau' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select Inès Petit' }))
    const bar = screen.getByRole('group', { name: 'Actions on the selected users' })
    expect(bar).toHaveTextContent('2 selected')
    expect(within(bar).getByRole('button', { name: 'Resend invitations' })).toBeInTheDocument()
    expect(screen.getByRole('checkbox', { name: 'Select all loaded users' })).toHaveAttribute(
      'aria-checked',
      'mixed',
    )
    await user.click(within(bar).getByRole('button', { name: 'Disable…' }))
    // Nothing is sent before the confirmation, which names both people.
    const dialog = await screen.findByRole('alertdialog', { name: 'Disable 2 users?' })
    expect(dialog).toHaveTextContent('Hugo Moreau, Inès Petit')
    expect((await owner.users.get(world.users.technician)).status).toBe('active')
    await user.click(within(dialog).getByRole('button', { name: 'Disable 2 users' }))

    // An invitation cannot be disabled: the server says so for Inès, and Hugo is disabled.
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('1 done, 1 failed')
    expect(alert).toHaveTextContent('Inès Petit — This is not possible in the account’s current status.')
    await waitFor(() => expect(within(rowOf(table, 'Hugo Moreau')).getByText('Disabled')).toBeInTheDocument())
    // The one that failed stays selected.
    expect(screen.getByRole('checkbox', { name: 'Select Inès Petit' })).toHaveAttribute(
      'aria-checked',
      'true',
    )
    expect(screen.getByRole('checkbox', { name: 'Select Hugo Moreau' })).toHaveAttribute(
      'aria-checked',
      'false',
    )
  })

  it('does not send self-locked bulk actions for oneself, and says so', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const { user, table } = await renderTable(owner)
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3))
    await user.click(screen.getByRole('checkbox', { name: 'Select all loaded users' }))
    const bar = screen.getByRole('group', { name: 'Actions on the selected users' })
    expect(bar).toHaveTextContent('3 selected')
    // Nobody selected has an invitation: resending is not offered.
    expect(within(bar).queryByRole('button', { name: 'Resend invitations' })).toBeNull()
    await user.click(screen.getByRole('button', { name: 'Delete…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Delete 3 users?' })
    await user.click(within(dialog).getByRole('button', { name: 'Delete 3 users' }))
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('2 done, 1 failed')
    expect(alert).toHaveTextContent('Camille Durand — not possible on your own account')
    await waitFor(() => expect(names(table)).toEqual(['Camille Durand']))
  })

  it('asks before a bulk role change, enables a disabled selection, and undoes a disabling', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const { user, table } = await renderTable(owner)
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3))

    // A bulk role change names the role and the people, and sends nothing until confirmed.
    await user.click(screen.getByRole('checkbox', { name: 'Select Hugo Moreau' }))
    const bar = screen.getByRole('group', { name: 'Actions on the selected users' })
    await user.click(within(bar).getByRole('button', { name: 'Change role' }))
    await user.click(await screen.findByRole('menuitem', { name: 'Administrator' }))
    const roleDialog = await screen.findByRole('alertdialog', { name: 'Make 1 user Administrator?' })
    expect(roleDialog).toHaveTextContent('Hugo Moreau')
    await user.click(within(roleDialog).getByRole('button', { name: 'Cancel' }))
    expect((await owner.users.get(world.users.technician)).role).toBe('technician')

    // Disable from the row, through its confirmation; the notice offers the way back.
    await user.click(screen.getByRole('button', { name: 'Actions for Hugo Moreau' }))
    await user.click(screen.getByRole('menuitem', { name: 'Disable…' }))
    const confirm = await screen.findByRole('alertdialog', { name: 'Disable Hugo Moreau?' })
    expect(confirm).toHaveTextContent(world.emails.technician)
    await user.click(within(confirm).getByRole('button', { name: 'Disable Hugo Moreau' }))
    await screen.findByText('Hugo Moreau is disabled.')
    expect((await owner.users.get(world.users.technician)).status).toBe('disabled')
    await user.click(screen.getByRole('button', { name: 'Undo' }))
    expect(await screen.findByText('Hugo Moreau is enabled again.')).toBeInTheDocument()
    expect((await owner.users.get(world.users.technician)).status).toBe('active')

    // Bulk Enable: offered once someone selected is disabled, and sent at once (nothing is lost).
    await user.click(screen.getByRole('button', { name: 'Actions for Hugo Moreau' }))
    await user.click(screen.getByRole('menuitem', { name: 'Disable…' }))
    const again = await screen.findByRole('alertdialog', { name: 'Disable Hugo Moreau?' })
    await user.click(within(again).getByRole('button', { name: 'Disable Hugo Moreau' }))
    await waitFor(() => expect(within(rowOf(table, 'Hugo Moreau')).getByText('Disabled')).toBeInTheDocument())
    const bar2 = screen.getByRole('group', { name: 'Actions on the selected users' })
    await user.click(within(bar2).getByRole('button', { name: 'Enable' }))
    expect(await screen.findByText('Done for 1 user.')).toBeInTheDocument()
    expect((await owner.users.get(world.users.technician)).status).toBe('active')
  })

  it('resends an invitation from the keyboard', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const email = await inviteInes(owner, world.groups.lyon)
    const { user, table } = await renderTable(owner)
    await waitFor(() => expect(bodyRows(table)).toHaveLength(4))

    screen.getByRole('button', { name: 'Actions for Inès Petit' }).focus()
    await user.keyboard('{Enter}')
    const menu = await screen.findByRole('menu')
    // Invited: role, groups, resend, revoke, delete — never enable, disable or force password change.
    expect(
      within(menu)
        .getAllByRole('menuitem')
        .map((item) => item.textContent),
    ).toEqual(['Change role›', 'Shared groups…', 'Resend invitation', 'Revoke invitation…', 'Delete…'])
    await user.keyboard('{ArrowDown}{ArrowDown}')
    expect(within(menu).getByRole('menuitem', { name: 'Resend invitation' })).toHaveFocus()
    await user.keyboard('{Enter}')
    expect(await screen.findByText(`The invitation was sent again to ${email}.`)).toBeInTheDocument()
    const [invitation] = (await owner.invitations.list()).items
    expect(invitation?.sendCount).toBe(2)
  })

  it('revokes an invitation after confirming, and disables then enables someone from their row', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    await inviteInes(owner, world.groups.lyon)
    const { user, table } = await renderTable(owner)
    await waitFor(() => expect(bodyRows(table)).toHaveLength(4))

    await user.click(screen.getByRole('button', { name: 'Actions for Inès Petit' }))
    await user.click(screen.getByRole('menuitem', { name: 'Revoke invitation…' }))
    const dialog = await screen.findByRole('alertdialog', { name: 'Revoke the invitation of Inès Petit?' })
    await user.click(within(dialog).getByRole('button', { name: 'Revoke the invitation' }))
    expect(await screen.findByText('The invitation of Inès Petit was revoked.')).toBeInTheDocument()
    expect(names(table)).not.toContain('Inès Petit')

    await user.click(screen.getByRole('button', { name: 'Actions for Hugo Moreau' }))
    await user.click(screen.getByRole('menuitem', { name: 'Disable…' }))
    const confirm = await screen.findByRole('alertdialog', { name: 'Disable Hugo Moreau?' })
    await user.click(within(confirm).getByRole('button', { name: 'Disable Hugo Moreau' }))
    expect(await screen.findByText('Hugo Moreau is disabled.')).toBeInTheDocument()
    expect(within(rowOf(table, 'Hugo Moreau')).getByText('Disabled')).toBeInTheDocument()
    await user.click(screen.getByRole('button', { name: 'Actions for Hugo Moreau' }))
    const items = screen.getAllByRole('menuitem').map((item) => item.textContent)
    expect(items).toContain('Enable')
    expect(items).not.toContain('Force password change at next sign-in')
    await user.click(screen.getByRole('menuitem', { name: 'Enable' }))
    expect(await screen.findByText('Hugo Moreau is enabled again.')).toBeInTheDocument()
    expect(within(rowOf(table, 'Hugo Moreau')).getByText('Active')).toBeInTheDocument()
  })

  it('opens the SharedGroupsDialog from the groups count and for a selection; the count follows', async () => {
    const world = await createWorld()
    const { user, table } = await renderTable(clientFor(world.tokens.owner))
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3))

    const count = screen.getByRole('button', { name: 'No groups shared with Hugo Moreau' })
    await user.click(count)
    const dialog = await screen.findByRole('dialog', { name: 'Shared groups — Hugo Moreau' })
    await within(dialog).findByRole('list', { name: 'Groups' })
    await user.click(within(dialog).getByRole('checkbox', { name: 'Clients Lyon' }))
    await user.click(within(dialog).getByRole('button', { name: 'Save' }))
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(await screen.findByRole('button', { name: '1 group shared with Hugo Moreau' })).toBe(count)
    await waitFor(() => expect(count).toHaveFocus())

    await user.click(screen.getByRole('checkbox', { name: 'Select Hugo Moreau' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select Élodie Martin' }))
    await user.click(screen.getByRole('button', { name: 'Share groups…' }))
    expect(await screen.findByRole('dialog', { name: 'Shared groups — 2 users' })).toBeInTheDocument()
  })

  it('shows the host’s extra columns, hides columns from the menu, and calls the host’s own sharing', async () => {
    const world = await createWorld()
    const onShareGroups = vi.fn()
    const onColumnVisibilityChange = vi.fn()
    const { user, table } = await renderTable(clientFor(world.tokens.owner), {
      onShareGroups,
      onColumnVisibilityChange,
      extraColumns: [{ id: 'jobTitle', header: 'Job title', cell: (u) => u.jobTitle ?? '—' }],
    })
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3))
    expect(within(table).getByRole('columnheader', { name: 'Job title' })).toBeInTheDocument()
    expect(within(rowOf(table, 'Hugo Moreau')).getByText('—')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Columns' }))
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Last active' }))
    await user.keyboard('{Escape}')
    expect(within(table).queryByRole('columnheader', { name: /Last active/ })).not.toBeInTheDocument()
    expect(onColumnVisibilityChange).toHaveBeenLastCalledWith({ lastActive: false })

    await user.click(screen.getByRole('button', { name: 'No groups shared with Hugo Moreau' }))
    expect(onShareGroups).toHaveBeenLastCalledWith([world.users.technician])
    await user.click(screen.getByRole('checkbox', { name: 'Select Hugo Moreau' }))
    await user.click(screen.getByRole('checkbox', { name: 'Select Élodie Martin' }))
    await user.click(screen.getByRole('button', { name: 'Share groups…' }))
    expect(onShareGroups).toHaveBeenLastCalledWith([world.users.admin, world.users.technician])
  })

  it('gives focus back to the Role, Status and Columns buttons when their menu closes, ticked or not', async () => {
    const world = await createWorld()
    const { user, table, container } = await renderTable(clientFor(world.tokens.owner))
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3))
    for (const slot of ['user-table-role-filter', 'user-table-status-filter', 'user-table-columns-trigger']) {
      const trigger = container.querySelector<HTMLElement>(`[data-slot="${slot}"]`)
      if (!trigger) throw new Error(`no ${slot}`)
      // Opened and closed untouched.
      trigger.focus()
      await user.keyboard('{Enter}')
      await screen.findByRole('menu')
      await user.keyboard('{Escape}')
      await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument())
      expect(document.activeElement).toBe(trigger)
      // Opened, an item ticked (the menu stays open for the next one, the list refetches), closed.
      await user.keyboard('{Enter}')
      await waitFor(() => expect(document.activeElement?.getAttribute('role')).toBe('menuitemcheckbox'))
      const item = document.activeElement as HTMLElement
      const before = item.getAttribute('aria-checked')
      await user.keyboard('{Enter}')
      await waitFor(() => expect(item.getAttribute('aria-checked')).not.toBe(before))
      expect(screen.getByRole('menu')).toBeInTheDocument()
      await user.keyboard('{Escape}')
      await waitFor(() => expect(screen.queryByRole('menu')).not.toBeInTheDocument())
      expect(document.activeElement).toBe(trigger)
    }
    // The filters set above are still on: the table asked for them.
    expect(container.querySelector('[data-slot="user-table-status-filter"]')).toHaveAttribute('data-active')
  })

  it('remembers the column choices for the next visit (localStorage, or the host’s key and store)', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    try {
      const first = await renderTable(owner)
      await waitFor(() => expect(bodyRows(first.table)).toHaveLength(3))
      await first.user.click(screen.getByRole('button', { name: 'Columns' }))
      await first.user.click(screen.getByRole('menuitemcheckbox', { name: 'Last active' }))
      await first.user.keyboard('{Escape}')
      first.unmount()

      // A reload: the table comes back without the column.
      const again = await renderTable(owner)
      await waitFor(() => expect(bodyRows(again.table)).toHaveLength(3))
      expect(within(again.table).queryByRole('columnheader', { name: /Last active/ })).toBeNull()
      again.unmount()

      // Another key is another table's choices; a host store is asked instead of localStorage.
      const saved: Record<string, UserTableColumnVisibility> = { hosts: { groups: false } }
      const store = { get: (key: string) => saved[key] ?? null, set: vi.fn() }
      const hosted = await renderTable(owner, { columnStore: store, columnStorageKey: 'hosts' })
      await waitFor(() => expect(bodyRows(hosted.table)).toHaveLength(3))
      expect(within(hosted.table).queryByRole('columnheader', { name: /Shared groups/ })).toBeNull()
      expect(within(hosted.table).getByRole('columnheader', { name: /Last active/ })).toBeInTheDocument()
    } finally {
      window.localStorage.clear()
    }
  })
})

describe('given a team not activated yet', () => {
  it('offers no action on anyone (the row menus, the selection) until the team is named', async () => {
    const world = await createWorld({ activated: false })
    const owner = clientFor(world.tokens.owner)
    const { table } = await renderTable(owner)
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3))
    expect(screen.queryByRole('button', { name: /^Actions for / })).toBeNull()
    expect(screen.queryByRole('checkbox', { name: /^Select / })).toBeNull()
  })
})

describe('given viewers with fewer permissions', () => {
  it('tells a technician they cannot see the list, without a crash or a request for it', async () => {
    const world = await createWorld()
    const { client, queries } = recording(clientFor(world.tokens.technician))
    renderWithUsher(<UserTable />, { client })
    expect(await screen.findByText('You cannot see the users list')).toBeInTheDocument()
    expect(screen.queryByRole('table')).not.toBeInTheDocument()
    expect(queries).toEqual([])
  })

  it('offers an admin nothing on an owner, and no self-locked action on their own row', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    await owner.users.create({
      firstName: 'Bruno',
      lastName: 'Lefèvre',
      email: `bruno.lefevre.${tag()}@atelier.test`,
      role: 'owner',
      groupIds: [world.groups.paris],
      password: PASSWORD,
    })
    const { user, table } = await renderTable(clientFor(world.tokens.admin))
    await waitFor(() => expect(names(table)).toEqual(['Bruno Lefèvre', 'Élodie Martin', 'Hugo Moreau']))

    expect(within(rowOf(table, 'Bruno Lefèvre')).queryByRole('button', { name: /^Actions for/ })).toBeNull()

    await user.click(screen.getByRole('button', { name: 'Actions for Élodie Martin' }))
    const own = screen.getAllByRole('menuitem').map((item) => item.textContent)
    expect(own).not.toContain('Change role›')
    expect(own).not.toContain('Disable')
    expect(own).not.toContain('Delete…')
    await user.keyboard('{Escape}')

    // On a technician the admin may do everything but give a role above their own.
    await user.click(screen.getByRole('button', { name: 'Actions for Hugo Moreau' }))
    await user.click(screen.getByRole('menuitem', { name: /Change role/ }))
    const roles = await screen.findAllByRole('menuitemradio')
    expect(roles.map((item) => item.textContent?.replace('✓', '')).sort()).toEqual([
      'Administrator',
      'Technician',
    ])
    expect(screen.getByRole('menuitemradio', { name: 'Technician' })).toHaveAttribute('aria-checked', 'true')
  })
})

describe('given a server that fails', () => {
  it('shows an alert with a retry that recovers', async () => {
    const world = await createWorld()
    let fail = true
    mock.use(
      http.get(`${serverUrl()}/users`, () =>
        fail
          ? HttpResponse.json(
              {
                type: 'https://usher.dev/problems/internal_error',
                title: 'Internal error',
                status: 500,
                code: 'internal_error',
              },
              { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
            )
          : undefined,
      ),
    )
    const user = userEvent.setup()
    renderWithUsher(<UserTable />, { client: clientFor(world.tokens.owner) })
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The users could not be loaded.')
    expect(alert).toHaveTextContent('Something went wrong on our side. Try again in a moment.')
    fail = false
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    const table = await screen.findByRole('table', { name: 'Users' })
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3))
  })
})

describe('given an organization with a host-defined role', () => {
  it('offers the operator in the role filter and under "Change role", and the server keeps it', async () => {
    const world = await createWorld({ hostRoles: true })
    const owner = clientFor(world.tokens.owner, { hostRoles: true })
    const { user, table } = await renderTable(owner)
    await waitFor(() => expect(bodyRows(table)).toHaveLength(3))

    await user.click(screen.getByRole('button', { name: 'Role' }))
    const filter = await screen.findByRole('menu')
    expect(
      within(filter)
        .getAllByRole('menuitemcheckbox')
        .map((item) => item.textContent),
    ).toEqual(['Owner', 'Administrator', 'Operator', 'Technician'])
    await user.keyboard('{Escape}')

    await chooseRole(user, 'Hugo Moreau', 'Operator')
    expect(await screen.findByText('Hugo Moreau is now Operator.')).toBeInTheDocument()
    expect((await owner.users.get(world.users.technician)).role).toBe('operator')
    await waitFor(() =>
      expect(within(rowOf(table, 'Hugo Moreau')).getByText('Operator')).toHaveAttribute(
        'data-role',
        'custom',
      ),
    )
  })
})
