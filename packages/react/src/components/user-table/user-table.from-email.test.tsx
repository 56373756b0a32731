import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import { beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import type { World } from '../../../test/world'
import { UserTable } from './user-table'

// Hugo Moreau wrote to the helpdesk first: the organization created him from his email.
let world: World
beforeAll(async () => {
  world = await createWorld({ technicianFromEmail: true })
})

const rowsOf = (table: HTMLElement) => within(table).getAllByRole('row', { hidden: true }).slice(1)
const names = (table: HTMLElement) =>
  rowsOf(table).map((row) => row.querySelector('[data-slot="user-table-full-name"]')?.textContent)

describe('given people created from incoming email', () => {
  it('marks their rows, and the filter keeps only them until it is pressed again', async () => {
    const user = userEvent.setup()
    const { container } = renderWithUsher(<UserTable onShareGroups={() => {}} />, {
      client: clientFor(world.tokens.owner),
    })
    const table = await screen.findByRole('table', { name: 'Users' })
    await waitFor(() => expect(rowsOf(table)).toHaveLength(3))
    const hugo = rowsOf(table).find((row) => within(row).queryByText('Hugo Moreau')) as HTMLElement
    expect(within(hugo).getByText('From email')).toBeInTheDocument()
    const elodie = rowsOf(table).find((row) => within(row).queryByText('Élodie Martin')) as HTMLElement
    expect(within(elodie).queryByText('From email')).toBeNull()

    const filter = screen.getByRole('button', { name: 'Created from email' })
    expect(filter).toHaveAttribute('aria-pressed', 'false')
    filter.focus()
    await user.keyboard('{Enter}')
    expect(filter).toHaveAttribute('aria-pressed', 'true')
    await waitFor(() => expect(names(table)).toEqual(['Hugo Moreau']))
    expect(await axeViolations(container)).toEqual([])

    await user.click(filter)
    await waitFor(() => expect(rowsOf(table)).toHaveLength(3))
  })

  it('speaks French', async () => {
    renderWithUsher(<UserTable onShareGroups={() => {}} />, {
      client: clientFor(world.tokens.owner),
      locale: 'fr',
    })
    const table = await screen.findByRole('table', { name: 'Utilisateurs' })
    await waitFor(() => expect(rowsOf(table)).toHaveLength(3))
    expect(screen.getByText('Depuis un e-mail')).toBeInTheDocument()
    expect(screen.getByRole('button', { name: 'Créés depuis un e-mail' })).toBeInTheDocument()
  })
})
