import {
  applyMapping,
  createUsherClient,
  parseImportFile,
  runImport,
  type UsherClient,
  validateImportRows,
} from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestOrg, type TestServer } from './support/harness'

/**
 * The SDK's import runner (issue 7) against the real server: a file parsed, mapped and checked
 * on the client, then sent in chunks. Lives here because the SDK package must not depend on the
 * server.
 */
let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(() => t.close())

type Fetch = typeof globalThis.fetch

function clientOf(org: TestOrg, fetch: Fetch = globalThis.fetch): UsherClient {
  // Retries on, with short waits: the runner relies on the SDK replaying a lost chunk.
  return createUsherClient({
    baseUrl: t.url,
    token: org.owner.token,
    fetch,
    retry: { limit: 2, delay: () => 5 },
  })
}

function peopleCsv(count: number, tag: string) {
  const lines = ['Prénom;Nom;Adresse e-mail;Service']
  for (let i = 1; i <= count; i++) lines.push(`Personne${i};Test;p${i}.${tag}@example.com;Support`)
  return `\uFEFF${lines.join('\r\n')}\r\n`
}

async function validRows(text: string) {
  const parsed = await parseImportFile(text)
  const validation = validateImportRows(applyMapping(parsed, parsed.mapping))
  expect(validation.invalidCount).toBe(0)
  return validation.valid
}

async function countByEmail(org: TestOrg, emails: readonly string[]) {
  const rows = await t.server.db
    .selectFrom('users')
    .select('email')
    .where('org_id', '=', org.id)
    .where('email', 'in', emails)
    .execute()
  const counts = new Map<string, number>()
  for (const r of rows) counts.set(r.email, (counts.get(r.email) ?? 0) + 1)
  return emails.map((e) => counts.get(e) ?? 0)
}

/** Whether a request is the POST of chunk `index`; reads a clone, so the body still goes out. */
async function isChunk(input: Parameters<Fetch>[0], init: Parameters<Fetch>[1], index: number) {
  // new Request(request) would take the original's body: clone instead.
  const request = input instanceof Request ? input.clone() : new Request(input, init)
  if (request.method !== 'POST' || !/\/imports\/[^/]+\/chunks$/.test(new URL(request.url).pathname))
    return false
  const body = (await request.json()) as { index: number }
  return body.index === index
}

describe('runImport', () => {
  it('sends a parsed file in chunks, reports progress in order, completes with per-row results', async () => {
    const org = await createTestOrg(t)
    const rows = await validRows(peopleCsv(7, 'run'))
    const progress: Array<[number, number]> = []
    const out = await runImport(clientOf(org), {
      rows,
      fileName: 'people.csv',
      format: 'csv',
      chunkSize: 3,
      onProgress: (p) => progress.push([p.chunk, p.processedRows]),
    })
    expect(progress).toEqual([
      [1, 3],
      [2, 6],
      [3, 7],
    ])
    expect(out.cancelled).toBe(false)
    expect(out.import).toMatchObject({ status: 'completed', totalRows: 7, processedRows: 7 })
    expect(out.counts).toMatchObject({ created: 7, failed: 0 })
    expect(out.results.map((r) => r.line)).toEqual([2, 3, 4, 5, 6, 7, 8])
    const report = []
    for await (const row of clientOf(org).imports.report.listAll(out.import.id)) report.push(row)
    expect(report.map((r) => [r.line, r.status])).toEqual(out.results.map((r) => [r.line, r.status]))
    expect(
      await countByEmail(
        org,
        rows.map((r) => r.email),
      ),
    ).toEqual(rows.map(() => 1))
  })

  it('a chunk whose answer is lost after the server processed it is replayed: each row created exactly once', async () => {
    const org = await createTestOrg(t)
    const rows = await validRows(peopleCsv(9, 'drop'))
    let chunkOneAttempts = 0
    let dropped = false
    const flaky: Fetch = async (input, init) => {
      const target = await isChunk(input, init, 1)
      if (target) chunkOneAttempts++
      const response = await globalThis.fetch(input, init)
      if (target && !dropped) {
        // The server committed the chunk; the connection drops before its answer arrives.
        await response.arrayBuffer()
        dropped = true
        throw new TypeError('fetch failed')
      }
      return response
    }
    const out = await runImport(clientOf(org, flaky), {
      rows,
      fileName: 'people.csv',
      format: 'csv',
      chunkSize: 3,
    })
    expect(dropped).toBe(true)
    expect(chunkOneAttempts).toBe(2)
    // The replay answers the chunk's first results: "created", not "skipped: already exists".
    expect(out.results.map((r) => r.status)).toEqual(rows.map(() => 'created'))
    expect(out.import).toMatchObject({ status: 'completed', processedRows: 9 })
    expect(out.import.counts.created).toBe(9)
    expect(
      await countByEmail(
        org,
        rows.map((r) => r.email),
      ),
    ).toEqual(rows.map(() => 1))
  })

  it('cancelling stops sending, cancels the import on the server and keeps what was sent', async () => {
    const org = await createTestOrg(t)
    const rows = await validRows(peopleCsv(6, 'cancel'))
    const controller = new AbortController()
    const out = await runImport(clientOf(org), {
      rows,
      fileName: 'people.csv',
      format: 'csv',
      chunkSize: 2,
      signal: controller.signal,
      onProgress: (p) => {
        if (p.chunk === 1) controller.abort()
      },
    })
    expect(out.cancelled).toBe(true)
    expect(out.import.status).toBe('cancelled')
    expect(out.results).toHaveLength(2)
    expect(
      await countByEmail(
        org,
        rows.map((r) => r.email),
      ),
    ).toEqual([1, 1, 0, 0, 0, 0])
  })

  it('a dry run validates every row on the server and creates nobody', async () => {
    const org = await createTestOrg(t)
    const rows = await validRows(peopleCsv(4, 'dry'))
    const out = await runImport(clientOf(org), {
      rows,
      fileName: 'people.csv',
      format: 'csv',
      options: { dryRun: true },
    })
    expect(out.counts).toMatchObject({ valid: 4, created: 0 })
    expect(
      await countByEmail(
        org,
        rows.map((r) => r.email),
      ),
    ).toEqual([0, 0, 0, 0])
  })

  it('rows the server refuses come back failed with their line and code', async () => {
    const org = await createTestOrg(t)
    const text =
      'Email,First name,Group ID\nok.refused@example.com,Ok,\nbad.group@example.com,Bad,0b6f3c1e-8a57-4d0e-9b7e-3f1d2c4a5b6c\n'
    const rows = await validRows(text)
    const out = await runImport(clientOf(org), { rows, fileName: 'people.csv', format: 'csv' })
    expect(out.results.map((r) => [r.line, r.status, r.error?.code ?? null])).toEqual([
      [2, 'created', null],
      [3, 'failed', expect.any(String)],
    ])
  })
})
