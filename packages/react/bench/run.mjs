/**
 * @usher/react benchmarks (run `pnpm build` first; `pnpm bench` does): what the package costs an
 * app's browser bundle — the whole entry, and RoleBadge alone (it must not pull the table or the
 * forms) — each with its peer dependencies (React, ReactDOM, react-query) counted, and without
 * them (what Usher adds to an app that already ships React and react-query). Budgets: about 15%
 * above the first measurement (ADR 0003). Writes bench/results.json.
 */
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
    budgets: { min: null, gzip: null },
  },
  {
    what: 'whole entry, with React + react-query',
    entry: `import * as all from '${PACKAGE}'; export default all`,
    external: [],
    budgets: { min: null, gzip: null },
  },
  {
    what: '{ RoleBadge }, peers excluded',
    entry: `export { RoleBadge } from '${PACKAGE}'`,
    external: PEERS,
    budgets: { min: null, gzip: null },
  },
  {
    what: '{ RoleBadge }, with React + react-query',
    entry: `export { RoleBadge } from '${PACKAGE}'`,
    external: [],
    budgets: { min: null, gzip: null },
  },
]

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
await writeResults(PACKAGE_DIR, entries)
