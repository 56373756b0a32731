/**
 * @usher/react benchmarks (run `pnpm build` first; `pnpm bench` does): what the package costs an
 * app's browser bundle — the whole entry, and RoleBadge alone (it must not pull the table or the
 * forms) — each with its peer dependencies (React, ReactDOM, react-query) counted, and without
 * them (what Usher adds to an app that already ships React and react-query). Budgets: about 12%
 * above the measurement of 2026-11-23 (ADR 0003) after the joining and import components: whole
 * entry 552,711 / 169,804 B without peers, 610,339 / 185,008 with; RoleBadge 58,836 / 20,949
 * without, 72,217 / 25,221 with; the lazy password-strength chunk 2,337,798 / 1,136,283.
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
// The password-strength estimator and its dictionaries are loaded with import() on first use
// (an app's bundler puts them in a chunk of their own): left out of the entry's figures, measured
// as their own case below.
const LAZY = [
  '@zxcvbn-ts/core',
  '@zxcvbn-ts/language-common',
  '@zxcvbn-ts/language-en',
  '@zxcvbn-ts/language-fr',
]

const CASES = [
  {
    what: 'password-strength chunk (zxcvbn-ts + en/fr dictionaries, loaded on first use)',
    entry: `export * from '@zxcvbn-ts/core'; export * as common from '@zxcvbn-ts/language-common'; export * as en from '@zxcvbn-ts/language-en'; export * as fr from '@zxcvbn-ts/language-fr'`,
    external: [],
    budgets: { min: 2_600_000, gzip: 1_270_000 },
  },
  {
    what: 'whole entry, peers excluded',
    entry: `import * as all from '${PACKAGE}'; export default all`,
    external: [...PEERS, ...LAZY],
    budgets: { min: 620_000, gzip: 190_000 },
  },
  {
    what: 'whole entry, with React + react-query',
    entry: `import * as all from '${PACKAGE}'; export default all`,
    external: LAZY,
    budgets: { min: 685_000, gzip: 207_000 },
  },
  {
    what: '{ RoleBadge }, peers excluded',
    entry: `export { RoleBadge } from '${PACKAGE}'`,
    external: [...PEERS, ...LAZY],
    budgets: { min: 67_000, gzip: 24_000 },
  },
  {
    what: '{ RoleBadge }, with React + react-query',
    entry: `export { RoleBadge } from '${PACKAGE}'`,
    external: LAZY,
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

// The same table in a real browser: headless chromium on the static Storybook build
// (bench/browser.mjs writes the figures). Budgets are tripwires: Web Vitals' "good" INP (200 ms),
// a p95 frame within 3 frames at 60 Hz, first rows (Storybook boot included) well above the first
// runs (2 cores: ~1.4 s first rows, 19 rows, frames p50/p95 16.7/16.8 ms, click to paint ~32 ms).
execFileSync('node', ['bench/browser.mjs'], { cwd: PACKAGE_DIR, stdio: 'inherit' })
const browser = JSON.parse(readFileSync(resolve(PACKAGE_DIR, 'bench/browser.json'), 'utf8'))
const inChromium = `median of ${browser.runs} page loads in headless chromium (Storybook, MSW)`
jsdom(
  'UserTable 10,000 users in chromium: time to the first rows',
  browser.firstRowsMs,
  'ms',
  4_000,
  `${inChromium}; from navigation, Storybook boot included`,
)
jsdom(
  'UserTable 10,000 users in chromium: rows in the DOM',
  browser.domRows,
  'rows',
  60,
  'virtualized window',
)
jsdom(
  'UserTable 10,000 users in chromium: frame time while scrolling, p50',
  browser.scrollFrameP50Ms,
  'ms',
  null,
  `${inChromium}; mouse wheel, 60 steps`,
)
jsdom(
  'UserTable 10,000 users in chromium: frame time while scrolling, p95',
  browser.scrollFrameP95Ms,
  'ms',
  50,
  `${inChromium}; mouse wheel, 60 steps`,
)
jsdom(
  'UserTable 10,000 users in chromium: longest frame while scrolling',
  browser.scrollFrameMaxMs,
  'ms',
  null,
  inChromium,
)
jsdom(
  'UserTable 10,000 users in chromium: click on a row checkbox to next paint',
  browser.clickToPaintMs,
  'ms',
  200,
  `median of ${browser.clicks} clicks; INP-style`,
)

await writeResults(PACKAGE_DIR, entries)
