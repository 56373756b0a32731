import { fireEvent, screen, waitFor, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { UsherClient } from '@usher/sdk'
import { delay, HttpResponse, http, passthrough } from 'msw'
import { setupServer } from 'msw/node'
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher, serverUrl } from '../../../test/render'
import { ImportUsersDialog } from './import-users-dialog'

// Fault and timing cases only: every other request reaches the real server.
const mock = setupServer()
beforeAll(() => mock.listen({ onUnhandledRequest: 'bypass' }))
afterEach(() => mock.resetHandlers())
afterAll(() => mock.close())

const tag = () => Math.random().toString(36).slice(2, 8)

/** An Excel-style French export: BOM, semicolons, CRLF, columns in its own order, one unknown. */
function frenchCsv(id: string) {
  const lines = [
    'Courriel;Nom de famille;Prénom;Badge;Service',
    `lea.petit.${id}@example.com;Petit;Léa;B-1;Support`,
    `marc.roux.${id}@example.com;Roux;Marc;B-2;Support`,
    `pas-une-adresse;Faure;Louis;B-3;Réseau`,
    `lea.petit.${id}@example.com;Petit;Léa bis;B-4;Support`,
  ]
  return new File([`\uFEFF${lines.join('\r\n')}\r\n`], 'personnes.csv', { type: 'text/csv' })
}

async function emailsOf(client: UsherClient) {
  const emails: string[] = []
  for await (const user of client.users.listAll({ limit: 200 })) emails.push(user.email)
  return emails
}

