import type { Meta, StoryObj } from '@storybook/react-vite'
import { ENTRA_HEADERS, ENTRA_ROWS } from '@usher/fixtures'
import { expectPhoneSheet, mockDb, PHONE_GLOBALS } from '@usher/story-mocks'
import { expect, userEvent, waitFor, within } from 'storybook/test'
import './import-users-dialog.css'
import { ImportUsersDialog } from './import-users-dialog'

const HEADER = 'Email,First name,Last name,Job title'

/** A CSV file of people: unique addresses, French and English names. */
function peopleCsv(count: number, name = 'people.csv'): File {
  const first = ['Léa', 'Oliver', 'Noémie', 'Théo', 'Amelia', 'Mathis', 'Chloé', 'George']
  const last = ['Fontaine', 'Hughes', 'Girard', 'Lefèvre', 'Clarke', 'Roux', 'Bonnet', 'Walker']
  const lines = Array.from({ length: count }, (_, i) => {
    const [f, l] = [first[i % first.length] as string, last[(i * 3) % last.length] as string]
    return `${f.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase()}.${l.toLowerCase()}.${i + 1}@clients.test,${f},${l},Technician`
  })
  return new File([[HEADER, ...lines].join('\n')], name, { type: 'text/csv' })
}

/** Bad addresses, missing first names, shared mailboxes and repeats: most rows have errors. */
function errorsCsv(): File {
  const lines = [
    'not an address,Léa,Fontaine,Technician',
    'oliver.hughes@clients.test,,Hughes,Technician',
    'support@clients.test,Support,,Helpdesk',
    'oliver.hughes@clients.test,Oliver,Hughes,Technician',
    'chloe.bonnet@clients,Chloé,Bonnet,Technician',
    '@clients.test,Théo,Lefèvre,Technician',
    'mathis.roux@clients.test,Mathis,Roux,Technician',
    'amelia clarke@clients.test,Amelia,Clarke,Technician',
    ',George,Walker,Technician',
    'noemie.girard@clients.test,,,Technician',
  ]
  return new File([[HEADER, ...lines].join('\n')], 'to-fix.csv', { type: 'text/csv' })
}

const meta = {
  title: 'Components/ImportUsersDialog',
  component: ImportUsersDialog,
  args: { defaultOpen: true, trigger: <button type="button">Import users</button> },
  parameters: {
    docs: {
      description: {
        component:
          'Bulk import from a CSV or JSON file: choose a file, check the columns, check the rows (errors by line, fixed in place), import with progress and cancel, then a summary with the rows to fix.\n\n```tsx\n<ImportUsersDialog trigger={<button type="button">Import users</button>} onImported={refresh} />\n```',
      },
    },
  },
} satisfies Meta<typeof ImportUsersDialog>

// biome-ignore lint/style/noDefaultExport: CSF's meta is the default export
export default meta
type Story = StoryObj<typeof meta>

/** The dialog (in a portal, outside the canvas), once the organization's settings are loaded. */
async function dialogOf(canvasElement: HTMLElement) {
  const body = within(canvasElement.ownerDocument.body)
  const dialog = await body.findByRole('dialog', { name: 'Import users' }, { timeout: 10_000 })
  const scoped = within(dialog)
  await scoped.findByLabelText('Choose a file', {}, { timeout: 10_000 })
  await waitFor(() => expect(dialog.textContent ?? '').not.toMatch(/Loading/), { timeout: 10_000 })
  return scoped
}

/** Uploads a file and goes past the column mapping to the check step. */
async function uploadAndCheck(canvasElement: HTMLElement, file: File) {
  const dialog = await dialogOf(canvasElement)
  await userEvent.upload(dialog.getByLabelText('Choose a file'), file)
  await userEvent.click(await dialog.findByRole('button', { name: 'Next' }, { timeout: 10_000 }))
  return dialog
}

/** Step 1: the drop zone, the file picker and the sample files. */
export const ChooseFile: Story = {
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement)
    expect(dialog.getByRole('link', { name: 'CSV sample (English headers)' })).toBeInTheDocument()
  },
}

/** A phone (small mobile viewport): the wizard is a full-height sheet, the drop zone within it. */
export const Phone: Story = {
  globals: PHONE_GLOBALS,
  play: async ({ canvasElement }) => {
    await dialogOf(canvasElement)
    const dialog = within(canvasElement.ownerDocument.body).getByRole('dialog', { name: 'Import users' })
    expectPhoneSheet(dialog)
  },
}

/** A 5,000-row file: parsed and checked in the browser, the first rows shown. */
export const LargeFilePreview: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const dialog = await uploadAndCheck(canvasElement, peopleCsv(5000, 'technicians-5000.csv'))
    expect(
      await dialog.findByText(/All 5[,  ]?000 rows are valid\./, {}, { timeout: 20_000 }),
    ).toBeInTheDocument()
    expect(dialog.getByRole('button', { name: /Import 5[,  ]?000 rows/ })).toBeInTheDocument()
  },
}

