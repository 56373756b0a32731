import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher, serverUrl } from '../../../test/render'
import type { Locale } from '../../i18n/types'
import { AuditLog } from './audit-log'
import { UserHistory } from './user-history'

function renderLog(token: string, ui = <AuditLog />, locale: Locale = 'en') {
  const view = renderWithUsher(ui, { client: clientFor(token), locale })
  return { ...view, user: userEvent.setup() }
}

const sentences = () =>
  screen.queryAllByRole('listitem').filter((item) => item.getAttribute('data-slot') === 'audit-log-event')

describe('AuditLog', () => {
  it('tells each event as a sentence in French with what changed, and filters by who acted and which action', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const hugo = await owner.users.get(world.users.technician)
    await owner.users.update(hugo.id, { role: 'admin' }, { ifMatch: hugo.version })

    const { user, container } = renderLog(world.tokens.owner, <AuditLog />, 'fr')
    const changed = await screen.findByText(
      (_, node) =>
        node?.tagName === 'P' &&
        node.textContent === `Camille Durand a changé le rôle de ${world.emails.technician}`,
    )
    const event = changed.closest('li') as HTMLElement
    expect(within(event).getByRole('list', { name: 'Ce qui a changé' })).toHaveTextContent(
      'Rôle Technicien → Administrateur',
    )
    expect(await axeViolations(container)).toEqual([])
    // A share reads as the group and its permission in French.
    await owner.shares.replace(
      hugo.id,
      { shares: [{ groupId: world.groups.lyon, permission: 'view' }] },
      { ifMatch: (await owner.shares.get(hugo.id)).version },
    )
    await user.selectOptions(screen.getByLabelText('Action'), 'Groupes partagés modifiés')
    expect(await screen.findByText(/Clients Lyon \(consultation\)/)).toBeInTheDocument()

    await user.selectOptions(screen.getByLabelText('Action'), 'Rôle modifié')
    await waitFor(() => expect(sentences()).toHaveLength(1))
    expect(sentences()[0]).toHaveTextContent('a changé le rôle de')

    await user.selectOptions(screen.getByLabelText('Action'), 'Toutes les actions')
    await waitFor(() => expect(sentences().length).toBeGreaterThan(3))
    const [first] = within(sentences()[0] as HTMLElement).getAllByRole('button')
    await user.click(first as HTMLElement)
    // The name becomes the "who acted" filter, shown on its picker.
    expect(await screen.findByRole('button', { name: 'Qui a agi Camille Durand' })).toBeInTheDocument()
    for (const item of sentences()) expect(item).toHaveTextContent(/^Camille Durand/)
  })

  it('says how the organization now adds existing accounts, in the settings form’s words', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    await owner.organization.update(
      { settings: { existingAccounts: 'add' } },
      { ifMatch: (await owner.me.get()).organization.version },
    )
    renderLog(world.tokens.owner)
    const change = await screen.findByText(
      (_, node) =>
        node?.tagName === 'LI' &&
        node.textContent ===
          'Addresses that already have an account Send them an invitation → Add them at once',
    )
    expect(change).toBeInTheDocument()
  })

  it('finds who acted by name, then shows only their events, and back to anyone', async () => {
    const world = await createWorld()
    const admin = clientFor(world.tokens.admin)
    await admin.users.update(
      world.users.technician,
      { department: 'Maintenance Nord' },
      { ifMatch: (await admin.users.get(world.users.technician)).version },
    )
    const { user } = renderLog(world.tokens.owner)
    await waitFor(() => expect(sentences().length).toBeGreaterThan(2))
    const who = screen.getByRole('button', { name: 'Who acted Anyone' })
    await user.click(who)
    const picker = await screen.findByRole('dialog', { name: 'Who acted' })
    await user.type(within(picker).getByRole('searchbox'), 'Élodie')
    await user.click(await within(picker).findByRole('button', { name: /^Élodie Martin/ }))
    await waitFor(() => expect(who).toHaveFocus())
    expect(who).toHaveAccessibleName('Who acted Élodie Martin')
    await waitFor(() => expect(sentences()).toHaveLength(1))
    expect(sentences()[0]).toHaveTextContent(/^Élodie Martin changed the profile of/)
    await user.click(who)
    await user.click(
      within(await screen.findByRole('dialog', { name: 'Who acted' })).getByRole('button', {
        name: 'Anyone',
      }),
    )
    await waitFor(() => expect(sentences().length).toBeGreaterThan(2))
  })

  it('shows a group admin only the events within their groups', async () => {
    const world = await createWorld({ technicians: 1 })
    renderLog(world.tokens.admin)
    await screen.findByText(
      (_, node) => node?.tagName === 'P' && (node.textContent ?? '').includes(world.emails.technician),
    )
    // The technician created in Lyon, outside Élodie's groups, never shows.
    expect(screen.queryByText(/numero/i)).toBeNull()
    expect(document.body).not.toHaveTextContent(/Clients Lyon/)
  })

  it('pages through older events and says when there are no more', async () => {
    const world = await createWorld()
    const { user } = renderLog(world.tokens.owner, <AuditLog pageSize={2} showFilters={false} />)
    await waitFor(() => expect(sentences()).toHaveLength(2))
    await user.click(screen.getByRole('button', { name: 'Show older events' }))
    await waitFor(() => expect(sentences()).toHaveLength(4))
    while (screen.queryByRole('button', { name: 'Show older events' })) {
      await user.click(screen.getByRole('button', { name: 'Show older events' }))
      await waitFor(() => expect(screen.queryByText('Loading more…')).toBeNull())
    }
    expect(screen.getByText('No older events.')).toBeInTheDocument()
    // Newest first.
    const times = screen.getAllByRole('listitem').flatMap((item) => {
      const time = item.querySelector('time')
      return time ? [time.getAttribute('datetime') as string] : []
    })
    expect([...times].sort().reverse()).toEqual(times)
  })

  it('tells a technician they may not read it', async () => {
    const world = await createWorld()
    renderLog(world.tokens.technician)
    expect(await screen.findByText('You may not read the activity of this organization.')).toBeInTheDocument()
  })
})

