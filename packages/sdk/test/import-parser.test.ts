import { readFileSync } from 'node:fs'
import { fileURLToPath } from 'node:url'
import { describe, expect, it } from 'vitest'
import {
  applyMapping,
  autoMapping,
  failedRowsCsv,
  fieldForHeader,
  IMPORT_COLUMNS,
  ImportFileError,
  parseImportFile,
  sampleImportFile,
  validateImportRows,
} from '../src/index'

const fixture = (name: string) =>
  new File([readFileSync(fileURLToPath(new URL(`./fixtures/import/${name}`, import.meta.url)))], name)

async function check(name: string) {
  const parsed = await parseImportFile(fixture(name))
  const mapped = applyMapping(parsed, parsed.mapping)
  return { parsed, mapped, validation: validateImportRows(mapped) }
}

describe('parseImportFile: real files', () => {
  it('reads an Excel French export: BOM, semicolons, CRLF, French headers in any order', async () => {
    const { parsed, mapped, validation } = await check('excel-fr-bom-semicolon.csv')
    expect(parsed).toMatchObject({ format: 'csv', delimiter: ';', encoding: 'utf-8' })
    expect(parsed.headers[0]).toBe('Courriel') // no BOM glued to the first header
    expect(parsed.mapping).toEqual([
      'email',
      'lastName',
      'firstName',
      'salutation',
      'phone',
      'mobile',
      'department',
      'jobTitle',
      'role',
      'locale',
      'enabled',
    ])
    expect(parsed.unknownColumns).toEqual([])
    // The trailing line of empty cells Excel leaves is no record.
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 4])
    expect(mapped[0]?.fields).toEqual({
      email: 'elodie.martin@example.com',
      lastName: 'Martin',
      firstName: 'Élodie',
      salutation: 'ms',
      phone: '01 23 45 67 89',
      mobile: '06 12 34 56 78',
      department: 'Support',
      jobTitle: 'Technicienne support',
      role: 'technician',
      locale: 'fr',
      enabled: true,
    })
    expect(mapped[1]?.fields).toMatchObject({ salutation: 'mr', role: 'admin', locale: 'fr' })
    // A quoted semicolon stays inside its cell.
    expect(mapped[2]?.fields).toMatchObject({ jobTitle: 'Chef de projet; SI', enabled: false })
    expect(validation.rows[0]?.errors).toEqual([])
    expect(validation.rows[1]?.errors).toEqual([])
  })

  it('reads an older Excel export saved as Windows-1252', async () => {
    const { parsed, mapped, validation } = await check('excel-fr-windows-1252.csv')
    expect(parsed.encoding).toBe('windows-1252')
    expect(parsed.headers).toEqual(['Prénom', 'Nom', 'Adresse e-mail', 'Fonction'])
    expect(mapped[1]?.fields).toMatchObject({ firstName: 'Hélène', jobTitle: 'Responsable d’équipe' })
    expect(validation.invalidCount).toBe(0)
  })

  it('reads a JSON export ({ users: [...] }) with mixed keys, typed values and line numbers', async () => {
    const { parsed, mapped, validation } = await check('export.json')
    expect(parsed).toMatchObject({ format: 'json', delimiter: null })
    // Each entry's line is where its object opens in the file.
    expect(parsed.rows.map((r) => r.line)).toEqual([4, 13, 20])
    expect(mapped[0]?.fields).toEqual({
      firstName: 'Camille',
      lastName: 'Durand',
      email: 'camille.durand@example.com',
      role: 'admin',
      enabled: true,
      contactFor: ['billing', 'network'],
      phone: '33123456789',
    })
    expect(mapped[1]?.fields).toMatchObject({
      email: 'hugo.moreau@example.com',
      firstName: 'Hugo',
      lastName: 'Moreau',
      password: 'Correct horse battery staple 42',
    })
    expect(validation.validCount).toBe(2)
    const errors = validation.rows[2]?.errors ?? []
    expect(errors.map((e) => [e.line, e.path, e.code]).sort()).toEqual([
      [20, 'email', 'invalid_email'],
      [20, 'enabled', 'invalid_type'],
      [20, 'firstName', 'required'],
    ])
  })

  it('keeps quoted commas, doubled quotes, line breaks and accents; splits a full name', async () => {
    const { parsed, mapped, validation } = await check('quoted-commas-accents.csv')
    expect(parsed.delimiter).toBe(',')
    expect(parsed.rows.map((r) => r.line)).toEqual([2, 3, 5])
    expect(mapped[0]?.fields).toEqual({
      firstName: 'Jean-Émile',
      lastName: 'Dupont',
      email: 'jean-emile.dupont@example.com',
      jobTitle: 'Technicien, niveau 2',
      department: 'R&D, Lyon',
      description: 'Says "hello" in the notes',
    })
    expect(mapped[1]?.fields).toMatchObject({
      firstName: 'Zoë',
      lastName: 'Ångström',
      description: 'Two lines:\nfirst, then second',
    })
    expect(mapped[2]?.fields).toMatchObject({ firstName: 'Çağla', department: 'Ventes, Île-de-France' })
    expect(validation.invalidCount).toBe(0)
  })

  it('flags addresses repeated inside the file, naming the first line', async () => {
    const { validation } = await check('duplicate-emails.csv')
    expect(validation.validCount).toBe(2)
    expect(validation.rows.flatMap((r) => r.errors)).toEqual([
      expect.objectContaining({ line: 4, path: 'email', code: 'duplicate', firstLine: 2 }),
      expect.objectContaining({ line: 5, path: 'email', code: 'duplicate', firstLine: 3 }),
    ])
  })

  it('leaves unknown columns out, and a manual mapping puts them on a field', async () => {
    const { parsed, mapped, validation } = await check('unknown-columns.csv')
    expect(parsed.unknownColumns.map((i) => parsed.headers[i])).toEqual([
      'Licence standard',
      'Licence mobile',
      'Badge',
    ])
    expect(mapped[0]?.fields).toEqual({
      lastName: 'Roux',
      email: 'emma.roux@example.com',
      firstName: 'Emma',
      password: 'Correct horse battery staple 42',
      enabled: true,
    })
    expect(validation.invalidCount).toBe(0)
    const manual = [...parsed.mapping]
    manual[4] = 'externalId'
    expect(applyMapping(parsed, manual)[1]?.fields).toMatchObject({ externalId: 'B-1043', enabled: false })
  })
})

