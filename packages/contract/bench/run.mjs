/**
 * Bundle size of @usher/contract in a browser app: the whole package and the imports apps
 * typically make. Each snippet is bundled from the built dist (run `pnpm build` first; `pnpm bench`
 * does) with zod included; see scripts/bench/bundle-size.mjs and
 * docs/decisions/0003-benchmark-budgets.md. Writes bench/results.json.
 */
import { dirname, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { bundleSize, sizeEntries, writeResults } from '../../../scripts/bench/bundle-size.mjs'

const PACKAGE = '@usher/contract'
const PACKAGE_DIR = resolve(dirname(fileURLToPath(import.meta.url)), '..')

/**
 * Budgets in bytes (minified, min+gzip), ADR 0003: about 15% above the figure measured on
 * 2026-11-23 (sizes do not vary between runs), 20% for the few-hundred-byte rules import.
 * Measured then: whole 493,588 / 104,249; CreateInvitationsSchema 468,525 / 97,630;
 * rules 785 / 464; endpoints 485,398 / 101,277.
 */
const CASES = [
  {
    what: 'whole package',
    entry: `import * as all from '${PACKAGE}'; export default all`,
    budgets: { min: 165_000, gzip: 48_000 },
  },
  {
    what: '{ CreateInvitationsSchema }',
    entry: `export { CreateInvitationsSchema } from '${PACKAGE}'`,
    budgets: { min: 128_000, gzip: 38_000 },
  },
  {
    what: "{ normalizeEmail, isRefusedMailbox, DEFAULT_REFUSED_MAILBOXES } from '/rules'",
    entry: `export { normalizeEmail, isRefusedMailbox, DEFAULT_REFUSED_MAILBOXES } from '${PACKAGE}/rules'`,
    // The /rules entry (a chunk shared with the main entry) costs ~200 B more than the old in-folder figure.
    budgets: { min: 1_350, gzip: 720 },
    // The rules are plain functions: this shows whether tree-shaking keeps zod out of a bundle
    // that only needs them.
    checkZod: true,
  },
  {
    what: '{ endpoints }',
    entry: `export { endpoints } from '${PACKAGE}'`,
    budgets: { min: 155_000, gzip: 44_000 },
  },
]

const entries = []
for (const [index, c] of CASES.entries()) {
  const size = await bundleSize({ entry: c.entry, packageDir: PACKAGE_DIR, label: `contract-${index}` })
  const rows = sizeEntries(PACKAGE, c.what, size, c.budgets)
  if (c.checkZod) {
    const zod = size.byPackage.zod ?? 0
    const verdict =
      zod === 0 ? 'zod tree-shaken out entirely' : `zod NOT tree-shaken out: ${zod} B of zod kept`
    for (const row of rows) row.notes = `${verdict}; ${row.notes}`
  }
  entries.push(...rows)
}

await writeResults(PACKAGE_DIR, entries)
