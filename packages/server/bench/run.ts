/**
 * @usher/server benchmarks (`pnpm bench`; budgets and method in docs/decisions/0003 and 0005):
 *
 * - `GET /users` at 100,000 users in one organization: first page, a deep page (a cursor 90% of
 *   the way down the name order), a prefix search and a status filter — p50/p99 over sequential
 *   requests on loopback;
 * - requests per second on the first page with autocannon (10 connections, 10 s);
 * - one `POST /invitations` of 1,000 rows, end to end (median of 3, a new organization each);
 * - on PostgreSQL, 60 s of mixed load on two instances behind a balancer (`mixed-load.ts`): errors,
 *   anything lost or doubled, p50/p99.
 *
 * Run on embedded PGlite and, when DATABASE_URL is set (the `bench` script wraps this in
 * scripts/with-postgres.mjs), on PostgreSQL. The server runs in a child process so the load
 * generator does not share its event loop.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'
import { createUsherClient, runImport } from '@usher/sdk'
import autocannon from 'autocannon'
import { runMixedLoad } from './mixed-load'

const HERE = dirname(fileURLToPath(import.meta.url))
const PACKAGE = '@usher/server'
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300)

/**
 * Budgets (ms; docs/decisions/0005-reference-server.md). Runs on this 2-core VM spread widely:
 * the same commit gave a PGlite first page p50 of 5.9 ms on a quiet machine and 8.8–12.6 ms an hour
 * later (PostgreSQL 6.5–8.1 ms), so budgets sit about twice above the slow runs. They are tripwires
 * for a change in kind — a lost index turns a deep page into hundreds of milliseconds, an N+1 a
 * page of 50 into dozens of queries — not targets. The 10,000-row import ran in 6.1 s (PGlite)
 * and 3.4 s (PostgreSQL).
 */
const BUDGETS: Record<string, Record<string, number | null>> = {
  pglite: {
    firstP50: 25,
    firstP99: 60,
    deepP50: 25,
    deepP99: 60,
    searchP50: 12,
    filterP50: 32,
    invite1000: 1_500,
    import10000: 15_000,
  },
  postgres: {
    firstP50: 18,
    firstP99: 60,
    deepP50: 15,
    deepP99: 60,
    searchP50: 12,
    filterP50: 25,
    invite1000: 1_200,
    import10000: 9_000,
  },
}

interface Started {
  child: ChildProcess
  url: string
  token: string
  seedSeconds: number
}

