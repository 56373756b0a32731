/**
 * The size bench (`pnpm bench` runs it after the build; alone: `pnpm size`): the initial JS, gzip,
 * of what hosts import from @usher/react against the budgets, each lazily loaded chunk, where the
 * users page's bytes go (per dependency, and what leaving each out would save), and the peers'
 * user-management UIs measured the same way (`--no-peers` skips them).
 *
 * Prints the tables and writes bench/raw/size.json, which scripts/bench-report.mjs folds into
 * bench/results.md. Exits 1 when a figure is over budget, unless `--no-fail` (`pnpm bench` passes
 * it: the report that follows fails the run, after writing the results).
 * Method and budgets: docs/decisions/0017-bundle-size.md.
 */
import { mkdir, writeFile } from 'node:fs/promises'
import { join } from 'node:path'
import { kB, RAW_DIR } from './lib.mjs'
import { installPeers, measurePeers, PEERS_DIR } from './peers.mjs'
import { attribute, CASES, GROUPS, LAZY_CHUNK_BUDGET, measureCase } from './usher-cases.mjs'

const args = new Set(process.argv.slice(2))
const PACKAGE = 'bundle size'

const entries = []
const usher = {}
for (const testCase of CASES) {
  const m = await measureCase(testCase)
  usher[testCase.id] = m
  entries.push({
    package: PACKAGE,
    name: `${testCase.what}: initial JS (gzip)`,
    value: m.initial.gzip,
    unit: 'B',
    budget: testCase.budget,
    pass: testCase.budget === null || m.initial.gzip <= testCase.budget,
    notes: `${m.initial.files} file(s), ${kB(m.initial.min)} minified; Rolldown, code-split, React/ReactDOM/react-query external`,
  })
  // Each lazily loaded part (a dialog, a menu) against its budget: what its first open fetches.
  // Third-party parts loaded on use (password dictionaries, file parsers) are shown, not budgeted.
  for (const part of m.lazyEntries) {
    entries.push({
      package: PACKAGE,
      name: `${testCase.what}: on first use, ${part.name} (gzip)`,
      value: part.gzip,
      unit: 'B',
      budget: part.usher ? LAZY_CHUNK_BUDGET : null,
      pass: !part.usher || part.gzip <= LAZY_CHUNK_BUDGET,
      notes: `${part.files} file(s), ${kB(part.min)} minified, fetched on first use`,
    })
  }
}

// Where the users page's bytes go: each group's share (its minified bytes' share of each file's
// gzip, an estimate), and the real saving of leaving it out (the page rebuilt with it external).
const page = usher['users-page']
const pageCase = CASES.find((c) => c.id === 'users-page')
const attribution = []
for (const row of attribute(page.byPackage)) {
  const group = GROUPS.find((g) => g.name === row.group.name)
  let withoutGzip = null
  if (group?.external) {
    const without = await measureCase(pageCase, group.external, null)
    withoutGzip = page.initial.gzip - without.initial.gzip
  }
  attribution.push({ group: row.group.name, min: row.min, gzip: Math.round(row.gzip), saving: withoutGzip })
}

let peers = []
let peersSkipped = null
if (args.has('--no-peers')) {
  peersSkipped = 'skipped (--no-peers)'
} else {
  try {
    await installPeers()
    peers = await measurePeers()
  } catch (error) {
    peersSkipped = `skipped: could not install or measure the peers in ${PEERS_DIR} (registry unreachable?): ${String(error.message ?? error).split('\n')[0]}`
  }
}

// Printed report.
const pad = (text, n) => String(text).padEnd(n)
const lpad = (text, n) => String(text).padStart(n)
console.log(
  '\nUsher, initial JS (gzip) — Rolldown (as Vite builds), minified, code-split, React/ReactDOM/react-query external\n',
)
for (const e of entries) {
  const result = e.pass ? 'pass' : 'FAIL'
  const result2 = e.budget === null ? '     ' : result
  const budget = e.budget === null ? 'no budget' : kB(e.budget)
  console.log(`${pad(result2, 5)} ${lpad(kB(e.value), 9)} / ${lpad(budget, 9)}  ${e.name}`)
}
const noLazy = CASES.filter((c) => usher[c.id].lazy.length === 0).map((c) => c.id)
if (noLazy.length > 0) console.log(`(no lazily loaded chunk in: ${noLazy.join(', ')})`)

console.log(`\nWhere the users page's ${kB(page.initial.gzip)} go (gzip share estimated; saving measured)\n`)
console.log(`${pad('group', 40)} ${lpad('min', 9)} ${lpad('gzip', 9)} ${lpad('if left out', 12)}`)
for (const a of attribution) {
  const saving = a.saving === null ? '—' : `−${kB(a.saving)}`
  console.log(`${pad(a.group, 40)} ${lpad(kB(a.min), 9)} ${lpad(kB(a.gzip), 9)} ${lpad(saving, 12)}`)
}

console.log('\nSide by side (initial JS, gzip)\n')
if (peersSkipped) console.log(peersSkipped)
const pageGzip = page.initial.gzip
for (const p of peers) {
  const ratio = (p.initial.gzip / pageGzip).toFixed(2)
  console.log(`${lpad(kB(p.initial.gzip), 9)}  ×${ratio} of Usher's users page  ${p.what}`)
}

await mkdir(RAW_DIR, { recursive: true })
await writeFile(
  join(RAW_DIR, 'size.json'),
  `${JSON.stringify({ entries, attribution, usersPage: page.initial, peers, peersSkipped }, null, 2)}\n`,
)
console.log(`\nwrote ${join('bench', 'raw', 'size.json')}`)
if (!args.has('--no-fail') && entries.some((e) => !e.pass)) process.exit(1)
