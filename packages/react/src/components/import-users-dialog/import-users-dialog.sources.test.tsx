import { readFileSync } from 'node:fs'
import { resolve } from 'node:path'
import { screen, within } from '@testing-library/react'
import userEvent from '@testing-library/user-event'
import type { User } from '@usher/contract'
import {
  ENTRA_FIXTURE,
  EXCEL_FR_1252_FIXTURE,
  EXCEL_FR_CSV_FIXTURE,
  EXCEL_FR_XLSX_FIXTURE,
  GOOGLE_FIXTURE,
  type ImportFileFixture,
} from '@usher/fixtures'
import type { UsherClient } from '@usher/sdk'
import { describe, expect, it } from 'vitest'
import { axeViolations, clientFor, createWorld, renderWithUsher } from '../../../test/render'
import { ImportUsersDialog } from './import-users-dialog'

// Each source's file, as an administrator downloads it, through the whole dialog against the
// real server: the columns recognised, each refusal on its row in the viewer's language, a dry
// run, then the import, and what the server then holds.

const fileOf = (fixture: ImportFileFixture) =>
  new File(
    // Tests run from the package's folder (import.meta.url is Vite's /@fs/ address under jsdom).
    [readFileSync(resolve(process.cwd(), '../fixtures/import-files', fixture.file))],
    fixture.file,
  )

async function everyone(client: UsherClient) {
  const people = new Map<string, User>()
  for await (const u of client.users.listAll({ limit: 200 })) people.set(u.email, u)
  return people
}

const WORDS = {
  en: {
    choose: 'Choose a file',
    next: 'Next',
    dryRun: 'Dry run: check every row on the server without creating anyone',
    check: (n: number) => `Check ${n} row${n === 1 ? '' : 's'}`,
    importRows: (n: number) => `Import ${n} row${n === 1 ? '' : 's'}`,
    checked: 'Check finished: nothing was created.',
    done: 'Import finished.',
    again: 'Import another file',
    valid: 'Valid',
    created: 'Created',
  },
  fr: { choose: 'Choisir un fichier', next: 'Suivant' },
} as const

/** Upload, map (nothing by hand), and reach the check step; returns the dialog. */
async function toPreview(fixture: ImportFileFixture, locale: 'en' | 'fr', client: UsherClient) {
  const user = userEvent.setup()
  renderWithUsher(<ImportUsersDialog defaultOpen chunkSize={2} />, { client, locale })
  const dialog = await screen.findByRole('dialog')
  await user.upload(within(dialog).getByLabelText(WORDS[locale].choose), fileOf(fixture))
  const ignored = fixture.mapping.filter(([, f]) => f === null).length
  if (ignored) {
    const line = await within(dialog).findByText(
      (_, el) => el?.getAttribute('data-slot') === 'import-users-unknown',
    )
    expect(line.textContent).toMatch(new RegExp(`^${ignored} `))
  }
  await user.click(await within(dialog).findByRole('button', { name: WORDS[locale].next }))
  return { dialog, user }
}

/** Matches a text whatever its spaces (French typography puts no-break spaces before « : » and inside « »). */
const spaced = (expected: string) => (_: string, el: Element | null) =>
  el?.children.length === 0 && el.textContent?.replace(/\s/g, ' ') === expected

const valid = (fixture: ImportFileFixture) => fixture.rows.filter((r) => !r.refused)