describe('parseImportFile: options and edge cases', () => {
  it('detects tabs, and takes a chosen delimiter and format', async () => {
    const tabs = await parseImportFile('Email\tFirst name\nann@example.com\tAnn\n')
    expect(tabs.delimiter).toBe('\t')
    expect(tabs.mapping).toEqual(['email', 'firstName'])
    const forced = await parseImportFile('Email;First name\nann@example.com;Ann, Jr\n', { delimiter: ',' })
    expect(forced.headers).toEqual(['Email;First name'])
    const json = await parseImportFile('  [{"email":"a@example.com","firstName":"A"}]', { format: 'json' })
    expect(json.rows).toEqual([{ line: 1, cells: ['a@example.com', 'A'] }])
  })

  it('refuses an empty file, a JSON that is no list, a broken JSON', async () => {
    await expect(parseImportFile('\uFEFF  \r\n')).rejects.toMatchObject({ code: 'empty_file' })
    await expect(parseImportFile('{"a": 1}')).rejects.toBeInstanceOf(ImportFileError)
    await expect(parseImportFile('[{"a": 1}', { format: 'json' })).rejects.toMatchObject({
      code: 'invalid_json',
    })
  })

  it('reports an unclosed quote at its line', async () => {
    const parsed = await parseImportFile('Email,First name\na@example.com,Ann\nb@example.com,"Bob\n')
    expect(parsed.problems).toEqual([expect.objectContaining({ line: 3, code: 'unclosed_quote' })])
  })

  it('matches headers without regard to accents, case, spaces and punctuation', () => {
    for (const [header, field] of [
      ['PRENOM', 'firstName'],
      [' prénom ', 'firstName'],
      ['Nom de famille', 'lastName'],
      ['Adresse E-mail', 'email'],
      ['courriel', 'email'],
      ['E-mail', 'email'],
      ['Rôle', 'role'],
      ['Groupe', 'groupId'],
      ['ID du groupe', 'groupId'],
      ['Téléphone', 'phone'],
      ['Portable', 'mobile'],
      ['Mobile', 'mobile'],
      ['Service', 'department'],
      ['Département', 'department'],
      ['Intitulé du poste', 'jobTitle'],
      ['Fonction', 'jobTitle'],
      ['ID SSO', 'externalId'],
      ['Surnom', 'nickname'],
      ['Mot de passe', 'password'],
      ['Civilité', 'salutation'],
      ['Langue', 'locale'],
      ['Description', 'description'],
      ['Actif', 'enabled'],
      ['Technician group ID', 'groupId'],
    ] as const) {
      expect(fieldForHeader(header), header).toBe(field)
    }
    expect(fieldForHeader('Licence standard')).toBeNull()
    // A field claimed by two columns keeps the first.
    expect(autoMapping(['Email', 'Courriel'])).toEqual(['email', null])
  })

  it('resolves group names to ids when the groups are given', async () => {
    const parsed = await parseImportFile(
      'Email;Prénom;Groupe\na@example.com;A;clients paris\nb@example.com;B;Inconnu\n',
    )
    const id = '0b6f3c1e-8a57-4d0e-9b7e-3f1d2c4a5b6c'
    const mapped = applyMapping(parsed, parsed.mapping, { groups: [{ id, name: 'Clients Paris' }] })
    // An unknown name is kept apart, named, and refused on its row before anything is sent.
    expect(mapped.map((r) => r.fields.groupIds)).toEqual([[id], undefined])
    expect(mapped.map((r) => r.unknownGroups)).toEqual([undefined, ['Inconnu']])
    const validation = validateImportRows(mapped)
    expect(validation.rows[1]?.errors).toEqual([
      expect.objectContaining({ path: 'groupId', code: 'not_found', value: 'Inconnu', line: 3 }),
    ])
    expect(validation.unknownGroups).toEqual(['Inconnu'])
  })

  it('applies the shared-mailbox list given, or the contract default', async () => {
    const parsed = await parseImportFile('Email,First name\ncontact@example.com,C\nteam@example.com,T\n')
    const mapped = applyMapping(parsed, parsed.mapping)
    const byDefault = validateImportRows(mapped)
    expect(byDefault.rows[0]?.errors[0]).toMatchObject({ line: 2, path: 'email' })
    const custom = validateImportRows(mapped, { refusedMailboxes: ['team'] })
    expect(custom.rows.map((r) => r.errors.length)).toEqual([0, 1])
    expect(validateImportRows(mapped, { refusedMailboxes: null }).invalidCount).toBe(0)
  })
})

