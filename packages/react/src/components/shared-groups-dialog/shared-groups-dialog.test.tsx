import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { SharePermission } from '@usher/contract'
import type { UsherClient } from '@usher/sdk'
import { delay, HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher, serverUrl } from '../../../test/render'
import type { World } from '../../../test/world'
import { useUsers } from '../../hooks/use-users'
import type { Locale } from '../../i18n/types'
import { SharedGroupsDialog } from './shared-groups-dialog'

// Fault cases only: every other request reaches the real server.
const mock = setupServer()
beforeAll(() => mock.listen({ onUnhandledRequest: 'bypass' }))
afterEach(() => mock.resetHandlers())
afterAll(() => mock.close())

const problem = (status: number, code: string) =>
  HttpResponse.json(
    { type: 'about:blank', title: code, status, code },
    { status, headers: { 'Content-Type': 'application/problem+json' } },
  )

/** Each user's shared-group count, as the users list (the UserTable's data) holds it. */
function UserCounts() {
  const users = useUsers()
  return (
    <ul aria-label="counts">
      {users.data?.pages
        .flatMap((page) => page.items)
        .map((user) => (
          <li key={user.id}>{`${user.firstName} ${user.lastName}: ${user.sharedGroupCount}`}</li>
        ))}
    </ul>
  )
}

async function openDialog(
  client: UsherClient,
  userIds: string[],
  { locale = 'en', counts = false }: { locale?: Locale; counts?: boolean } = {},
) {
  const user = userEvent.setup()
  const onSaved = vi.fn()
  const view = renderWithUsher(
    <>
      {counts ? <UserCounts /> : null}
      <SharedGroupsDialog userIds={userIds} defaultOpen onSaved={onSaved} />
    </>,
    { client, locale },
  )
  const dialog = await screen.findByRole('dialog')
  return { user, onSaved, dialog, ...view }
}

/** The dialog once its groups are listed. */
async function openLoaded(
  client: UsherClient,
  userIds: string[],
  options?: Parameters<typeof openDialog>[2],
) {
  const opened = await openDialog(client, userIds, options)
  await within(opened.dialog).findByRole('list', { name: /Groups|Groupes/ })
  return opened
}

const box = (name: string) => screen.getByRole('checkbox', { name })
const permissionOf = (group: string) =>
  screen.getByRole('combobox', { name: `Permission for ${group}` }) as HTMLSelectElement
const summary = () => screen.getByRole('region', { name: 'What will change' })
const save = () => screen.getByRole('button', { name: 'Save' })

async function sharesOf(owner: UsherClient, userId: string) {
  const { items } = await owner.shares.get(userId)
  return items.map((s) => [s.groupName, s.permission])
}

async function shareAs(
  owner: UsherClient,
  userId: string,
  shares: { groupId: string; permission: SharePermission }[],
) {
  const { version } = await owner.shares.get(userId)
  await owner.shares.replace(userId, { shares }, { ifMatch: version })
}

/** The real client, recording the share writes it sends. */
function recording(client: UsherClient) {
  const replaced: unknown[][] = []
  const bulk: unknown[] = []
  const recorded: UsherClient = {
    ...client,
    shares: {
      ...client.shares,
      replace: (userId, input, options) => {
        replaced.push([userId, input, options.ifMatch])
        return client.shares.replace(userId, input, options)
      },
      bulk: (request, options) => {
        bulk.push(request)
        return client.shares.bulk(request, options)
      },
    },
  }
  return { client: recorded, replaced, bulk }
}

/** A second technician, Inès Petit (in Clients Lyon), created by the owner. */
async function addInes(world: World) {
  const ines = await clientFor(world.tokens.owner).users.create({
    firstName: 'Inès',
    lastName: 'Petit',
    email: `ines.petit.${Math.random().toString(36).slice(2, 8)}@atelier.test`,
    role: 'technician',
    groupIds: [world.groups.lyon],
    password: 'correct horse battery staple 42',
    mustChangePassword: false,
  })
  return ines.id
}

