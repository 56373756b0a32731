// Adds up the vitest JSON reports of every package into one closing line ("N passed, N failed"),
// so a reader of CI's log sees the whole count at the end, and fails if any report is missing.
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
    const report = join(pkg, 'test-results', 'vitest.json')
    if (!existsSync(report)) {
      missing.push(`${dir}/${name}`)
      continue
    }
    const json = JSON.parse(readFileSync(report, 'utf8'))
    passed += json.numPassedTests
    failed += json.numFailedTests
    skipped += json.numPendingTests + json.numTodoTests
    console.log(`${dir}/${name}: ${json.numPassedTests} passed, ${json.numFailedTests} failed`)
  }
}
if (missing.length) {
  console.error(`No test report for: ${missing.join(', ')}`)
  process.exitCode = 1
}
if (passed === 0) process.exitCode = 1
console.log(`Total: ${passed} passed, ${failed} failed, ${skipped} skipped`)
if (failed > 0) process.exitCode = 1
