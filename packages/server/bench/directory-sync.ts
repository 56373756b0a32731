/**
 * Directory sync at scale (`pnpm --filter @usher/server bench:directory-sync`; PostgreSQL through
 * scripts/with-postgres.mjs, or `--db=pglite`):
 *
 * - 10,000 people pushed one request at a time, as Entra ID's provisioning service does
 *   (`POST /scim/v2/Users`, sequential, each awaited): total time and requests per second;
 * - the organization then filled to 100,000 people (90,000 more written straight into the
 *   database, half of them known to the directory by a userName that is not their address), and
 *   `GET /Users?filter=userName eq "…"` — how both directories look a person up before writing —
 *   p50 / p99 over sequential lookups of random people (hits, a tenth of misses).
 *
 * The server runs in a child process (bench/directory-sync-server.ts) so the client does not share
 * its event loop; requests go over loopback HTTP. Results: test-results/bench-directory-sync-<db>.json.
 */
import { type ChildProcess, spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { dirname, resolve } from 'node:path'
import { createInterface } from 'node:readline'
import { fileURLToPath } from 'node:url'

const HERE = dirname(fileURLToPath(import.meta.url))
const PUSHES = Number(process.env.BENCH_PUSHES ?? 10_000)
const TOTAL = Number(process.env.BENCH_USERS ?? 100_000)
const LOOKUPS = Number(process.env.BENCH_SAMPLES ?? 500)
const kind =
  process.argv.find((a) => a.startsWith('--db='))?.slice(5) ??
  (process.env.DATABASE_URL ? 'postgres' : 'pglite')

interface Info {
  url: string
  secret: string
}

async function startServer(): Promise<{ child: ChildProcess; info: Info; lines: AsyncIterator<string> }> {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', resolve(HERE, 'directory-sync-server.ts'), `--db=${kind}`],
    {
      stdio: ['pipe', 'pipe', 'inherit'],
      env: process.env,
    },
  )
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream })[Symbol.asyncIterator]()
  const next = await lines.next()
  if (next.done) throw new Error('the bench server ended before it was ready')
  return { child, info: JSON.parse(next.value) as Info, lines }
}

/** Asks the server process to do something (fill the organization) and waits for its answer. */
async function command(child: ChildProcess, lines: AsyncIterator<string>, line: string): Promise<unknown> {
  child.stdin?.write(`${line}\n`)
  const next = await lines.next()
  if (next.done) throw new Error('the bench server ended')
  return JSON.parse(next.value)
}

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil(p * sorted.length) - 1))] as number

const { child, info, lines } = await startServer()
try {
  const headers = {
    Authorization: `Bearer ${info.secret}`,
    'Content-Type': 'application/scim+json',
    Accept: 'application/scim+json',
  }
  const started = performance.now()
  for (let i = 0; i < PUSHES; i++) {
    const userName = `pushed.${i}@contoso.example`
    const response = await fetch(`${info.url}/scim/v2/Users`, {
      method: 'POST',
      headers,
      body: JSON.stringify({
        schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
        userName,
        externalId: `entra-${i}`,
        name: { givenName: 'Pushed', familyName: `Person ${i}` },
        emails: [{ type: 'work', value: userName, primary: true }],
        title: 'Technician',
        active: true,
      }),
    })
    if (response.status !== 201) throw new Error(`push ${i}: ${response.status} ${await response.text()}`)
    await response.arrayBuffer()
  }
  const pushMs = performance.now() - started
  const pushRate = PUSHES / (pushMs / 1000)

  const filled = (await command(child, lines, `fill ${TOTAL - PUSHES}`)) as {
    seconds: number
    userNames: string[]
  }
  const samples: number[] = []
  let found = 0
  for (let i = 0; i < LOOKUPS + 50; i++) {
    const miss = i % 10 === 9
    const userName = miss
      ? `nobody.${i}@contoso.example`
      : (filled.userNames[Math.floor(Math.random() * filled.userNames.length)] as string)
    const url = `${info.url}/scim/v2/Users?filter=${encodeURIComponent(`userName eq "${userName}"`)}`
    const t0 = performance.now()
    const response = await fetch(url, { headers })
    const body = (await response.json()) as { totalResults: number }
    const ms = performance.now() - t0
    if (response.status !== 200) throw new Error(`lookup: ${response.status}`)
    if (i < 50) continue // the first 50 warm the caches and plans up
    samples.push(ms)
    if (!miss && body.totalResults === 1) found++
  }
  samples.sort((a, b) => a - b)
  const results = {
    db: kind,
    pushes: PUSHES,
    pushSeconds: Math.round(pushMs / 100) / 10,
    pushPerSecond: Math.round(pushRate),
    people: TOTAL,
    fillSeconds: Math.round(filled.seconds),
    lookups: LOOKUPS,
    lookupHits: found,
    lookupP50: Math.round(percentile(samples, 0.5) * 10) / 10,
    lookupP99: Math.round(percentile(samples, 0.99) * 10) / 10,
  }
  await mkdir(resolve(HERE, '../test-results'), { recursive: true })
  await writeFile(
    resolve(HERE, `../test-results/bench-directory-sync-${kind}.json`),
    `${JSON.stringify(results, null, 2)}\n`,
  )
  console.log(JSON.stringify(results))
} finally {
  child.kill('SIGTERM')
}
