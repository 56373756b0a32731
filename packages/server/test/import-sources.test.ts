import type { ImportRowResult } from '@usher/contract'
import { IMPORT_ADDRESS_CASES } from '@usher/fixtures'
import { isUsherApiError } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'

// What a directory's or a spreadsheet's file asks of the server: several groups on one row,
// disabled people, a workbook as the source, and every refusal on its field.

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(() => t.close())

const byLine = (results: readonly ImportRowResult[]) => new Map(results.map((r) => [r.line, r]))

describe('given rows read from a directory download or a workbook', () => {
  it('puts a row in every group its cell names', async () => {
    const org = await createTestOrg(t)
    const owner = org.owner.client
    const paris = await owner.groups.create({ name: 'Clients Paris' })
    const nord = await owner.groups.create({ name: 'Paris Nord', parentId: paris.id })
    const job = await owner.imports.create({ fileName: 'personnes.xlsx', format: 'xlsx', totalRows: 1 })
    expect(job.format).toBe('xlsx')
    const { results } = await owner.imports.addChunk(job.id, {
      index: 0,
      rows: [
        {
          line: 2,
          firstName: 'Marc',
          lastName: 'Roux',
          email: 'marc.roux@exemple.fr',
          groupIds: [paris.id, nord.id],
        },
      ],
    })
    expect(results[0]).toMatchObject({ status: 'created', error: null })
    const user = await owner.users.get(results[0]?.userId as string)
    expect([...user.groupIds].sort()).toEqual([paris.id, nord.id].sort())
  })

  it('creates a disabled row disabled and without a seat, so the plan’s last seat goes to an enabled one', async () => {
    const org = await createTestOrg(t, { seats: 2 })
    const owner = org.owner.client
    const before = (await owner.me.get()).seats
    const job = await owner.imports.create({ fileName: 'entra-users.csv', format: 'csv', totalRows: 5 })
    const free = (before.allowed ?? 0) - before.used
    const rows = [
      {
        line: 2,
        firstName: 'Nicolas',
        lastName: 'Bernard',
        email: 'nicolas.bernard@contoso.fr',
        enabled: false,
      },
      { line: 3, firstName: 'Chloé', lastName: 'Henry', email: 'chloe.henry@contoso.fr', enabled: false },
      ...Array.from({ length: free + 1 }, (_, i) => ({
        line: 4 + i,
        firstName: 'Tech',
        lastName: `N${i}`,
        email: `tech.${i}@contoso.fr`,
      })),
    ]
    const { results } = await owner.imports.addChunk(job.id, { index: 0, rows })
    const r = byLine(results)
    expect(r.get(2)).toMatchObject({ status: 'created' })
    expect(r.get(3)).toMatchObject({ status: 'created' })
    const disabled = await owner.users.get(r.get(2)?.userId as string)
    expect(disabled.status).toBe('disabled')
    // The enabled rows take the free seats; the one beyond is refused on its role.
    const last = r.get(4 + free)
    expect(last).toMatchObject({
      status: 'failed',
      error: { code: 'seat_limit_reached', errors: [expect.objectContaining({ path: 'role' })] },
    })
    expect((await owner.me.get()).seats.used).toBe(before.used + free)
  })

  it('names the field of every refused or skipped row', async () => {
    const org = await createTestOrg(t)
    const owner = org.owner.client
    await org.addMember({ role: 'technician', email: 'deja.la@exemple.fr' })
    const job = await owner.imports.create({ fileName: 'people.csv', format: 'csv', totalRows: 2 })
    const { results } = await owner.imports.addChunk(job.id, {
      index: 0,
      rows: [
        { line: 2, firstName: 'Déjà', lastName: 'Là', email: 'deja.la@exemple.fr' },
        { line: 3, firstName: 'Trop', lastName: 'Haut', email: 'trop.haut@exemple.fr', role: 'nobody' },
      ],
    })
    const r = byLine(results)
    expect(r.get(2)).toMatchObject({
      status: 'skipped',
      error: { code: 'email_taken', errors: [{ path: 'email', code: 'email_taken' }] },
    })
    expect(r.get(3)).toMatchObject({
      status: 'failed',
      error: { errors: [{ path: 'role', code: 'invalid_value' }] },
    })
  })

  it('judges each address with the contract’s one rule, as the file check does', async () => {
    const org = await createTestOrg(t)
    const owner = org.owner.client
    const job = await owner.imports.create({
      fileName: 'people.csv',
      format: 'csv',
      totalRows: IMPORT_ADDRESS_CASES.length,
      options: { dryRun: true },
    })
    const valid = IMPORT_ADDRESS_CASES.filter((c) => c.valid)
    const { results } = await owner.imports.addChunk(job.id, {
      index: 0,
      rows: valid.map((c, i) => ({ line: i + 2, firstName: 'P', email: c.email })),
    })
    expect(results.map((r) => r.status)).toEqual(valid.map(() => 'valid'))
    // An invalid address fails the chunk's schema on that row, past the SDK's own check.
    const invalid = IMPORT_ADDRESS_CASES.filter((c) => !c.valid)
    const token = await org.owner.token()
    for (const [i, c] of invalid.entries()) {
      const response = await fetch(`${t.url}/imports/${job.id}/chunks`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({ index: i + 1, rows: [{ line: 100 + i, firstName: 'P', email: c.email }] }),
      })
      expect(response.status, c.email).toBe(422)
      const problem = (await response.json()) as { errors: Array<{ path: string; code: string }> }
      expect(problem.errors, c.email).toEqual([expect.objectContaining({ path: 'rows.0.email' })])
    }
  })

  it('never sets a masked password: the chunk is refused on that row’s password', async () => {
    const org = await createTestOrg(t)
    const owner = org.owner.client
    const job = await owner.imports.create({ fileName: 'google.csv', format: 'csv', totalRows: 1 })
    // Past the SDK's own check, as another client would send it.
    const response = await fetch(`${t.url}/imports/${job.id}/chunks`, {
      method: 'POST',
      headers: { authorization: `Bearer ${await org.owner.token()}`, 'content-type': 'application/json' },
      body: JSON.stringify({
        index: 0,
        rows: [
          { line: 2, firstName: 'Bruno', lastName: 'Garnier', email: 'bruno@exemple.fr', password: '****' },
        ],
      }),
    })
    expect(response.status).toBe(422)
    const problem = (await response.json()) as { errors: Array<{ path: string; code: string }> }
    expect(problem.errors).toEqual([
      expect.objectContaining({ path: 'rows.0.password', code: 'invalid_value' }),
    ])
    const error = await owner.users.list({ q: 'bruno' }).then(
      (page) => page.items,
      (e: unknown) => (isUsherApiError(e) ? e : null),
    )
    expect(error).toEqual([])
  })
})
