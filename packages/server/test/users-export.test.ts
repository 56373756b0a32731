import Papa from 'papaparse'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { insertPeople } from '../src/domain/people'
import { createTestOrg, startTestServer, type TestOrg, type TestServer } from './support/harness'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({
    exportColumns: [
      { key: 'plan', header: { en: 'Plan', fr: 'Offre' }, value: (user) => `plan-of-${user.lastName}` },
    ],
  })
})
afterAll(() => t.close())

interface Download {
  status: number
  bytes: Uint8Array
  /** The text after the byte-order mark. */
  text: string
  rows: string[][]
  headers: Headers
}

async function download(org: TestOrg, userId: string | null, query: Record<string, string | string[]> = {}) {
  const search = new URLSearchParams()
  for (const [key, value] of Object.entries(query)) {
    for (const v of Array.isArray(value) ? value : [value]) search.append(key, v)
  }
  const token = await (userId ? tokenFor(org, userId) : org.owner.token())
  const res = await fetch(`${t.url}/users/export?${search}`, {
    headers: { Authorization: `Bearer ${token}` },
  })
  const bytes = new Uint8Array(await res.arrayBuffer())
  // TextDecoder drops the byte-order mark by default; keep it to see it.
  const raw = new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes)
  const text = raw.replace(/^\uFEFF/, '')
  const delimiter = typeof query.delimiter === 'string' ? query.delimiter : ','
  const rows = res.ok ? (Papa.parse<string[]>(text.trimEnd(), { delimiter }).data as string[][]) : []
  return { status: res.status, bytes, text, rows, headers: res.headers, raw } as Download & { raw: string }
}

const tokenFor = (org: TestOrg, userId: string) =>
  t.server.provision.token({ userId, orgId: org.id }) as Promise<string>

const TRICKY = ['=HYPERLINK("http://evil.test")', '+33 1 23', '-2+3', '@SUM(A1)', '\tTabbed', '\rReturn']