/** A file full of errors: each one by line, simple ones fixable in place. */
export const FileFullOfErrors: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const dialog = await uploadAndCheck(canvasElement, errorsCsv())
    expect(await dialog.findByText('Rows with errors', {}, { timeout: 10_000 })).toBeInTheDocument()
    expect(dialog.getByText(/with errors\./)).toBeInTheDocument()
  },
}

/** The server takes its time with the chunk: the progress bar and "Cancel the import". */
export const ImportInProgress: Story = {
  tags: ['!autodocs'],
  parameters: { usher: { faults: { importChunks: 'loading' } } },
  play: async ({ canvasElement }) => {
    const dialog = await uploadAndCheck(canvasElement, peopleCsv(40))
    await userEvent.click(await dialog.findByRole('button', { name: 'Import 40 rows' }))
    expect(await dialog.findByRole('progressbar', { name: 'Import progress' })).toBeInTheDocument()
    expect(dialog.getByRole('button', { name: 'Cancel the import' })).toBeInTheDocument()
  },
}

/** Every other row fails on the server: the summary counts them and offers them as a CSV. */
export const SummaryWithFailedRows: Story = {
  tags: ['!autodocs'],
  parameters: { usher: { faults: { importChunks: 'rows' } } },
  play: async ({ canvasElement }) => {
    const dialog = await uploadAndCheck(canvasElement, peopleCsv(6))
    await userEvent.click(await dialog.findByRole('button', { name: 'Import 6 rows' }))
    expect(await dialog.findByText('Import finished.', {}, { timeout: 10_000 })).toBeInTheDocument()
    expect(dialog.getByRole('link', { name: 'Download the rows to fix (CSV)' })).toBeInTheDocument()
  },
}

/** The happy path: a small CSV uploaded, checked and imported; the people are in the API. */
export const ImportSmallCsv: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement, id }) => {
    const dialog = await uploadAndCheck(canvasElement, peopleCsv(3))
    expect(await dialog.findByText('All 3 rows are valid.')).toBeInTheDocument()
    await userEvent.click(dialog.getByRole('button', { name: 'Import 3 rows' }))
    expect(await dialog.findByText('Import finished.', {}, { timeout: 10_000 })).toBeInTheDocument()
    expect(mockDb(id).users.some((u) => u.email === 'lea.fontaine.1@clients.test')).toBe(true)
  },
}

export const French: Story = { parameters: { usher: { locale: 'fr' } }, tags: ['!autodocs'] }

/** A Microsoft Entra ID download, as the portal writes it: its own column names, a BOM, one broken line. */
function entraCsv(): File {
  const quote = (v: string) => (v.includes(',') ? `"${v}"` : v)
  const lines = [ENTRA_HEADERS.join(','), ...ENTRA_ROWS.map((r) => r.map(quote).join(','))]
  // Last: an unclosed quote runs to the end of the file.
  lines.push('broken.row@contoso.fr,"Broken, row')
  return new File([`\uFEFF${lines.join('\r\n')}\r\n`], 'exportUsers.csv', { type: 'text/csv' })
}

/** A directory's download: columns recognised by name, the others named in one line, a broken line reported. */
export const DirectoryDownload: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const dialog = await dialogOf(canvasElement)
    await userEvent.upload(dialog.getByLabelText('Choose a file'), entraCsv())
    expect(
      await dialog.findByText(/columns are ignored: “userType”/, {}, { timeout: 10_000 }),
    ).toBeInTheDocument()
    expect(dialog.getByText(/a quote opens a cell that is never closed/)).toBeInTheDocument()
    await userEvent.click(dialog.getByRole('button', { name: 'Next' }))
    expect(await dialog.findByText(/imported disabled/, {}, { timeout: 10_000 })).toBeInTheDocument()
  },
}

/** Groups named in the file that the organization lacks: named on their rows, created from the check step. */
export const UnknownGroups: Story = {
  tags: ['!autodocs'],
  play: async ({ canvasElement }) => {
    const file = new File(
      [
        'Email;Prénom;Nom;Groupes\nlea.petit@clients.test;Léa;Petit;Clients Nord\nmarc.roux@clients.test;Marc;Roux;Clients Nord | Sous-traitants\n',
      ],
      'personnes.csv',
      { type: 'text/csv' },
    )
    const dialog = await uploadAndCheck(canvasElement, file)
    expect(
      await dialog.findByText('Line 2, Groups: Unknown group “Clients Nord”.', {}, { timeout: 10_000 }),
    ).toBeInTheDocument()
    expect(
      dialog.getByRole('button', { name: /Create these 2 groups|Create this group/ }),
    ).toBeInTheDocument()
  },
}
