import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { BUILT_IN_ROLE_CATALOG, createRoleCatalog, isMaskedPassword } from '@usher/contract'
import {
  BROKEN_CSV_FIXTURE,
  EXCEL_FR_NOTES_SHEET,
  EXCEL_FR_PEOPLE_SHEET,
  IMPORT_ADDRESS_CASES,
  IMPORT_FILE_FIXTURES,
  IMPORT_WORLD_GROUPS,
  type ImportFileFixture,
} from '@usher/fixtures'
import { describe, expect, it } from 'vitest'
import { applyMapping, ImportFileError, parseImportFile, validateImportRows } from '../src/index'

const fileOf = (name: string) =>
  new File(
    [readFileSync(fileURLToPath(new URL(`../../fixtures/import-files/${name}`, import.meta.url)))],
    name,
  )

/** The test world's groups, with made-up ids. */
const groups = IMPORT_WORLD_GROUPS.map((name, i) => ({ id: `group-${i + 1}`, name }))
const idOf = (name: string) => groups.find((g) => g.name === name)?.id

async function read(fixture: ImportFileFixture) {
  const parsed = await parseImportFile(fileOf(fixture.file))
  const mapped = applyMapping(parsed, parsed.mapping, { groups, roles: BUILT_IN_ROLE_CATALOG })
  const validation = validateImportRows(mapped, {
    roles: { catalog: BUILT_IN_ROLE_CATALOG, actorRole: 'owner' },
  })
  return { parsed, validation }
}

describe.each(IMPORT_FILE_FIXTURES.map((f) => [f.source, f] as const))('%s', (_, fixture) => {
  it('maps every header without a hand, and leaves the others out', async () => {
    const { parsed } = await read(fixture)
    expect(parsed.headers.map((h, i) => [h, parsed.mapping[i]])).toEqual(fixture.mapping)
    expect(parsed.unknownColumns.map((i) => parsed.headers[i])).toEqual(
      fixture.mapping.filter(([, field]) => field === null).map(([h]) => h),
    )
    expect(parsed.problems).toEqual([])
  })

  it('gives each row its documented outcome', async () => {
    const { validation } = await read(fixture)
    expect(validation.rows.map((r) => r.line)).toEqual(fixture.rows.map((r) => r.line))
    for (const expected of fixture.rows) {
      const check = validation.rows.find((r) => r.line === expected.line)
      expect(check?.fields.email, `line ${expected.line}`).toBe(expected.email)
      if (expected.refused) {
        expect(check?.row, `line ${expected.line} is refused`).toBeNull()
        expect(
          check?.errors.map((e) => ({ field: e.path, code: e.code, ...(e.value ? { value: e.value } : {}) })),
        ).toEqual(expected.refused)
        continue
      }
      expect(check?.errors, `line ${expected.line}`).toEqual([])
      const row = check?.row
      if (expected.firstName) expect(row?.firstName).toBe(expected.firstName)
      if (expected.lastName) expect(row?.lastName).toBe(expected.lastName)
      expect(row?.enabled ?? true, `line ${expected.line} enabled`).toBe(!expected.disabled)
      if (expected.role) expect(row?.role).toBe(expected.role)
      if (expected.groups) expect(row?.groupIds).toEqual(expected.groups.map(idOf))
      expect(row?.password !== undefined, `line ${expected.line} password`).toBe(
        expected.withPassword === true,
      )
    }
  })
})

describe('the sources, one by one', () => {
  it('Entra: the object id is the SSO id, the office phone and mobile are read', async () => {
    const { validation } = await read(IMPORT_FILE_FIXTURES[0] as ImportFileFixture)
    expect(validation.rows[0]?.row).toMatchObject({
      externalId: '4f0c2a51-8d3e-4b7a-9f21-6c5d8e7a1b01',
      phone: '+33 1 40 00 00 01',
      mobile: '+33 6 10 00 00 01',
      jobTitle: 'Technicienne support',
      department: 'Support',
    })
  })

  it('reads the Windows-1252 save with its typographic apostrophe', async () => {
    const parsed = await parseImportFile(fileOf('excel-fr-windows-1252.csv'))
    expect(parsed).toMatchObject({ encoding: 'windows-1252', delimiter: ';' })
    expect(parsed.rows[1]?.cells[6]).toBe('Chef d’équipe')
  })

  it('reads a workbook from its first sheet, lists the others, and reads another on request', async () => {
    const parsed = await parseImportFile(fileOf('excel-fr.xlsx'))
    expect(parsed).toMatchObject({ format: 'xlsx', sheets: [EXCEL_FR_PEOPLE_SHEET, EXCEL_FR_NOTES_SHEET] })
    expect(parsed.sheet).toBe(EXCEL_FR_PEOPLE_SHEET)
    const notes = await parseImportFile(fileOf('excel-fr.xlsx'), { sheet: EXCEL_FR_NOTES_SHEET })
    expect(notes.headers).toEqual(['Note'])
    expect(notes.rows).toHaveLength(1)
  })

  it('reports the structural problems of a file at their lines and reads the sound records', async () => {
    const parsed = await parseImportFile(new File([BROKEN_CSV_FIXTURE.text], BROKEN_CSV_FIXTURE.file))
    expect(parsed.problems.map(({ message: _, ...p }) => p)).toEqual(BROKEN_CSV_FIXTURE.problems)
    expect(parsed.rows.map((r) => r.line)).toEqual(BROKEN_CSV_FIXTURE.validLines)
  })

  it('refuses an empty file and one that is not text', async () => {
    await expect(parseImportFile(new File([''], 'vide.csv'))).rejects.toMatchObject({ code: 'empty_file' })
    const pdf = new File(
      [new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x00, 0x0a, 0x00])],
      'export.csv',
    )
    await expect(parseImportFile(pdf)).rejects.toBeInstanceOf(ImportFileError)
    await expect(parseImportFile(pdf)).rejects.toMatchObject({ code: 'not_a_csv' })
  })
})

