/**
 * Benchmarks of the admin console's reads (`pnpm --filter @usher/server bench:console`):
 *
 * - `GET /users/export` of every one of BENCH_USERS people (100,000 by default): wall time, size,
 *   and the server process's resident memory sampled every 20 ms during the export against its
 *   level just before (flat memory: the export holds one batch, whatever the organization's size);
 * - `GET /audit` first page (50) with BENCH_AUDIT_EVENTS events (100,000): p50 and p99 over
 *   sequential requests on loopback.
 *
 * The server is bench/server.ts in its own process (PGlite, or PostgreSQL when DATABASE_URL is set:
 * the script wraps this in scripts/with-postgres.mjs). Writes bench/console-results.json.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))
const USERS = Number(process.env.BENCH_USERS ?? 100_000)
const EVENTS = Number(process.env.BENCH_AUDIT_EVENTS ?? 100_000)
const SAMPLES = Number(process.env.BENCH_SAMPLES ?? 300)

/** Budgets: the audit log's first page (the 20 ms p99 on PostgreSQL); the export's memory. */
const BUDGETS = {
  auditFirstP99: { pglite: 40, postgres: 20 },
  /** MB the server may grow by while exporting everyone: a batch, not the organization. */
  exportGrowthMb: 150,
}

async function startServer(kind: 'pglite' | 'postgres') {
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(HERE, 'server.ts'), `--db=${kind}`],
    {
      stdio: ['ignore', 'pipe', 'inherit'],
      env: { ...process.env, BENCH_USERS: String(USERS), BENCH_AUDIT_EVENTS: String(EVENTS) },
    },
  )
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })
  for await (const line of lines) {
    if (line.startsWith('{')) {
      const info = JSON.parse(line) as { url: string; token: string; seedSeconds: number }
      return { child, ...info }
    }
  }
  throw new Error('the bench server ended before it was ready')
}

/** The process's resident set in MB, from /proc (Linux). */
async function rssMb(pid: number): Promise<number> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8')
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0)
  return Math.round(kb / 1024)
}

async function exportEveryone(url: string, token: string, pid: number) {
  const before = await rssMb(pid)
  let peak = before
  let sampling = true
  const sampler = (async () => {
    while (sampling) {
      peak = Math.max(peak, await rssMb(pid))
      await new Promise((r) => setTimeout(r, 20))
    }
  })()
  const t0 = performance.now()
  const res = await fetch(`${url}/users/export`, { headers: { Authorization: `Bearer ${token}` } })
  if (!res.ok || !res.body) throw new Error(`export: ${res.status} ${await res.text()}`)
  let bytes = 0
  let lines = 0
  for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
    bytes += chunk.byteLength
    for (const byte of chunk) if (byte === 10) lines++
  }
  const ms = performance.now() - t0
  sampling = false
  await sampler
  return { ms: Math.round(ms), mb: Math.round(bytes / 1e5) / 10, rows: lines - 1, before, peak }
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number

async function timeRequests(url: string, token: string, n: number) {
  const samples: number[] = []
  for (let i = 0; i < n + 20; i++) {
    const t0 = performance.now()
    const res = await fetch(url, { headers: { Authorization: `Bearer ${token}` } })
    if (!res.ok) throw new Error(`${url}: ${res.status} ${await res.text()}`)
    await res.arrayBuffer()
    if (i >= 20) samples.push(performance.now() - t0)
  }
  samples.sort((a, b) => a - b)
  const round = (ms: number) => Math.round(ms * 100) / 100
  return { p50: round(percentile(samples, 0.5)), p99: round(percentile(samples, 0.99)) }
}

const entries: unknown[] = []
const kinds: Array<'pglite' | 'postgres'> = process.env.DATABASE_URL ? ['pglite', 'postgres'] : ['pglite']
for (const kind of kinds) {
  const server = await startServer(kind)
  try {
    const pid = server.child.pid as number
    const exported = await exportEveryone(server.url, server.token, pid)
    const growth = exported.peak - exported.before
    entries.push(
      {
        db: kind,
        name: `GET /users/export of ${USERS.toLocaleString('en-US')} people, wall time`,
        value: exported.ms,
        unit: 'ms',
        notes: `${exported.rows.toLocaleString('en-US')} rows, ${exported.mb} MB`,
      },
      {
        db: kind,
        name: 'GET /users/export, server memory growth during the export',
        value: growth,
        unit: 'MB',
        budget: BUDGETS.exportGrowthMb,
        pass: growth <= BUDGETS.exportGrowthMb,
        notes: `resident ${exported.before} MB before, peak ${exported.peak} MB (sampled every 20 ms)`,
      },
    )
    const audit = await timeRequests(`${server.url}/audit?limit=50`, server.token, SAMPLES)
    // The same sign-in and round trip without a list: what any request costs on this machine now.
    const baseline = await timeRequests(`${server.url}/me`, server.token, SAMPLES)
    const budget = BUDGETS.auditFirstP99[kind]
    entries.push({
      db: kind,
      name: `GET /audit first page (50) with ${EVENTS.toLocaleString('en-US')} events, p99`,
      value: audit.p99,
      unit: 'ms',
      budget,
      pass: audit.p99 <= budget,
      notes: `p50 ${audit.p50} ms; GET /me at the same time: p50 ${baseline.p50} ms, p99 ${baseline.p99} ms; ${SAMPLES} sequential requests after 20 warm-up`,
    })
  } finally {
    server.child.kill('SIGTERM')
  }
}

await writeFile(resolve(HERE, 'console-results.json'), `${JSON.stringify(entries, null, 2)}\n`)
for (const e of entries as Array<{ db: string; name: string; value: number; unit: string; pass?: boolean }>) {
  console.log(`${e.pass === false ? 'FAIL' : 'ok  '} [${e.db}] ${e.name}: ${e.value} ${e.unit}`)
}
if (entries.some((e) => (e as { pass?: boolean }).pass === false)) process.exitCode = 1
