import type { LocaleKey } from '@usher/contract'
import { IMPORT_COLUMNS, type ImportField } from './header-synonyms'
import type { ImportDelimiter, ImportFormat } from './import-file-types'
import { loadPapa } from './load-papa'

/** The languages a sample file comes in: the contract's locales. */
export type SampleLocale = LocaleKey

/**
 * The columns of the sample files, in order: every field but `fullName` (first and last name are
 * separate) and `principalName` (the email column is there).
 */
export const SAMPLE_COLUMNS = /* @__PURE__ */ IMPORT_COLUMNS.filter(
  (c) => c.field !== 'fullName' && c.field !== 'principalName',
)

type SampleRow = Partial<Record<ImportField, string | boolean | string[]>>

/** Two people: one invited (no password), one created active with an initial password. */
function sampleRows(locale: SampleLocale): SampleRow[] {
  const fr = locale === 'fr'
  return [
    {
      salutation: 'ms',
      firstName: 'Élodie',
      lastName: 'Martin',
      nickname: 'Élo',
      email: 'elodie.martin@example.com',
      phone: '+33 1 23 45 67 89',
      mobile: '+33 6 12 34 56 78',
      jobTitle: fr ? 'Technicienne support' : 'Support technician',
      department: fr ? 'Support, niveau 2' : 'Support, level 2',
      description: '',
      externalId: 'emartin',
      role: 'technician',
      groupId: '',
      contactFor: [],
      locale,
      password: '',
      enabled: true,
    },
    {
      salutation: 'mr',
      firstName: 'Hugo',
      lastName: 'Moreau',
      nickname: '',
      email: 'hugo.moreau@example.com',
      phone: '',
      mobile: '',
      jobTitle: fr ? 'Administrateur réseau' : 'Network administrator',
      department: 'IT',
      description: fr
        ? 'Compte créé actif avec un mot de passe initial'
        : 'Created active with an initial password',
      externalId: '',
      role: 'admin',
      groupId: '',
      contactFor: ['network'],
      locale,
      password: 'Change me at first sign-in 42',
      enabled: true,
    },
  ]
}

/**
 * A sample import file, generated from the same column list the mapping reads, so it always maps
 * itself back. French CSV uses semicolons, as Excel writes and reads it in a French locale; CSV
 * starts with a BOM so Excel opens it as UTF-8.
 */
export function sampleImportFile({
  format,
  locale,
}: {
  /** A text format: a workbook sample would need a writer in every app. */
  format: Exclude<ImportFormat, 'xlsx'>
  locale: SampleLocale
}): string {
  const headers = SAMPLE_COLUMNS.map((c) => c.header[locale])
  const rows = sampleRows(locale)
  if (format === 'json') {
    const users = rows.map((row) => {
      const out: Record<string, unknown> = {}
      for (const column of SAMPLE_COLUMNS) {
        const value = row[column.field]
        if (value !== undefined && value !== '') out[column.header[locale]] = value
      }
      return out
    })
    return `${JSON.stringify({ users }, null, 2)}\n`
  }
  const yes = locale === 'fr' ? 'oui' : 'yes'
  const no = locale === 'fr' ? 'non' : 'no'
  const data = rows.map((row) =>
    SAMPLE_COLUMNS.map(({ field }) => {
      const value = row[field]
      if (typeof value === 'boolean') return value ? yes : no
      if (Array.isArray(value)) return value.join(', ')
      return value ?? ''
    }),
  )
  const delimiter = locale === 'fr' ? ';' : ','
  return `\uFEFF${[headers, ...data].map((cells) => csvLine(cells, delimiter)).join('\r\n')}\r\n`
}

/**
 * One CSV line, quoted as RFC 4180 says (a cell with the delimiter, a quote or a line break is
 * quoted, its quotes doubled). Kept here so the sample files stay synchronous without PapaParse;
 * the tests read every sample back through PapaParse.
 */
function csvLine(cells: readonly string[], delimiter: string): string {
  return cells
    .map((cell) =>
      cell.includes(delimiter) || /["\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell,
    )
    .join(delimiter)
}

/** The rows that failed, as a CSV to fix and upload again: the file's own columns plus the error. */
export async function failedRowsCsv(input: {
  headers: readonly string[]
  rows: ReadonlyArray<{ line: number; cells: readonly unknown[]; error: string }>
  delimiter?: ImportDelimiter
  /** The header of the added column (e.g. "Error" / "Erreur"). */
  errorHeader: string
  /** The header of the added line-number column. */
  lineHeader: string
}): Promise<string> {
  const Papa = await loadPapa()
  const data = input.rows.map((r) => [
    ...input.headers.map((_, i) => cellText(r.cells[i])),
    r.error,
    String(r.line),
  ])
  const csv = Papa.unparse(
    { fields: [...input.headers, input.errorHeader, input.lineHeader], data },
    { delimiter: input.delimiter ?? ',', newline: '\r\n' },
  )
  return `\uFEFF${csv}\r\n`
}

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.join(', ')
  return String(value)
}