describe('cells', () => {
  it('judges each address with the contract’s one rule: a domain needs a dot and a top-level label', async () => {
    const text = ['Email,First name', ...IMPORT_ADDRESS_CASES.map((c, i) => `"${c.email}",P${i}`)].join('\n')
    const parsed = await parseImportFile(text)
    const validation = validateImportRows(applyMapping(parsed, parsed.mapping))
    expect(
      validation.rows.map((r) => ({ email: IMPORT_ADDRESS_CASES[r.line - 2]?.email, valid: r.row !== null })),
    ).toEqual(IMPORT_ADDRESS_CASES)
    for (const r of validation.rows.filter((r) => r.row === null)) {
      expect(r.errors.map((e) => [e.path, e.code])).toEqual([['email', 'invalid_email']])
    }
  })

  it('reads the enabled flag in the words of each source', async () => {
    const words = [
      'True',
      'False',
      'oui',
      'non',
      'faux',
      'vrai',
      '0',
      '1',
      'Active',
      'Suspended',
      'disabled',
      'Désactivé',
    ]
    const parsed = await parseImportFile(
      `Email,Prénom,Actif\n${words.map((w, i) => `p${i}@exemple.fr,P,${w}`).join('\n')}\n`,
    )
    const enabled = applyMapping(parsed, parsed.mapping).map((r) => r.fields.enabled)
    expect(enabled).toEqual([true, false, true, false, false, true, false, true, true, false, false, false])
  })

  it('refuses masked passwords on their row, never sends them', async () => {
    for (const mask of ['****', '********', '<hidden>', '[masqué]', '••••', 'redacted'])
      expect(isMaskedPassword(mask), mask).toBe(true)
    for (const real of ['Quatre chevaux bleus', 'p*ss word 12', 'hidden gem 2026!'])
      expect(isMaskedPassword(real), real).toBe(false)
    const parsed = await parseImportFile(
      'Email,First name,Password\na@exemple.fr,A,****\nb@exemple.fr,B,<hidden>\n',
    )
    const validation = validateImportRows(applyMapping(parsed, parsed.mapping))
    expect(validation.valid).toEqual([])
    expect(validation.rows.map((r) => r.errors.map((e) => [e.path, e.code]))).toEqual([
      [['password', 'invalid_value']],
      [['password', 'invalid_value']],
    ])
  })

  it('reads several groups in a cell, by id or by name, without regard to case or accents', async () => {
    const parsed = await parseImportFile(
      'Email,Prénom,Groupes\na@exemple.fr,A,CLIENTS PARIS|group-3\nb@exemple.fr,B,clients-lyon ; Paris Nord\nc@exemple.fr,C,Clients Nord|Clients Sud\n',
    )
    const mapped = applyMapping(parsed, parsed.mapping, { groups })
    expect(mapped.map((r) => r.fields.groupIds)).toEqual([
      ['group-1', 'group-3'],
      ['group-3', 'group-2'],
      undefined,
    ])
    const validation = validateImportRows(mapped)
    expect(validation.rows[2]?.errors.map((e) => e.value)).toEqual(['Clients Nord', 'Clients Sud'])
    expect(validation.unknownGroups).toEqual(['Clients Nord', 'Clients Sud'])
  })

  it('reads roles in English or French, any case, host roles by their labels, as the server judges them', async () => {
    const catalog = createRoleCatalog({
      operator: {
        rank: 15,
        permissions: ['users:read'],
        scope: 'groups',
        takesSeat: true,
        label: { en: 'Operator', fr: 'Opérateur' },
      },
    })
    const parsed = await parseImportFile(
      'Email,First name,Role\na@exemple.fr,A,ADMINISTRATEUR\nb@exemple.fr,B,opérateur\nc@exemple.fr,C,Operator\nd@exemple.fr,D,Superviseur\ne@exemple.fr,E,Propriétaire\n',
    )
    const mapped = applyMapping(parsed, parsed.mapping, { roles: catalog })
    expect(mapped.map((r) => r.fields.role)).toEqual([
      'admin',
      'operator',
      'operator',
      'Superviseur',
      'owner',
    ])
    const byAdmin = validateImportRows(mapped, { roles: { catalog, actorRole: 'admin' } })
    expect(byAdmin.rows.map((r) => r.errors.map((e) => e.code))).toEqual([
      [],
      [],
      [],
      ['invalid_value'],
      ['role_above_own'],
    ])
  })
})