describe('ImportUsersDialog', () => {
  it('imports a French Excel file: auto-mapping, errors by line, fix in place, progress, summary', async () => {
    const world = await createWorld()
    const client = clientFor(world.tokens.owner)
    const user = userEvent.setup()
    const id = tag()
    renderWithUsher(<ImportUsersDialog defaultOpen chunkSize={1} />, { client })

    const dialog = await screen.findByRole('dialog', { name: 'Import users' })
    const steps = within(dialog).getByRole('list', { name: 'Import steps' })
    expect(steps).toHaveTextContent('FileColumnsCheckImportSummary')
    expect(within(steps).getByText('File')).toHaveAttribute('aria-current', 'step')
    expect(await axeViolations(document.body)).toEqual([])
    // Sample files are offered, generated from the contract's columns.
    const sample = within(dialog).getByRole('link', { name: 'CSV sample (French headers)' })
    expect(decodeURIComponent(sample.getAttribute('href') ?? '')).toContain('Civilité;Prénom;Nom')

    await user.upload(within(dialog).getByLabelText('Choose a file'), frenchCsv(id))

    // Columns: recognised in French and in any order; "Badge" is left out until mapped.
    expect(
      await within(dialog).findByText('1 column is ignored: “Badge”. Choose a field to import it.'),
    ).toHaveAttribute('role', 'status')
    const emailSelect = within(dialog).getByRole('combobox', { name: 'Field for the column “Courriel”' })
    expect((emailSelect as HTMLSelectElement).value).toBe('email')
    const badge = within(dialog).getByRole('combobox', { name: 'Field for the column “Badge”' })
    expect((badge as HTMLSelectElement).value).toBe('')
    await user.selectOptions(badge, 'SSO ID')
    expect(await axeViolations(document.body)).toEqual([])
    await user.click(within(dialog).getByRole('button', { name: 'Next' }))

    // Check: valid / invalid counts, each error with its line.
    expect(within(dialog).getByRole('status')).toHaveProperty('textContent', '2 valid rows, 2 with errors.')
    expect(within(dialog).getByText('Line 4, Email: Enter a valid email address.')).toBeVisible()
    expect(within(dialog).getByText('Line 5, Email: Same address as line 2.')).toBeVisible()
    expect(await axeViolations(document.body)).toEqual([])

    // Fix in place: the row becomes valid.
    const fix = within(dialog).getByRole('textbox', { name: 'Line 4: Email' })
    await user.clear(fix)
    await user.type(fix, `louis.faure.${id}@example.com{Enter}`)
    expect(within(dialog).getByRole('status')).toHaveProperty('textContent', '3 valid rows, 1 with errors.')

    await user.click(within(dialog).getByRole('checkbox', { name: 'Send the invitation emails now' }))
    await user.click(within(dialog).getByRole('button', { name: 'Import 3 rows' }))

    expect(await within(dialog).findByText('Import finished.', {}, { timeout: 10_000 })).toHaveAttribute(
      'role',
      'status',
    )
    const summary = within(dialog).getByText('Created').closest('div')
    expect(summary?.textContent).toBe('Created3')
    expect(within(dialog).getByText('Not sent (errors in the file)').closest('div')?.textContent).toBe(
      'Not sent (errors in the file)1',
    )
    // The rows to fix: the file's own columns, then the error and the original line.
    const download = within(dialog).getByRole('link', { name: 'Download the rows to fix (CSV)' })
    const csv = decodeURIComponent((download.getAttribute('href') ?? '').replace(/^data:[^,]*,/, ''))
    expect(csv).toContain('Courriel;Nom de famille;Prénom;Badge;Service;Error;Line in the original file')
    expect(csv).toContain(
      `lea.petit.${id}@example.com;Petit;Léa bis;B-4;Support;Email: Same address as line 2.;5`,
    )
    expect(await axeViolations(document.body)).toEqual([])

    const emails = await emailsOf(client)
    for (const who of ['lea.petit', 'marc.roux', 'louis.faure']) {
      expect(emails.filter((e) => e === `${who}.${id}@example.com`)).toHaveLength(1)
    }
  })

  it('cancels an import under way: rows sent stay, the rest are not sent', async () => {
    const world = await createWorld()
    const client = clientFor(world.tokens.owner)
    const user = userEvent.setup()
    const id = tag()
    // Slow chunks, so the cancel lands between them.
    mock.use(
      http.post(`${serverUrl()}/imports/:id/chunks`, async () => {
        await delay(150)
        return passthrough()
      }),
    )
    const rows = ['Email,First name', ...Array.from({ length: 6 }, (_, i) => `p${i}.${id}@example.com,P${i}`)]
    renderWithUsher(<ImportUsersDialog defaultOpen chunkSize={1} />, { client })
    const dialog = await screen.findByRole('dialog')
    await user.upload(
      within(dialog).getByLabelText('Choose a file'),
      new File([rows.join('\n')], 'people.csv', { type: 'text/csv' }),
    )
    await user.click(await within(dialog).findByRole('button', { name: 'Next' }))
    await user.click(within(dialog).getByRole('button', { name: 'Import 6 rows' }))
    expect(within(dialog).getByRole('progressbar', { name: 'Import progress' })).toHaveAttribute('max', '6')
    await within(dialog).findByText('1 of 6 rows sent.', {}, { timeout: 5_000 })
    await user.click(within(dialog).getByRole('button', { name: 'Cancel the import' }))
    expect(
      await within(dialog).findByText(
        'Import cancelled: rows sent before stay imported.',
        {},
        { timeout: 5_000 },
      ),
    ).toHaveAttribute('role', 'status')
    const created = (await emailsOf(client)).filter((e) => e.endsWith(`.${id}@example.com`))
    expect(created.length).toBeGreaterThanOrEqual(1)
    expect(created.length).toBeLessThan(6)
  })

  it('in French: steps, file errors and samples are French, and axe-clean', async () => {
    const world = await createWorld()
    const client = clientFor(world.tokens.owner)
    const user = userEvent.setup()
    renderWithUsher(<ImportUsersDialog defaultOpen />, { client, locale: 'fr' })
    const dialog = await screen.findByRole('dialog', { name: 'Importer des utilisateurs' })
    expect(within(dialog).getByRole('link', { name: 'Exemple JSON (clés en français)' })).toHaveAttribute(
      'download',
      'usher-import-sample-fr.json',
    )
    await user.upload(within(dialog).getByLabelText('Choisir un fichier'), new File(['  \r\n'], 'vide.csv'))
    expect((await within(dialog).findByRole('alert')).textContent).toBe('Le fichier est vide.')
    expect(await axeViolations(document.body)).toEqual([])
  })

  it('takes a JSON file dropped on the drop zone, and a dry run creates nobody', async () => {
    const world = await createWorld()
    const client = clientFor(world.tokens.owner)
    const user = userEvent.setup()
    const email = `drop.${tag()}@example.com`
    renderWithUsher(<ImportUsersDialog defaultOpen />, { client })
    const dialog = await screen.findByRole('dialog')
    const json = JSON.stringify({ users: [{ 'E-mail': email, Prénom: 'Dora', Nom: 'Lenoir' }] })
    const zone = within(dialog).getByRole('group', {
      name: 'Drop a CSV, Excel (.xlsx) or JSON file here, or choose one.',
    })
    fireEvent.drop(zone, { dataTransfer: { files: [new File([json], 'export.json')] } })
    await user.click(await within(dialog).findByRole('button', { name: 'Next' }))
    expect(within(dialog).getByRole('status').textContent).toBe('The row is valid.')
    await user.click(within(dialog).getByRole('checkbox', { name: /^Dry run/ }))
    await user.click(within(dialog).getByRole('button', { name: 'Check 1 row' }))
    expect(
      await within(dialog).findByText('Check finished: nothing was created.', {}, { timeout: 5_000 }),
    ).toHaveAttribute('role', 'status')
    expect(within(dialog).getByText('Valid').closest('div')?.textContent).toBe('Valid1')
    expect((await emailsOf(client)).includes(email)).toBe(false)
  })

  it('gives focus back to its trigger after Esc, after ✕, and after the Close of a finished import', async () => {
    const world = await createWorld()
    const client = clientFor(world.tokens.owner)
    const user = userEvent.setup()
    renderWithUsher(<ImportUsersDialog trigger={<button type="button">Import people</button>} />, { client })
    const trigger = screen.getByRole('button', { name: 'Import people' })
    const closed = async () => {
      await waitFor(() => expect(screen.queryByRole('dialog')).not.toBeInTheDocument())
      expect(document.activeElement).toBe(trigger)
    }

    trigger.focus()
    await user.keyboard('{Enter}')
    await screen.findByRole('dialog', { name: 'Import users' })
    await user.keyboard('{Escape}')
    await closed()

    await user.keyboard('{Enter}')
    let dialog = await screen.findByRole('dialog', { name: 'Import users' })
    await user.click(within(dialog).getByRole('button', { name: 'Close' }))
    await closed()

    // A whole import, then the summary's own Close.
    await user.keyboard('{Enter}')
    dialog = await screen.findByRole('dialog', { name: 'Import users' })
    const json = JSON.stringify([{ 'E-mail': `focus.${tag()}@example.com`, Prénom: 'Dora', Nom: 'Lenoir' }])
    await user.upload(within(dialog).getByLabelText('Choose a file'), new File([json], 'people.json'))
    await user.click(await within(dialog).findByRole('button', { name: 'Next' }))
    await user.click(within(dialog).getByRole('button', { name: 'Import 1 row' }))
    await within(dialog).findByText('Import finished.', {}, { timeout: 10_000 })
    const summaryClose = within(dialog)
      .getAllByRole('button', { name: 'Close' })
      .find((button) => button.getAttribute('data-slot') !== 'import-users-close')
    if (!summaryClose) throw new Error('no Close button in the summary')
    summaryClose.focus()
    await user.keyboard('{Enter}')
    await closed()
  })

  it('a technician without imports:run is told so', async () => {
    const world = await createWorld()
    renderWithUsher(<ImportUsersDialog defaultOpen />, { client: clientFor(world.tokens.technician) })
    expect((await screen.findByRole('alert')).textContent).toBe('You cannot import users.')
  })

  it('a server failure mid-import says the import stopped', async () => {
    const world = await createWorld()
    const client = clientFor(world.tokens.owner)
    const user = userEvent.setup()
    mock.use(
      http.post(`${serverUrl()}/imports/:id/chunks`, () =>
        HttpResponse.json(
          { type: 'about:blank', title: 'internal', status: 500, code: 'internal_error' },
          { status: 500, headers: { 'Content-Type': 'application/problem+json' } },
        ),
      ),
    )
    renderWithUsher(<ImportUsersDialog defaultOpen />, { client })
    const dialog = await screen.findByRole('dialog')
    await user.upload(
      within(dialog).getByLabelText('Choose a file'),
      new File([`Email,First name\nx.${tag()}@example.com,X\n`], 'people.csv'),
    )
    await user.click(await within(dialog).findByRole('button', { name: 'Next' }))
    await user.click(within(dialog).getByRole('button', { name: 'Import 1 row' }))
    expect((await within(dialog).findByRole('alert', {}, { timeout: 5_000 })).textContent).toBe(
      'The import stopped.',
    )
  })

  it('offers as default role exactly the roles the viewer may give, the host’s operator included', async () => {
    const world = await createWorld({ hostRoles: true })
    const client = clientFor(world.tokens.admin, { hostRoles: true })
    const user = userEvent.setup()
    renderWithUsher(<ImportUsersDialog defaultOpen />, { client })
    const dialog = await screen.findByRole('dialog')
    await user.upload(
      within(dialog).getByLabelText('Choose a file'),
      new File([`Email,First name\nx.${tag()}@example.com,X\n`], 'people.csv'),
    )
    await user.click(await within(dialog).findByRole('button', { name: 'Next' }))
    const role = within(dialog).getByRole('combobox', { name: 'Role for rows without one' })
    await waitFor(() =>
      expect(
        within(role)
          .getAllByRole('option')
          .map((o) => o.textContent),
      ).toEqual(['Administrator', 'Operator', 'Technician']),
    )
    expect(role).toHaveValue('technician')
  })
})
