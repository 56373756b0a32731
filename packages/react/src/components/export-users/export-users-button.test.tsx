import { screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { UsherFile } from '@usher/sdk'
import { describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import { UserTable } from '../../compose/user-table'
import { useMe } from '../../hooks/use-me'
import type { Locale } from '../../i18n/types'
import { ExportUsersButton } from './export-users-button'

/** The table as it ships, its export buttons keeping the file instead of downloading it. */
function renderTable(token: string, locale: Locale = 'en') {
  const files: UsherFile[] = []
  const view = renderWithUsher(
    <UserTable
      exportButton={(props) => <ExportUsersButton {...props} onFile={(file) => files.push(file)} />}
    />,
    { client: clientFor(token), locale },
  )
  return { ...view, files, user: userEvent.setup() }
}

/** The file's rows, read as a spreadsheet would: quoted cells may hold the delimiter and "". */
async function rowsOf(file: UsherFile | undefined, delimiter = ',') {
  if (!file) throw new Error('no file yet')
  const text = (await file.blob.text()).replace(/^\uFEFF/, '')
  const rows: string[][] = []
  let row: string[] = []
  let cell = ''
  let quoted = false
  for (let i = 0; i < text.length; i++) {
    const char = text[i]
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"'
      i++
    } else if (char === '"') {
      quoted = !quoted
    } else if (!quoted && char === delimiter) {
      row.push(cell)
      cell = ''
    } else if (!quoted && char === '\r' && text[i + 1] === '\n') {
      rows.push([...row, cell])
      row = []
      cell = ''
      i++
    } else cell += char
  }
  return rows
}

function Loaded() {
  return useMe().data ? <p>viewer known</p> : null
}

describe('ExportUsersButton in the users table', () => {
  it('exports what the table lists, with its columns, and neutralizes a name that reads as a formula', async () => {
    const world = await createWorld()
    const owner = clientFor(world.tokens.owner)
    await owner.users.create({
      firstName: '=SUM(A1+B1)',
      lastName: 'Martin',
      email: `formula.${world.orgId.slice(0, 8)}@acme.test`,
      role: 'technician',
    })
    const { user, files, container } = renderTable(world.tokens.owner)
    await screen.findByRole('table', { name: 'Users' })
    const button = await screen.findByRole('button', { name: 'Export' })
    expect(await axeViolations(container)).toEqual([])
    await user.click(button)
    await waitFor(() => expect(files).toHaveLength(1))
    // Focus stays on the button through the export (a disabled one would drop it to the page).
    expect(screen.getByRole('button', { name: 'Export' })).toHaveFocus()
    expect(files[0]?.fileName).toMatch(/-members-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(screen.getByText(`Downloaded ${files[0]?.fileName}.`)).toBeInTheDocument()
    const rows = await rowsOf(files[0])
    expect(rows[0]).toEqual(['Name', 'Email', 'Role', 'Status', 'Shared groups', 'Last active (UTC)'])
    const emails = rows.slice(1).map((row) => row[1])
    expect(emails).toContain(world.emails.technician)
    expect(rows.find((row) => row[0]?.includes('Martin'))?.[0]).toBe("'=SUM(A1+B1) Martin")

    // Hiding a column hides it in the file too.
    await user.click(screen.getByRole('button', { name: 'Columns' }))
    await user.click(await screen.findByRole('menuitemcheckbox', { name: 'Last active' }))
    await user.keyboard('{Escape}')
    await user.click(screen.getByRole('button', { name: 'Export' }))
    await waitFor(() => expect(files).toHaveLength(2))
    expect((await rowsOf(files[1]))[0]).toEqual(['Name', 'Email', 'Role', 'Status', 'Shared groups'])
  })

  it('exports only the selection from the bulk bar, in French with ; between cells', async () => {
    const world = await createWorld()
    const { user, files } = renderTable(world.tokens.owner, 'fr')
    const table = await screen.findByRole('table', { name: 'Utilisateurs' })
    await waitFor(() => expect(within(table).getAllByRole('checkbox').length).toBeGreaterThan(2))
    const [, first] = within(table).getAllByRole('checkbox')
    if (!first) throw new Error('no row checkbox')
    await user.click(first)
    const bar = screen.getByRole('group', { name: /sélectionnés/ })
    await user.click(within(bar).getByRole('button', { name: 'Exporter la sélection (1)' }))
    await waitFor(() => expect(files).toHaveLength(1))
    expect(files[0]?.fileName).toMatch(/-membres-/)
    const rows = await rowsOf(files[0], ';')
    expect(rows[0]?.slice(0, 4)).toEqual(['Nom', 'E-mail', 'Rôle', 'Statut'])
    expect(rows).toHaveLength(2)
  })

  it('is not offered to a technician, who may not read the users', async () => {
    const world = await createWorld()
    renderWithUsher(
      <>
        <ExportUsersButton />
        <Loaded />
      </>,
      { client: clientFor(world.tokens.technician) },
    )
    // Once the viewer is known, the button has decided.
    await screen.findByText('viewer known')
    expect(screen.queryByRole('button', { name: 'Export' })).toBeNull()
  })
})