describe.each([
  [ENTRA_FIXTURE, 'en'],
  [GOOGLE_FIXTURE, 'en'],
] as const)('ImportUsersDialog with %s', (fixture, locale) => {
  it('checks the file, runs a dry run, then imports it', { timeout: 60_000 }, async () => {
    const world = await createWorld()
    const client = clientFor(world.tokens.owner)
    const { dialog, user } = await toPreview(fixture, locale, client)
    const n = valid(fixture).length
    expect(within(dialog).getByRole('status').textContent).toContain(
      `${n} valid rows, ${fixture.rows.length - n} with errors.`,
    )
    const disabled = valid(fixture).filter((r) => r.disabled).length
    if (disabled) {
      expect(within(dialog).getByRole('status').textContent).toContain(
        `${disabled} person will be imported disabled (no invitation email, no seat).`,
      )
    }
    for (const row of fixture.rows.filter((r) => r.refused)) {
      for (const reason of row.refused ?? []) {
        const field = { email: 'Email', password: 'Initial password' }[reason.field as 'email' | 'password']
        expect(within(dialog).getByText(new RegExp(`^Line ${row.line}, ${field}: `))).toBeVisible()
      }
    }
    expect(await axeViolations(document.body)).toEqual([])

    await user.click(within(dialog).getByRole('checkbox', { name: WORDS.en.dryRun }))
    await user.click(within(dialog).getByRole('button', { name: WORDS.en.check(n) }))
    await within(dialog).findByText(WORDS.en.checked, {}, { timeout: 10_000 })
    expect(within(dialog).getByText('Valid').closest('div')?.textContent).toBe(`Valid${n}`)
    expect((await everyone(client)).has(valid(fixture)[0]?.email ?? '')).toBe(false)

    await user.click(within(dialog).getByRole('button', { name: WORDS.en.again }))
    await user.upload(within(dialog).getByLabelText(WORDS.en.choose), fileOf(fixture))
    await user.click(await within(dialog).findByRole('button', { name: WORDS.en.next }))
    await user.click(within(dialog).getByRole('checkbox', { name: WORDS.en.dryRun }))
    await user.click(within(dialog).getByRole('button', { name: WORDS.en.importRows(n) }))
    await within(dialog).findByText(WORDS.en.done, {}, { timeout: 10_000 })
    expect(within(dialog).getByText('Created').closest('div')?.textContent).toBe(`Created${n}`)

    const people = await everyone(client)
    for (const row of valid(fixture)) {
      const person = people.get(row.email)
      expect(person, row.email).toBeDefined()
      if (row.firstName) expect(person?.firstName).toBe(row.firstName)
      if (row.lastName) expect(person?.lastName).toBe(row.lastName)
      expect(person?.status, row.email).toBe(
        row.disabled ? 'disabled' : row.withPassword ? 'active' : 'invited',
      )
    }
    for (const row of fixture.rows.filter((r) => r.refused)) expect(people.has(row.email)).toBe(false)
  })
})