/** A world where the directory added Marie and Camille's import of people.csv added Ana. */
async function syncedAndImported() {
  const world = await createWorld()
  const owner = clientFor(world.tokens.owner)
  const tag = world.orgId.slice(0, 8)
  const token = await owner.directorySync?.createToken({ name: 'Entra ID' })
  const marie = `marie.curie.${tag}@atelier.test`
  const synced = await fetch(`${serverUrl()}/scim/v2/Users`, {
    method: 'POST',
    headers: { Authorization: `Bearer ${token?.secret}`, 'Content-Type': 'application/scim+json' },
    body: JSON.stringify({
      schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
      userName: marie,
      name: { givenName: 'Marie', familyName: 'Curie' },
      emails: [{ type: 'work', value: marie, primary: true }],
      active: true,
    }),
  })
  expect(synced.status).toBe(201)
  const ana = `ana.lopez.${tag}@atelier.test`
  const job = await owner.imports.create({ fileName: 'people.csv', format: 'csv', totalRows: 1, options: {} })
  const chunk = await owner.imports.addChunk(job.id, {
    index: 0,
    rows: [{ line: 2, firstName: 'Ana', lastName: 'Lopez', email: ana }],
  })
  await owner.imports.complete(job.id)
  return { world, marie, ana, anaId: chunk.results[0]?.userId as string }
}

/** The sentence a reader sees, as one paragraph's text. */
const sentence = (text: string) =>
  screen.findByText((_, node) => node?.tagName === 'P' && node.textContent === text)

describe('given events done by the directory and by an import', () => {
  it('names the directory by its token, and the admin with the file they imported, in English and in French', async () => {
    const { world, marie, ana } = await syncedAndImported()
    const { container, unmount } = renderLog(world.tokens.owner)
    expect(await sentence(`Directory sync “Entra ID” added ${marie}`)).toBeInTheDocument()
    const added = await sentence(`Camille Durand (import of “people.csv”) added ${ana}`)
    expect(await sentence(`Camille Durand (import of “people.csv”) invited ${ana}`)).toBeInTheDocument()
    // The import's own events are about the file: the admin alone started it.
    expect(await sentence('Camille Durand started importing people.csv')).toBeInTheDocument()
    // The name still picks the person: what they did, by hand or by importing.
    expect(
      within(added).getByRole('button', { name: 'Camille Durand — Show only what Camille Durand did' }),
    ).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
    unmount()

    renderLog(world.tokens.owner, <AuditLog />, 'fr')
    expect(
      await sentence(`La synchronisation d’annuaire «\u00a0Entra ID\u00a0» a ajouté ${marie}`),
    ).toBeInTheDocument()
    expect(
      await sentence(`Camille Durand (importation de «\u00a0people.csv\u00a0») a ajouté ${ana}`),
    ).toBeInTheDocument()
    expect(
      await sentence(`Camille Durand (importation de «\u00a0people.csv\u00a0») a invité ${ana}`),
    ).toBeInTheDocument()
  })

  it('tells the import in a person’s history too', async () => {
    const { world, ana, anaId } = await syncedAndImported()
    renderLog(world.tokens.owner, <UserHistory userId={anaId} />)
    expect(await sentence(`Camille Durand (import of “people.csv”) added ${ana}`)).toBeInTheDocument()
  })
})

describe('UserHistory', () => {
  it('lists only the events about that person', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    const hugo = await owner.users.get(world.users.technician)
    await owner.users.update(hugo.id, { jobTitle: 'Chef d’équipe' }, { ifMatch: hugo.version })
    renderLog(world.tokens.owner, <UserHistory userId={hugo.id} />)
    expect(await screen.findByRole('heading', { name: 'History' })).toBeInTheDocument()
    await waitFor(() => expect(sentences().length).toBeGreaterThanOrEqual(2))
    for (const item of sentences()) expect(item).toHaveTextContent(world.emails.technician)
    expect(
      screen.getByText(
        (_, node) => node?.tagName === 'LI' && node.textContent === 'Job title — → Chef d’équipe',
      ),
    ).toBeInTheDocument()
  })
})