async function startServer(kind: 'pglite' | 'postgres'): Promise<Started> {
  const child = spawn(process.execPath, ['--import', 'tsx', resolve(HERE, 'server.ts'), `--db=${kind}`], {
    stdio: ['ignore', 'pipe', 'inherit'],
    env: process.env,
  })
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  for await (const line of lines) {
    if (line.startsWith('{')) {
      const info = JSON.parse(line) as { url: string; token: string; seedSeconds: number }
      return { child, ...info }
    }
  }
  throw new Error('the bench server ended before it was ready')
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number
const round = (ms: number) => Math.round(ms * 100) / 100

async function timeRequests(url: string, token: string, n: number) {
  const samples: number[] = []
  for (let i = 0; i < n + 20; i++) {
    const t0 = performance.now()
    const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } })
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`)
    await res.arrayBuffer()
    if (i >= 20) samples.push(performance.now() - t0) // the first 20 warm up
  }
  samples.sort((a, b) => a - b)
  return { p50: round(percentile(samples, 0.5)), p99: round(percentile(samples, 0.99)) }
}

async function deepCursor(base: string, token: string): Promise<string> {
  // Walk the name order with the biggest pages to a cursor 90% of the way down.
  let cursor: string | null = null
  let seen = 0
  const target = Number(process.env.BENCH_USERS ?? 100_000) * 0.9
  while (seen < target) {
    const res: Response = await fetch(`${base}/users?limit=200${cursor ? `&cursor=${cursor}` : ''}`, {
      headers: { Authorization: `Bearer ${token}` },
    })
    const page = (await res.json()) as { items: unknown[]; nextCursor: string | null }
    seen += page.items.length
    if (!page.nextCursor) break
    cursor = page.nextCursor
  }
  if (!cursor) throw new Error('no deep cursor')
  return cursor
}

async function invite1000(base: string, token: string): Promise<number> {
  const times: number[] = []
  for (let run = 0; run < 3; run++) {
    const invitations = Array.from({ length: 1000 }, (_, i) => ({
      firstName: 'Camille',
      lastName: `Invité ${run}-${i}`.replace(/\d/g, (d) => 'abcdefghij'[Number(d)] as string),
      email: `invitee.${run}.${i}.${Date.now()}@bench.example`,
      role: 'technician',
    }))
    const t0 = performance.now()
    const res = await fetch(`${base}/invitations`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },
      body: JSON.stringify({ invitations, sendEmail: true }),
    })
    const body = (await res.json()) as { created?: number }
    times.push(performance.now() - t0)
    if (res.status !== 200 || body.created !== 1000)
      throw new Error(`invite 1000: ${res.status} ${JSON.stringify(body).slice(0, 300)}`)
  }
  times.sort((a, b) => a - b)
  return round(times[1] as number)
}

/** Issue 7: an import of 10,000 invited people in chunks of 1,000, through the SDK's runner. */
async function import10000(base: string, token: string): Promise<number> {
  const client = createUsherClient({ baseUrl: base, token, timeout: 120_000 })
  const stamp = Date.now()
  const rows = Array.from({ length: 10_000 }, (_, i) => ({
    line: i + 2,
    firstName: 'Léa',
    lastName: 'Importée',
    email: `import.${stamp}.${i}@bench.example`,
    role: 'technician',
  }))
  const t0 = performance.now()
  const result = await runImport(client, { rows, fileName: 'bench.csv', format: 'csv', chunkSize: 1_000 })
  const elapsed = performance.now() - t0
  if (result.counts.created !== 10_000) throw new Error(`import: ${JSON.stringify(result.counts)}`)
  return round(elapsed)
}

async function throughput(url: string, token: string): Promise<number> {
  const result = await autocannon({
    url,
    connections: 10,
    duration: Number(process.env.BENCH_SECONDS ?? 10),
    headers: { Authorization: `Bearer ${token}` },
  })
  if (result.non2xx > 0) throw new Error(`autocannon: ${result.non2xx} non-2xx answers`)
  return Math.round(result.requests.average)
}

const entries: object[] = []
const entry = (
  kind: string,
  name: string,
  value: number,
  unit: string,
  budget: number | null,
  notes: string,
  floor = false,
) =>
  entries.push({
    package: PACKAGE,
    name: `${kind}: ${name}`,
    value,
    unit,
    budget: floor ? null : budget,
    pass: budget === null || (floor ? value >= budget : value <= budget),
    notes,
  })

const kinds: Array<'pglite' | 'postgres'> = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
for (const kind of kinds) {
  const server = await startServer(kind)
  try {
    const budget = BUDGETS[kind] as Record<string, number | null>
    const base = server.url
    const users = Number(process.env.BENCH_USERS ?? 100_000).toLocaleString('en-US')
    const first = await timeRequests(`${base}/users?limit=50`, server.token, SAMPLES)
    const cursor = await deepCursor(base, server.token)
    const deep = await timeRequests(`${base}/users?limit=50&cursor=${cursor}`, server.token, SAMPLES)
    const search = await timeRequests(`${base}/users?limit=50&q=dub`, server.token, Math.round(SAMPLES / 3))
    const filter = await timeRequests(
      `${base}/users?limit=50&status=invited&role=technician`,
      server.token,
      Math.round(SAMPLES / 3),
    )
    const rps = await throughput(`${base}/users?limit=50`, server.token)
    const invite = await invite1000(base, server.token)
    const imported = await import10000(base, server.token)
    const n = `${users} users, ${SAMPLES} sequential requests after 20 warm-up`
    entry(kind, 'GET /users first page (50), p50', first.p50, 'ms', budget.firstP50 ?? null, n)
    entry(kind, 'GET /users first page (50), p99', first.p99, 'ms', budget.firstP99 ?? null, n)
    entry(kind, 'GET /users deep page (90% down, by name), p50', deep.p50, 'ms', budget.deepP50 ?? null, n)
    entry(kind, 'GET /users deep page (90% down, by name), p99', deep.p99, 'ms', budget.deepP99 ?? null, n)
    entry(
      kind,
      'GET /users?q=dub (prefix search), p50',
      search.p50,
      'ms',
      budget.searchP50 ?? null,
      `p99 ${search.p99} ms`,
    )
    entry(
      kind,
      'GET /users?status=invited&role=technician, p50',
      filter.p50,
      'ms',
      budget.filterP50 ?? null,
      `p99 ${filter.p99} ms`,
    )
    entry(
      kind,
      'GET /users first page, requests/s (autocannon, 10 connections)',
      rps,
      'req/s',
      null,
      'reported; loopback, server in its own process',
    )
    entry(
      kind,
      'POST /invitations with 1,000 rows, end to end',
      invite,
      'ms',
      budget.invite1000 ?? null,
      `median of 3; seeding ${users} users took ${Math.round(server.seedSeconds)} s`,
    )
    entry(
      kind,
      'import of 10,000 invited people (runImport, 10 chunks of 1,000), end to end',
      imported,
      'ms',
      budget.import10000 ?? null,
      'one run, through the SDK; invitations written to the outbox',
    )
  } finally {
    server.child.kill('SIGTERM')
  }
}

// Two instances behind a balancer on one PostgreSQL (bench/mixed-load.ts): needs a real server.
if (process.env.DATABASE_URL) {
  const seconds = Number(process.env.BENCH_MIXED_SECONDS ?? 60)
  const mixed = await runMixedLoad(process.env.DATABASE_URL, seconds)
  const what = `${seconds} s mixed load, 2 instances behind a round-robin proxy, ${mixed.requests} operations`
  const kinds = Object.entries(mixed.byKind)
    .map(([kind, k]) => `${kind} ×${k.count} p50 ${k.p50} / p99 ${k.p99} ms`)
    .join('; ')
  entry(
    'postgres',
    `${what}: errors`,
    mixed.errors,
    'errors',
    0,
    mixed.errorSamples.join(' | ') || 'reads, invitations, share changes, imports',
  )
  entry(
    'postgres',
    `${what}: people, emails or shares lost or doubled`,
    mixed.peopleWrong + mixed.emailsWrong + mixed.sharesWrong,
    'rows',
    0,
    `${mixed.created} people created, ${mixed.emails} emails each received once by SMTP; people wrong ${mixed.peopleWrong}, emails wrong ${mixed.emailsWrong}, shares wrong ${mixed.sharesWrong}`,
  )
  entry('postgres', `${what}: p50`, mixed.p50, 'ms', null, kinds)
  entry(
    'postgres',
    `${what}: p99`,
    mixed.p99,
    'ms',
    null,
    'all operations; an import is 3 requests, a person and their shares 2',
  )
}

const file = resolve(HERE, 'results.json')
await writeFile(file, `${JSON.stringify(entries, null, 2)}\n`)
for (const e of entries as Array<{ name: string; value: number; unit: string; pass: boolean }>) {
  console.log(`${e.pass ? 'ok  ' : 'FAIL'} ${e.name}: ${e.value} ${e.unit}`)
}