describe('given an owner exporting the members', () => {
  it('answers a UTF-8 CSV with a byte-order mark, English headers, the table’s columns and a dated file name', async () => {
    const org = await createTestOrg(t, { name: 'Acme Énergie' })
    await org.addMember({ role: 'technician', firstName: 'Lucas', lastName: 'Bernard' })
    const file = await download(org, null)
    expect(file.status).toBe(200)
    expect(file.headers.get('content-type')).toBe('text/csv; charset=utf-8')
    expect([...file.bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf])
    const today = t.clock.now().toISOString().slice(0, 10)
    expect(file.headers.get('content-disposition')).toContain(`filename="acme-energie-members-${today}.csv"`)
    expect(file.rows[0]).toEqual([
      'Name',
      'Email',
      'Role',
      'Status',
      'Shared groups',
      'Last active (UTC)',
      'Plan',
    ])
    // Sorted by last name as the table is: Bernard before Owner.
    expect(file.rows.slice(1).map((row) => row.slice(0, 4))).toEqual([
      ['Lucas Bernard', expect.stringContaining('@example.com'), 'Technician', 'Active'],
      ['Olivia Owner', org.owner.user.email, 'Owner', 'Active'],
    ])
    expect(file.rows[1]?.[6]).toBe('plan-of-Bernard')
  })

  it('prefixes with an apostrophe every cell a spreadsheet would run as a formula', async () => {
    const org = await createTestOrg(t)
    for (const [i, name] of TRICKY.entries()) {
      const member = await org.addMember({ role: 'technician', lastName: '', email: `tricky.${i}@acme.test` })
      // Written straight to the row: the API trims names, a directory or an old import may not have.
      await t.server.db
        .updateTable('users')
        .set({ first_name: name })
        .where('id', '=', member.user.id)
        .execute()
    }
    const file = await download(org, null, { columns: ['name', 'email'] })
    const names = new Map(file.rows.slice(1).map(([name, email]) => [email, name]))
    TRICKY.forEach((name, i) => {
      expect(names.get(`tricky.${i}@acme.test`)).toBe(`'${name}`)
    })
    // Not one cell of the file starts with a formula character.
    for (const row of file.rows) for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/)
  })

  it('writes French headers and values with `;` for a French spreadsheet', async () => {
    const org = await createTestOrg(t, { name: 'Équipe Sud' })
    await org.addMember({ role: 'admin', firstName: 'Camille', lastName: 'Durand' })
    const file = await download(org, null, { locale: 'fr', delimiter: ';' })
    expect(file.text.split('\r\n')[0]).toBe(
      'Nom;E-mail;Rôle;Statut;Groupes partagés;Dernière activité (UTC);Offre',
    )
    expect(file.rows[1]?.slice(0, 4)).toEqual([
      'Camille Durand',
      expect.any(String),
      'Administrateur',
      'Actif',
    ])
    expect(file.headers.get('content-disposition')).toContain('equipe-sud-membres-')
  })

  it('follows the search, the filters, the sort and the chosen columns', async () => {
    const org = await createTestOrg(t)
    await org.addMember({ role: 'admin', firstName: 'Anne', lastName: 'Admin' })
    await org.addMember({ role: 'technician', firstName: 'Theo', lastName: 'Tech' })
    await org.addMember({ role: 'technician', firstName: 'Tina', lastName: 'Tech' })
    const techs = await download(org, null, { role: 'technician', sort: '-name', columns: ['email', 'name'] })
    expect(techs.rows.map((row) => row[1])).toEqual(['Name', 'Tina Tech', 'Theo Tech'])
    expect(techs.rows[0]).toEqual(['Email', 'Name'])
    const searched = await download(org, null, { q: 'ann', columns: ['name'] })
    expect(searched.rows).toEqual([['Name'], ['Anne Admin']])
    const unknown = await download(org, null, { columns: ['name', 'salary'] })
    expect(unknown.status).toBe(422)
    expect(JSON.parse(unknown.text).errors).toEqual([
      expect.objectContaining({ path: 'query.columns', code: 'invalid_value' }),
    ])
  })

  it('reads a large organization batch after batch and exports every person once', async () => {
    const org = await createTestOrg(t)
    const now = t.clock.now()
    await insertPeople(
      t.server.db,
      Array.from({ length: 1234 }, (_, i) => ({
        orgId: org.id,
        email: `p${String(i).padStart(4, '0')}@bulk.test`,
        firstName: 'Bulk',
        lastName: `P${String(i).padStart(4, '0')}`,
        locale: 'en',
        role: 'technician',
        source: 'import' as const,
        passwordHash: 'x',
      })),
      now,
    )
    const file = await download(org, null, { q: 'bulk', columns: ['email'] })
    const emails = file.rows.slice(1).map(([email]) => email)
    expect(emails).toHaveLength(1234)
    expect(new Set(emails).size).toBe(1234)
    expect(emails[0]).toBe('p0000@bulk.test')
    expect(emails.at(-1)).toBe('p1233@bulk.test')
  })
})

describe('given a group admin or a technician', () => {
  it('exports only the admin’s scope, selected or searched, and refuses a technician', async () => {
    const org = await createTestOrg(t)
    const owner = org.owner.client
    const gIn = (await owner.groups.create({ name: 'In' })).id
    const gOut = (await owner.groups.create({ name: 'Out' })).id
    const admin = await org.addMember({
      role: 'admin',
      groupIds: [gIn],
      firstName: 'Ada',
      lastName: 'Scoped',
    })
    const inside = await org.addMember({ role: 'technician', groupIds: [gIn], lastName: 'Inside' })
    const outside = await org.addMember({ role: 'technician', groupIds: [gOut], lastName: 'Outside' })

    const all = await download(org, admin.user.id, { columns: ['email'] })
    expect(all.rows.slice(1).flat().sort()).toEqual([admin.user.email, inside.user.email].sort())
    expect(all.text).not.toContain(outside.user.email)

    const selected = await download(org, admin.user.id, {
      id: [inside.user.id, outside.user.id],
      columns: ['email'],
    })
    expect(selected.rows).toEqual([['Email'], [inside.user.email]])

    const filtered = await download(org, admin.user.id, { groupId: gOut })
    expect(filtered.status).toBe(404)

    const technician = await download(org, inside.user.id)
    expect(technician.status).toBe(403)
    expect(technician.text).not.toContain(outside.user.email)
  })
})
