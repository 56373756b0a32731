/**
 * @usher/react benchmarks (run `pnpm build` first; `pnpm bench` does): what the package costs an
 * app's browser bundle — the whole entry, and RoleBadge alone (it must not pull the table or the
 * forms) — each with its peer dependencies (React, ReactDOM, react-query) counted, and without
 * them (what Usher adds to an app that already ships React and react-query). Budgets: about 12%
 * above the first measurement, 2026-11-23 (ADR 0003): whole entry 463,027 / 142,451 B without
 * peers, 519,447 / 157,765 with; RoleBadge 58,836 / 20,949 without, 72,217 / 25,221 with.
 * Writes bench/results.json.
 */
import { execFileSync } from 'node:child_process'
import { readFileSync } from 'node:fs'
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleSize, sizeEntries, writeResults } from '../../../scripts/bench/bundle-size.mjs'

const PACKAGE = '@usher/react'
const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..')
const PEERS = ['react', 'react-dom', 'react/jsx-runtime', 'react-dom/client', '@tanstack/react-query']

const CASES = [
  {
    what: 'whole entry, peers excluded',
    entry: `import * as all from '${PACKAGE}'; export default all`,
    external: PEERS,
    budgets: { min: 520_000, gzip: 160_000 },
  },
  {
    what: 'whole entry, with React + react-query',
    entry: `import * as all from '${PACKAGE}'; export default all`,
    external: [],
    budgets: { min: 580_000, gzip: 177_000 },
  },
  {
    what: '{ RoleBadge }, peers excluded',
    entry: `export { RoleBadge } from '${PACKAGE}'`,
    external: PEERS,
    budgets: { min: 67_000, gzip: 24_000 },
  },
  {
    what: '{ RoleBadge }, with React + react-query',
    entry: `export { RoleBadge } from '${PACKAGE}'`,
    external: [],
    budgets: { min: 82_000, gzip: 29_000 },
  },
]

/** jsdom timings: loose tripwires (wall clock on a shared machine), set after the first runs. */
// First runs (2 cores, loaded machine): first rows ~210 ms, all 10 pages ~3.5 s, jump ~240 ms.
const TABLE_BUDGETS = { firstRowsMs: 600, loadAllMs: 9_000, jumpMs: 700, domRows: 60 }

const entries = []
for (const [index, c] of CASES.entries()) {
  const size = await bundleSize({
    entry: c.entry,
    packageDir: PACKAGE_DIR,
    label: `react-${index}`,
    external: c.external,
  })
  const rows = sizeEntries(PACKAGE, c.what, size, c.budgets)
  entries.push(...rows)
}
// UserTable with 10,000 loaded rows, in jsdom (bench/user-table.bench.test.tsx writes the figures).
execFileSync('pnpm', ['exec', 'vitest', 'run', '--config', 'bench/vitest.config.ts'], {
  cwd: PACKAGE_DIR,
  stdio: 'inherit',
})
const table = JSON.parse(readFileSync(resolve(PACKAGE_DIR, 'bench/user-table.json'), 'utf8'))
const jsdom = (name, value, unit, budget, notes) =>
  entries.push({
    package: PACKAGE,
    name,
    value,
    unit,
    budget,
    pass: budget === null || value <= budget,
    notes,
  })
const runs = `median of ${table.runs} runs in jsdom (React and DOM work; no layout or paint)`
jsdom(
  'UserTable 10,000 users: time to the first rows',
  table.firstRowsMs,
  'ms',
  TABLE_BUDGETS.firstRowsMs,
  runs,
)
jsdom(
  'UserTable 10,000 users: page through all by scrolling (10 pages)',
  table.loadAllMs,
  'ms',
  TABLE_BUDGETS.loadAllMs,
  runs,
)
jsdom(
  'UserTable 10,000 users: rows shown after a jump to the middle',
  table.jumpMs,
  'ms',
  TABLE_BUDGETS.jumpMs,
  runs,
)
jsdom(
  'UserTable 10,000 loaded users: rows in the DOM',
  table.domRows,
  'rows',
  TABLE_BUDGETS.domRows,
  'virtualized window',
)

await writeResults(PACKAGE_DIR, entries)
