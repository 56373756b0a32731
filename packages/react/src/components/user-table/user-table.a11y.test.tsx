import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { HttpResponse, http } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher, serverUrl } from '../../../test/render'
import type { World } from '../../../test/world'
import { UserTable } from './user-table'

const mock = setupServer()
beforeAll(() => mock.listen({ onUnhandledRequest: 'bypass' }))
afterEach(() => mock.resetHandlers())
afterAll(() => mock.close())

// One organization for the read-only checks below (nothing here changes it).
let world: World
beforeAll(async () => {
  world = await createWorld()
})

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row', { hidden: true }).slice(1)

describe('given axe', () => {
  it('finds no violation in the loaded table, with a row menu open, and in the delete dialog', async () => {
    const user = userEvent.setup()
    const { container } = renderWithUsher(<UserTable onShareGroups={() => {}} />, {
      client: clientFor(world.tokens.owner),
    })
    const table = await screen.findByRole('table', { name: 'Users' })
    await waitFor(() => expect(rowsOf(table)).toHaveLength(3))
    await screen.findByText('1 used (unlimited)')
    // The container holds the portal too (menus and dialogs render inside the provider's root).
    expect(await axeViolations(container)).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Actions for Hugo Moreau' }))
    expect(await screen.findByRole('menu')).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])

    await user.click(screen.getByRole('menuitem', { name: 'Delete…' }))
    await screen.findByRole('alertdialog', { name: 'Delete Hugo Moreau?' })
    expect(await axeViolations(container)).toEqual([])
  })

  it('finds no violation in the filter menu, the bulk bar and the empty state', async () => {
    const user = userEvent.setup()
    const { container } = renderWithUsher(<UserTable onShareGroups={() => {}} />, {
      client: clientFor(world.tokens.owner),
    })
    const table = await screen.findByRole('table', { name: 'Users' })
    await waitFor(() => expect(rowsOf(table)).toHaveLength(3))
    await user.click(screen.getByRole('checkbox', { name: 'Select Hugo Moreau' }))
    expect(await axeViolations(container)).toEqual([])

    await user.click(screen.getByRole('button', { name: 'Status' }))
    await user.click(screen.getByRole('menuitemcheckbox', { name: 'Invitation expired' }))
    expect(await axeViolations(container)).toEqual([])
    await user.keyboard('{Escape}')
    const empty = await screen.findByText('No users match')
    expect(
      within(empty.parentElement as HTMLElement).getByRole('button', { name: 'Clear filters' }),
    ).toBeVisible()
    expect(await axeViolations(container)).toEqual([])
  })

  it('says "No users yet" when there is nobody, and passes axe', async () => {
    mock.use(http.get(`${serverUrl()}/users`, () => HttpResponse.json({ items: [], nextCursor: null })))
    const { container } = renderWithUsher(<UserTable />, { client: clientFor(world.tokens.owner) })
    const status = await screen.findByText('No users yet')
    expect(status.closest('[role="status"]')).not.toBeNull()
    expect(screen.queryByRole('button', { name: 'Clear filters' })).not.toBeInTheDocument()
    expect(container.querySelector('[data-slot="user-table"]')).toHaveAttribute('data-state', 'empty')
    expect(await axeViolations(container)).toEqual([])
  })

  it('announces loading with a status, then an error with an alert, and passes axe in both', async () => {
    mock.use(
      http.get(`${serverUrl()}/users`, () =>
        HttpResponse.json(
          {
            type: 'https://usher.dev/problems/service_unavailable',
            title: 'Unavailable',
            status: 503,
            code: 'service_unavailable',
          },
          { status: 503, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    )
    const { container } = renderWithUsher(<UserTable />, { client: clientFor(world.tokens.owner) })
    expect(screen.getByText('Loading users…')).toHaveAttribute('role', 'status')
    expect(container.querySelector('[data-slot="user-table"]')).toHaveAttribute('data-state', 'loading')
    expect(await axeViolations(container)).toEqual([])

    const alert = await screen.findByRole('alert')
    expect(alert).toHaveTextContent('The service is unavailable. Try again in a moment.')
    expect(within(alert).getByRole('button', { name: 'Try again' })).toBeInTheDocument()
    expect(await axeViolations(container)).toEqual([])
  })

  it('passes axe in the technician’s "cannot see" state', async () => {
    const { container } = renderWithUsher(<UserTable />, { client: clientFor(world.tokens.technician) })
    await screen.findByText('You cannot see the users list')
    expect(container.querySelector('[data-slot="user-table"]')).toHaveAttribute('data-state', 'forbidden')
    expect(await axeViolations(container)).toEqual([])
  })
})

describe('given the French catalog', () => {
  it('renders the table, its menus and its states in French', async () => {
    const user = userEvent.setup()
    renderWithUsher(<UserTable onShareGroups={() => {}} />, {
      client: clientFor(world.tokens.owner),
      locale: 'fr',
    })
    const table = await screen.findByRole('table', { name: 'Utilisateurs' })
    await waitFor(() => expect(rowsOf(table)).toHaveLength(3))
    for (const header of ['Nom', 'Rôle', 'Statut', 'Groupes partagés', 'Dernière activité'])
      expect(within(table).getByRole('columnheader', { name: new RegExp(header) })).toBeInTheDocument()
    const elodie = rowsOf(table).find((row) => within(row).queryByText('Élodie Martin')) as HTMLElement
    expect(within(elodie).getByText('Administrateur')).toBeInTheDocument()
    expect(within(elodie).getByText('Actif')).toBeInTheDocument()
    // Élodie never signed in (the technician test above made Hugo active a moment ago).
    expect(within(elodie).getByText('Jamais')).toBeInTheDocument()
    expect(
      within(elodie).getByRole('button', { name: 'Aucun groupe partagé avec Élodie Martin' }),
    ).toBeInTheDocument()
    expect(screen.getByText('Vous')).toBeInTheDocument()
    expect(screen.getByRole('searchbox', { name: 'Rechercher des utilisateurs' })).toBeInTheDocument()
    expect(await screen.findByText('3 utilisateurs')).toBeInTheDocument()

    await user.click(screen.getByRole('button', { name: 'Actions pour Hugo Moreau' }))
    expect(screen.getByRole('menuitem', { name: 'Supprimer…' })).toBeInTheDocument()
    await user.click(screen.getByRole('menuitem', { name: 'Supprimer…' }))
    expect(
      await screen.findByRole('alertdialog', { name: 'Supprimer Hugo Moreau\u00a0?' }),
    ).toBeInTheDocument()
    // No key is shown raw: every visible string came from the catalog.
    expect(document.body.textContent).not.toMatch(/userTable\.|errors\.|common\./)
  })
})