describe('sample files', () => {
  for (const format of ['csv', 'json'] as const) {
    for (const locale of ['en', 'fr'] as const) {
      it(`${format} ${locale}: maps itself back completely and validates`, async () => {
        const text = sampleImportFile({ format, locale })
        const parsed = await parseImportFile(text)
        expect(parsed.format).toBe(format)
        expect(parsed.unknownColumns).toEqual([])
        if (format === 'csv') expect(parsed.delimiter).toBe(locale === 'fr' ? ';' : ',')
        const validation = validateImportRows(applyMapping(parsed, parsed.mapping))
        expect(validation.rows.flatMap((r) => r.errors)).toEqual([])
        expect(validation.valid.map((r) => r.email)).toEqual([
          'elodie.martin@example.com',
          'hugo.moreau@example.com',
        ])
      })
    }
  }

  it('the French CSV has French headers, the English one English headers', () => {
    expect(sampleImportFile({ format: 'csv', locale: 'fr' })).toMatch(
      /^\uFEFFCivilité;Prénom;Nom;Surnom;Adresse e-mail/,
    )
    expect(sampleImportFile({ format: 'csv', locale: 'en' })).toMatch(
      /^\uFEFFSalutation,First name,Last name/,
    )
    expect(IMPORT_COLUMNS.every((c) => fieldForHeader(c.header.fr) === c.field)).toBe(true)
  })

  it('failed rows come back as a CSV that parses to the same cells', async () => {
    const { parsed } = await check('quoted-commas-accents.csv')
    const csv = await failedRowsCsv({
      headers: parsed.headers,
      rows: parsed.rows.slice(0, 2).map((r) => ({ ...r, error: 'Invalid, really' })),
      errorHeader: 'Error',
      lineHeader: 'Line',
    })
    const again = await parseImportFile(csv)
    expect(again.rows.map((r) => r.cells.slice(0, parsed.headers.length))).toEqual(
      parsed.rows.slice(0, 2).map((r) => r.cells),
    )
    expect(again.rows[1]?.cells.slice(-2)).toEqual(['Invalid, really', '3'])
  })
})
