/**
 * The size check CI runs (root `pnpm size:check`, in `test:all` after the build): measures what
 * hosts import from @usher/react (usher-cases.mjs, as the size bench does) and fails when any
 * figure — an entry's initial JS or its lazily loaded chunks, gzip — is more than 5 % over the
 * figure recorded in recorded.json, or is not recorded at all.
 *
 * After a change that is meant to move the sizes (for the better, or a growth that was weighed):
 * `pnpm size:record` (this script with `--record`) rewrites recorded.json; commit it with the change.
 * Needs the packages built (`pnpm build`).
 */
import { readFile, writeFile } from 'node:fs/promises'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { kB } from './lib.mjs'
import { CASES, measureCase } from './usher-cases.mjs'

const RECORDED = join(dirname(fileURLToPath(import.meta.url)), 'recorded.json')
const TOLERANCE = 0.05
const record = process.argv.includes('--record')

const started = Date.now()
// One at a time: Rolldown uses every core for each build already.
const figures = {}
for (const testCase of CASES) {
  const m = await measureCase(testCase, [], null)
  figures[`${testCase.id}: initial`] = m.initial.gzip
  figures[`${testCase.id}: lazy chunks`] = m.lazy.reduce((sum, chunk) => sum + chunk.gzip, 0)
}

if (record) {
  const data = {
    $comment:
      'Gzip bytes of the initial JS and of the lazily loaded chunks of each entry (bench/size/usher-cases.mjs). ' +
      'The size check fails above +5 %. Re-record with `pnpm size:record` after a deliberate change.',
    figures,
  }
  await writeFile(RECORDED, `${JSON.stringify(data, null, 2)}\n`)
  console.log(`recorded ${Object.keys(figures).length} figures in bench/size/recorded.json`)
  for (const [name, value] of Object.entries(figures)) console.log(`  ${name}: ${kB(value)}`)
  process.exit(0)
}

const recorded = JSON.parse(await readFile(RECORDED, 'utf8')).figures
const failures = []
for (const [name, value] of Object.entries(figures)) {
  const before = recorded[name]
  if (typeof before !== 'number') {
    failures.push(`${name}: ${kB(value)}, not recorded`)
    continue
  }
  const limit = Math.floor(before * (1 + TOLERANCE))
  const change = before === 0 ? (value === 0 ? 0 : Infinity) : (value - before) / before
  const line = `${name}: ${kB(value)} (recorded ${kB(before)}, ${change >= 0 ? '+' : ''}${(change * 100).toFixed(1)} %)`
  if (value > limit) failures.push(line)
  else console.log(`ok    ${line}`)
}
const seconds = ((Date.now() - started) / 1000).toFixed(1)
if (failures.length > 0) {
  for (const line of failures) console.error(`GREW  ${line}`)
  console.error(
    `\n${failures.length} size figure(s) more than 5 % over bench/size/recorded.json (${seconds} s). ` +
      'If the growth is meant, re-record with `pnpm size:record` and commit bench/size/recorded.json; ' +
      'see docs/decisions/0017-bundle-size.md.',
  )
  process.exit(1)
}
console.log(`size check: ${Object.keys(figures).length} figures within 5 % of the record (${seconds} s)`)