describe('given the SharedGroupsDialog for one user', () => {
  it('shares two groups with a technician who had none, in one request, after showing +2', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const { version } = await owner.shares.get(world.users.technician)
    const writes = recording(owner)
    const { user, onSaved } = await openLoaded(writes.client, [world.users.technician], { counts: true })
    expect(screen.getByRole('heading', { name: 'Shared groups — Hugo Moreau' })).toBeInTheDocument()
    expect(within(summary()).getByText('No changes yet.')).toBeInTheDocument()
    expect(save()).toBeDisabled()

    await user.click(box('Clients Lyon'))
    await user.click(box('Paris Nord'))
    expect(box('Clients Lyon')).toHaveAttribute('aria-checked', 'true')
    expect(permissionOf('Clients Lyon').value).toBe('view')
    expect(permissionOf('Paris Nord').value).toBe('view')
    expect(within(summary()).getByText('+2 shared')).toBeInTheDocument()
    expect(within(summary()).getByText('Clients Lyon (View), Paris Nord (View)')).toBeInTheDocument()

    await user.click(save())
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(onSaved).toHaveBeenCalledOnce()
    // One request with the whole set, guarded by the version read.
    expect(writes.replaced).toEqual([
      [
        world.users.technician,
        {
          shares: [
            { groupId: world.groups.lyon, permission: 'view' },
            { groupId: world.groups.parisNord, permission: 'view' },
          ],
        },
        version,
      ],
    ])
    expect(await sharesOf(owner, world.users.technician)).toEqual([
      ['Clients Lyon', 'view'],
      ['Paris Nord', 'view'],
    ])
    expect((await owner.users.get(world.users.technician)).sharedGroupCount).toBe(2)
    expect(await screen.findByText('Hugo Moreau: 2')).toBeInTheDocument()
  })

  it('changes a permission to manage, and removes a share', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    await shareAs(owner, world.users.technician, [
      { groupId: world.groups.lyon, permission: 'view' },
      { groupId: world.groups.parisNord, permission: 'view' },
    ])
    const { user } = await openLoaded(owner, [world.users.technician])
    expect(box('Clients Lyon')).toHaveAttribute('aria-checked', 'true')

    await user.selectOptions(permissionOf('Clients Lyon'), 'manage')
    await user.click(box('Paris Nord'))
    expect(within(summary()).getByText('1 permission changed')).toBeInTheDocument()
    expect(within(summary()).getByText('Clients Lyon: View → Manage')).toBeInTheDocument()
    expect(within(summary()).getByText('−1 removed')).toBeInTheDocument()
    // Ticking it again brings the permission it had back, and the change leaves the summary.
    await user.click(box('Paris Nord'))
    expect(within(summary()).queryByText('−1 removed')).toBeNull()
    await user.click(box('Paris Nord'))

    await user.click(save())
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(await sharesOf(owner, world.users.technician)).toEqual([['Clients Lyon', 'manage']])
  })

  it('selects all groups, then clears them all', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const user = userEvent.setup()
    renderWithUsher(
      <SharedGroupsDialog
        userIds={[world.users.technician]}
        trigger={<button type="button">Groups</button>}
      />,
      { client: owner },
    )
    await user.click(screen.getByRole('button', { name: 'Groups' }))
    await screen.findByRole('checkbox', { name: 'Clients Lyon' })
    await user.click(screen.getByRole('button', { name: 'Select all' }))
    expect(within(summary()).getByText('+3 shared')).toBeInTheDocument()
    await user.click(save())
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(await sharesOf(owner, world.users.technician)).toHaveLength(3)

    await user.click(screen.getByRole('button', { name: 'Groups' }))
    await screen.findByRole('checkbox', { name: 'Clients Lyon' })
    await waitFor(() => expect(box('Clients Lyon')).toHaveAttribute('aria-checked', 'true'))
    await user.click(screen.getByRole('button', { name: 'Clear all' }))
    expect(within(summary()).getByText('−3 removed')).toBeInTheDocument()
    await user.click(save())
    // Nothing left shared: asked first, naming who and what; Cancel changes nothing.
    const ask = await screen.findByRole('alertdialog', { name: 'Remove all shares from Hugo Moreau?' })
    expect(ask).toHaveTextContent(
      'These 3 groups will no longer be shared with Hugo Moreau: Clients Lyon, Clients Paris, Paris Nord.',
    )
    await user.click(within(ask).getByRole('button', { name: 'Cancel' }))
    await waitFor(() => expect(save()).toHaveFocus())
    expect(await sharesOf(owner, world.users.technician)).toHaveLength(3)
    await user.click(save())
    await user.click(
      within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Remove all shares' }),
    )
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(await sharesOf(owner, world.users.technician)).toEqual([])
  })

  it('says a subgroup is included through its shared parent, and lets it have its own permission', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const { user } = await openLoaded(owner, [world.users.technician])
    await user.click(box('Clients Paris'))
    expect(box('Paris Nord')).toHaveAccessibleDescription('Included through Clients Paris (View)')
    await user.click(box('Paris Nord'))
    await user.selectOptions(permissionOf('Paris Nord'), 'manage')
    expect(within(summary()).getByText('Clients Paris (View), Paris Nord (Manage)')).toBeInTheDocument()
  })

  it('reports a change someone else made meanwhile (412), overwrites nothing, and reloads on request', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const { user } = await openLoaded(owner, [world.users.technician])
    await user.click(box('Clients Paris'))
    // Another administrator, elsewhere, shares Lyon with Hugo in the meantime.
    await shareAs(clientFor(world.tokens.owner), world.users.technician, [
      { groupId: world.groups.lyon, permission: 'view' },
    ])

    await user.click(save())
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('Someone else changed these shared groups while you were editing.')
    expect(screen.getByRole('dialog')).toBeInTheDocument()
    expect(save()).toBeDisabled()
    expect(await sharesOf(owner, world.users.technician)).toEqual([['Clients Lyon', 'view']])

    await user.click(within(alert).getByRole('button', { name: 'Reload' }))
    await waitFor(() => expect(box('Clients Lyon')).toHaveAttribute('aria-checked', 'true'))
    expect(box('Clients Paris')).toHaveAttribute('aria-checked', 'true')
    expect(within(summary()).getByText('+1 shared')).toBeInTheDocument()
    expect(screen.queryByRole('alert')).toBeNull()

    await user.click(save())
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
    expect(await sharesOf(owner, world.users.technician)).toEqual([
      ['Clients Lyon', 'view'],
      ['Clients Paris', 'view'],
    ])
  })

  it('puts the count back and says so when the save fails', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    mock.use(
      http.put(`${serverUrl()}/users/:id/shares`, async () => {
        await delay(300)
        return problem(500, 'internal_error')
      }),
    )
    const { user } = await openLoaded(owner, [world.users.technician], { counts: true })
    await screen.findByText('Hugo Moreau: 0')
    await user.click(box('Clients Lyon'))
    await user.click(save())
    // Optimistic: the list shows the new count at once...
    expect(await screen.findByText('Hugo Moreau: 1')).toBeInTheDocument()
    // ...and gets the old one back with the error.
    expect(await screen.findByRole('alert')).toHaveTextContent('Something went wrong on our side.')
    expect(await screen.findByText('Hugo Moreau: 0')).toBeInTheDocument()
    expect(screen.getByRole('dialog')).toBeInTheDocument()
    expect(await sharesOf(owner, world.users.technician)).toEqual([])
  })

  it('filters the groups as you type, keeping the parents of a match, accents or not', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    await owner.groups.create({ name: 'Hôtels Genève' })
    const { user } = await openLoaded(owner, [world.users.technician])
    const search = screen.getByRole('searchbox', { name: 'Search groups' })

    await user.type(search, 'lyon')
    expect(screen.getAllByRole('checkbox')).toHaveLength(1)
    expect(box('Clients Lyon')).toBeInTheDocument()
    expect(screen.getByText('1 group found')).toBeInTheDocument()

    await user.clear(search)
    await user.type(search, 'nord')
    expect(screen.getAllByRole('checkbox')).toHaveLength(2)
    expect(box('Clients Paris')).toBeInTheDocument()
    expect(box('Paris Nord')).toBeInTheDocument()

    await user.clear(search)
    await user.type(search, 'HOTELS geneve')
    expect(screen.getAllByRole('checkbox')).toHaveLength(1)
    expect(box('Hôtels Genève')).toBeInTheDocument()

    await user.clear(search)
    await user.type(search, 'marseille')
    expect(screen.queryAllByRole('checkbox')).toHaveLength(0)
    expect(screen.getByText('No group matches “marseille”.')).toBeInTheDocument()
  })

  it('works from the keyboard alone', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const { user, dialog } = await openLoaded(owner, [world.users.technician])
    // The dialog opens with focus on itself (title and description read), then Tab walks in.
    expect(dialog).toHaveFocus()
    await user.tab()
    expect(screen.getByRole('searchbox', { name: 'Search groups' })).toHaveFocus()
    await user.tab() // Select all
    await user.tab() // Clear all
    await user.tab()
    expect(box('Clients Lyon')).toHaveFocus()
    await user.keyboard(' ')
    expect(box('Clients Lyon')).toHaveAttribute('aria-checked', 'true')
    await user.tab()
    expect(permissionOf('Clients Lyon')).toHaveFocus()
    // Arrow keys move between the checkboxes.
    box('Clients Lyon').focus()
    await user.keyboard('{ArrowDown}')
    expect(box('Clients Paris')).toHaveFocus()
    await user.keyboard('{ArrowDown}')
    expect(box('Paris Nord')).toHaveFocus()
    await user.keyboard('{ArrowUp}')
    expect(box('Clients Paris')).toHaveFocus()
    await user.keyboard('{Escape}')
    await waitFor(() => expect(screen.queryByRole('dialog')).toBeNull())
  })

  it('shows a technician their own shares, read-only', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    await shareAs(owner, world.users.technician, [{ groupId: world.groups.paris, permission: 'view' }])
    const { dialog } = await openLoaded(clientFor(world.tokens.technician), [world.users.technician])
    expect(screen.getByRole('heading', { name: 'Shared groups — Hugo Moreau' })).toBeInTheDocument()
    expect(within(dialog).getByText('Clients Paris')).toBeInTheDocument()
    expect(within(dialog).getByText('View')).toBeInTheDocument()
    expect(within(dialog).getByText('Paris Nord')).toBeInTheDocument()
    expect(within(dialog).getByText('Included through Clients Paris (View)')).toBeInTheDocument()
    expect(within(dialog).queryByText('Clients Lyon')).toBeNull()
    expect(within(dialog).queryAllByRole('checkbox')).toHaveLength(0)
    expect(within(dialog).queryAllByRole('combobox')).toHaveLength(0)
    expect(within(dialog).queryByRole('button', { name: 'Save' })).toBeNull()
    expect(within(dialog).queryByRole('button', { name: 'Select all' })).toBeNull()
    expect(await axeViolations(document.body)).toEqual([])
  })

  it('tells a technician when nothing is shared with them', async () => {
    const world = await createWorld()
    await openDialog(clientFor(world.tokens.technician), [world.users.technician])
    expect(await screen.findByText('No groups are shared with Hugo Moreau.')).toBeInTheDocument()
  })

  it('offers a group-scoped admin only the groups within their scope', async () => {
    const world = await createWorld()
    await openLoaded(clientFor(world.tokens.admin), [world.users.technician])
    expect(box('Clients Paris')).toBeInTheDocument()
    expect(box('Paris Nord')).toBeInTheDocument()
    expect(screen.queryByRole('checkbox', { name: 'Clients Lyon' })).toBeNull()
  })

  it('speaks French', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const { user } = await openLoaded(owner, [world.users.technician], { locale: 'fr' })
    expect(screen.getByRole('heading', { name: 'Groupes partagés — Hugo Moreau' })).toBeInTheDocument()
    expect(screen.getByRole('searchbox', { name: 'Rechercher un groupe' })).toBeInTheDocument()
    await user.click(box('Clients Lyon'))
    await user.click(box('Clients Paris'))
    await user.selectOptions(
      screen.getByRole('combobox', { name: 'Autorisation pour Clients Paris' }),
      'manage',
    )
    const region = screen.getByRole('region', { name: 'Ce qui va changer' })
    expect(within(region).getByText('+2 partagés')).toBeInTheDocument()
    expect(
      within(region).getByText('Clients Lyon (Consultation), Clients Paris (Gestion)'),
    ).toBeInTheDocument()
    expect(screen.getByText('Inclus via Clients Paris (Gestion)')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Enregistrer' })).toBeEnabled()
    expect(screen.getByRole('button', { name: 'Tout sélectionner' })).toBeInTheDocument()
  })

  it('passes axe with a summary of changes', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    await shareAs(owner, world.users.technician, [{ groupId: world.groups.lyon, permission: 'view' }])
    const { user } = await openLoaded(owner, [world.users.technician])
    await user.click(box('Clients Paris'))
    await user.selectOptions(permissionOf('Clients Lyon'), 'manage')
    expect(within(summary()).getByText('+1 shared')).toBeInTheDocument()
    expect(await axeViolations(document.body)).toEqual([])
  })
})