describe.each([[EXCEL_FR_CSV_FIXTURE], [EXCEL_FR_1252_FIXTURE], [EXCEL_FR_XLSX_FIXTURE]] as const)(
  'ImportUsersDialog in French with %s',
  (fixture) => {
    it('names the unknown group and role, creates the missing group, checks on the server, then imports', {
      timeout: 60_000,
    }, async () => {
      const world = await createWorld()
      const client = clientFor(world.tokens.owner)
      const { dialog, user } = await toPreview(fixture, 'fr', client)
      expect(
        within(dialog).getByText(spaced('Ligne 4, Groupes : Groupe « Clients Nord » inconnu.')),
      ).toBeVisible()
      expect(within(dialog).getByText(spaced('Ligne 5, Rôle : Rôle « Superviseur » inconnu.'))).toBeVisible()
      // The preview speaks the viewer's words: Mme, Technicien, the groups by name, Désactivé.
      const preview = within(dialog).getByRole('table', { name: 'Premières lignes du fichier' })
      expect(within(preview).getAllByText('Mme').length).toBeGreaterThan(0)
      expect(within(preview).getAllByText('Technicien').length).toBeGreaterThan(0)
      expect(within(preview).getByText('Clients Paris, Paris Nord')).toBeVisible()
      expect(within(preview).getAllByText('Désactivé').length).toBeGreaterThan(0)
      expect(await axeViolations(document.body)).toEqual([])

      await user.click(within(dialog).getByRole('button', { name: 'Créer ce groupe' }))
      await within(dialog).findByText(/^4 lignes valides, 1 avec des erreurs\./, {}, { timeout: 10_000 })
      expect((await client.groups.list()).items.map((g) => g.name)).toContain('Clients Nord')

      // A dry run on the server first: the four rows are valid there too, and nobody is created.
      const dryRun = within(dialog).getByRole('checkbox', { name: /^Simulation/ })
      await user.click(dryRun)
      await user.click(within(dialog).getByRole('button', { name: 'Vérifier 4 lignes' }))
      await within(dialog).findByText(/^Vérification terminée/, {}, { timeout: 10_000 })
      expect(within(dialog).getByText('Valides').closest('div')?.textContent).toBe('Valides4')
      expect((await everyone(client)).has('lea.petit@exemple.fr')).toBe(false)
      await user.click(within(dialog).getByRole('button', { name: 'Importer un autre fichier' }))
      await user.upload(within(dialog).getByLabelText('Choisir un fichier'), fileOf(fixture))
      await user.click(await within(dialog).findByRole('button', { name: 'Suivant' }))
      await user.click(within(dialog).getByRole('checkbox', { name: /^Simulation/ }))
      await user.click(within(dialog).getByRole('button', { name: 'Importer 4 lignes' }))
      await within(dialog).findByText('Importation terminée.', {}, { timeout: 10_000 })
      const people = await everyone(client)
      const groups = new Map((await client.groups.list()).items.map((g) => [g.id, g.name]))
      for (const row of valid(fixture)) {
        const person = people.get(row.email)
        expect(person?.status, row.email).toBe(row.disabled ? 'disabled' : 'invited')
        if (row.role) expect(person?.role).toBe(row.role)
        if (row.groups)
          expect(person?.groupIds.map((id) => groups.get(id)).sort()).toEqual([...row.groups].sort())
      }
      expect(people.get('ines.bonnet@exemple.fr')?.groupIds.map((id) => groups.get(id))).toEqual([
        'Clients Nord',
      ])
      expect(people.has('louis.faure@exemple.fr')).toBe(false)
    })
  },
)

describe('ImportUsersDialog and the server’s own refusals', () => {
  it('lists a row the server skipped on its column, with the reason in the viewer’s language', {
    timeout: 60_000,
  }, async () => {
    const world = await createWorld()
    const client = clientFor(world.tokens.owner)
    // Camille is already invited: the file check cannot know it, the server does.
    await client.invitations.create({
      invitations: [
        { firstName: 'Camille', lastName: 'Durand', email: 'camille.durand@contoso.fr', role: 'technician' },
      ],
    })
    const { dialog, user } = await toPreview(ENTRA_FIXTURE, 'en', client)
    await user.click(
      within(dialog).getByRole('button', { name: WORDS.en.importRows(valid(ENTRA_FIXTURE).length) }),
    )
    await within(dialog).findByText(WORDS.en.done, {}, { timeout: 10_000 })
    const refusals = within(dialog).getByRole('region', { name: 'Rows the server refused or skipped' })
    const reason = within(refusals).getByText(/^Line 2, Email: /).textContent ?? ''
    expect(reason).not.toBe('')
    // The rows-to-fix file has it too, with the same reason, next to its original line.
    const download = within(dialog).getByRole('link', { name: 'Download the rows to fix (CSV)' })
    const csv = decodeURIComponent((download.getAttribute('href') ?? '').replace(/^data:[^,]*,/, ''))
    const line = csv.split('\r\n').find((l) => l.includes('camille.durand@contoso.fr'))
    expect(line).toContain(reason.replace(/^Line 2, /, ''))
    expect(line?.endsWith(',2') || line?.endsWith(';2')).toBe(true)
    expect(await axeViolations(document.body)).toEqual([])
  })
})
