// Adds up the vitest JSON reports of every package (test-results/vitest*.json: one per run) into
// one closing line ("N passed, N failed"), so a reader of CI's log sees the whole count at the end,
// and fails if any report is missing.
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

const root = fileURLToPath(new URL('..', import.meta.url))
let passed = 0
let failed = 0
let skipped = 0
const missing = []
for (const dir of ['packages', 'apps']) {
  if (!existsSync(join(root, dir))) continue
  for (const name of readdirSync(join(root, dir))) {
    const pkg = join(root, dir, name)
    const manifest = join(pkg, 'package.json')
    if (!existsSync(manifest)) continue
    if (!JSON.parse(readFileSync(manifest, 'utf8')).scripts?.test) continue
    // One report per run: `vitest.json`, plus e.g. `vitest-postgres.json` when a package runs its
    // suite a second time on another database.
    const resultsDir = join(pkg, 'test-results')
    const reports = existsSync(resultsDir)
      ? readdirSync(resultsDir)
          .filter((file) => /^vitest.*\.json$/.test(file))
          // The main run first, then the others by name.
          .sort((a, b) => (a === 'vitest.json' ? -1 : b === 'vitest.json' ? 1 : a.localeCompare(b)))
      : []
    if (reports.length === 0) {
      missing.push(`${dir}/${name}`)
      continue
    }
    for (const file of reports) {
      const json = JSON.parse(readFileSync(join(resultsDir, file), 'utf8'))
      passed += json.numPassedTests
      failed += json.numFailedTests
      skipped += json.numPendingTests + json.numTodoTests
      const label = file === 'vitest.json' ? '' : ` (${file.replace(/^vitest-?|\.json$/g, '')})`
      console.log(`${dir}/${name}${label}: ${json.numPassedTests} passed, ${json.numFailedTests} failed`)
    }
  }
}
// The stories of @usher/react in Chromium (root `test:storybook`, vitest.storybook.config.mts).
const storybook = join(root, 'test-results', 'vitest-storybook.json')
if (existsSync(storybook)) {
  const json = JSON.parse(readFileSync(storybook, 'utf8'))
  passed += json.numPassedTests
  failed += json.numFailedTests
  skipped += json.numPendingTests + json.numTodoTests
  console.log(`storybook (chromium): ${json.numPassedTests} passed, ${json.numFailedTests} failed`)
} else {
  missing.push('storybook (test-results/vitest-storybook.json)')
}
if (missing.length) {
  console.error(`No test report for: ${missing.join(', ')}`)
  process.exitCode = 1
}
if (passed === 0) process.exitCode = 1
console.log(`Total: ${passed} passed, ${failed} failed, ${skipped} skipped`)
if (failed > 0) process.exitCode = 1