describe('given the SharedGroupsDialog while loading or failing', () => {
  it('announces the loading, then says when the groups could not be loaded and retries', async () => {
    const world = await createWorld()
    mock.use(http.get(`${serverUrl()}/groups`, () => problem(500, 'internal_error')))
    const { user } = await openDialog(clientFor(world.tokens.owner), [world.users.technician])
    expect(screen.getByRole('status')).toHaveTextContent('Loading')
    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The groups could not be loaded.')
    mock.resetHandlers()
    await user.click(within(alert).getByRole('button', { name: 'Try again' }))
    expect(await screen.findByRole('checkbox', { name: 'Clients Lyon' })).toBeInTheDocument()
  })

  it('says there are no groups yet', async () => {
    const world = await createWorld()
    mock.use(http.get(`${serverUrl()}/groups`, () => HttpResponse.json({ items: [], nextCursor: null })))
    await openDialog(clientFor(world.tokens.owner), [world.users.technician])
    expect(await screen.findByText('No groups yet')).toBeInTheDocument()
    expect(screen.queryByRole('button', { name: 'Save' })).toBeNull()
    expect(await axeViolations(document.body)).toEqual([])
  })
})

describe('given the SharedGroupsDialog for many users', () => {
  it('shares groups with 2 users at once and the counts change', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const ines = await addInes(world)
    // Hugo already has Lyon; Inès has nothing: Lyon shows as mixed.
    await shareAs(owner, world.users.technician, [{ groupId: world.groups.lyon, permission: 'view' }])
    const writes = recording(owner)
    const { user, onSaved } = await openLoaded(writes.client, [world.users.technician, ines], {
      counts: true,
    })
    expect(screen.getByRole('heading', { name: 'Shared groups — 2 users' })).toBeInTheDocument()
    expect(box('Clients Lyon')).toHaveAttribute('aria-checked', 'mixed')
    expect(box('Clients Lyon')).toHaveAccessibleDescription('Shared with 1 of 2 users')
    expect(box('Clients Paris')).toHaveAttribute('aria-checked', 'false')

    await user.click(box('Clients Lyon'))
    expect(box('Clients Lyon')).toHaveAttribute('aria-checked', 'true')
    await user.click(box('Clients Paris'))
    await user.selectOptions(permissionOf('Clients Paris'), 'manage')
    expect(within(summary()).getByText('Share 1 group with 2 users (View)')).toBeInTheDocument()
    expect(within(summary()).getByText('Share 1 group with 2 users (Manage)')).toBeInTheDocument()

    await user.click(save())
    expect(await screen.findByText(/Done for 2 users\./)).toHaveTextContent(
      'Shares added: 3 · permissions changed: 0 · removed: 0',
    )
    expect(onSaved).toHaveBeenCalledOnce()
    // One bulk request per action: share with view, share with manage.
    expect(writes.bulk).toEqual([
      {
        action: 'share',
        userIds: [world.users.technician, ines],
        groupIds: [world.groups.lyon],
        permission: 'view',
      },
      {
        action: 'share',
        userIds: [world.users.technician, ines],
        groupIds: [world.groups.paris],
        permission: 'manage',
      },
    ])
    expect(await screen.findByText('Hugo Moreau: 2')).toBeInTheDocument()
    expect(await screen.findByText('Inès Petit: 2')).toBeInTheDocument()
    for (const userId of [world.users.technician, ines]) {
      expect(await sharesOf(owner, userId)).toEqual([
        ['Clients Lyon', 'view'],
        ['Clients Paris', 'manage'],
      ])
    }
    // The boxes now show what everyone holds, with nothing left to save.
    await waitFor(() => expect(box('Clients Lyon')).toHaveAttribute('aria-checked', 'true'))
    expect(save()).toBeDisabled()
    expect(screen.queryByRole('button', { name: 'Cancel' })).toBeNull()
  })

  it('shares all groups in one action, then removes them all', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const ines = await addInes(world)
    const writes = recording(owner)
    const { user } = await openLoaded(writes.client, [world.users.technician, ines], { counts: true })

    await user.click(screen.getByRole('button', { name: 'Select all' }))
    expect(within(summary()).getByText('Share all 3 groups with 2 users (View)')).toBeInTheDocument()
    await user.click(save())
    expect(await screen.findByText('Hugo Moreau: 3')).toBeInTheDocument()
    expect(await screen.findByText('Inès Petit: 3')).toBeInTheDocument()

    await waitFor(() => expect(box('Paris Nord')).toHaveAttribute('aria-checked', 'true'))
    await user.click(screen.getByRole('button', { name: 'Clear all' }))
    expect(within(summary()).getByText('Remove all 3 groups from 2 users')).toBeInTheDocument()
    await user.click(save())
    const ask = await screen.findByRole('alertdialog', {
      name: 'Remove all shares from Hugo Moreau, Inès Petit?',
    })
    await user.click(within(ask).getByRole('button', { name: 'Remove all shares' }))
    // The results take focus: Save is disabled once saved.
    await waitFor(() => expect(screen.getByRole('region', { name: 'Results' })).toHaveFocus())
    expect(await screen.findByText('Hugo Moreau: 0')).toBeInTheDocument()
    expect(await screen.findByText('Inès Petit: 0')).toBeInTheDocument()
    expect(await sharesOf(owner, ines)).toEqual([])
    expect(writes.bulk).toEqual([
      { action: 'share', userIds: [world.users.technician, ines], groupIds: 'all', permission: 'view' },
      { action: 'unshare', userIds: [world.users.technician, ines], groupIds: 'all' },
    ])
  })

  it('names the users it failed for, with the reason', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const ines = await addInes(world)
    const { user } = await openLoaded(owner, [world.users.technician, ines], { counts: true })
    await screen.findByText('Inès Petit: 0')
    await user.click(box('Clients Lyon'))
    // Someone deletes Inès before the save.
    await owner.users.delete(ines)
    await user.click(save())

    expect(await screen.findByText('Done for 1 user.', { exact: false })).toBeInTheDocument()
    const failed = await screen.findByRole('alert')
    expect(failed).toHaveTextContent('Failed for 1 user:')
    expect(failed).toHaveTextContent('Inès Petit: This no longer exists, or you cannot see it.')
    expect(await sharesOf(owner, world.users.technician)).toEqual([['Clients Lyon', 'view']])
    expect(await axeViolations(document.body)).toEqual([])
  })

  it('tells a viewer without shares:manage that they cannot change them', async () => {
    const world = await createWorld()
    const ines = await addInes(world)
    await openDialog(clientFor(world.tokens.technician), [world.users.technician, ines])
    expect(await screen.findByRole('alert')).toHaveTextContent('You cannot change shared groups.')
  })
})
