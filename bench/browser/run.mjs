/**
 * The browser bench (`pnpm bench` runs it; alone: `node bench/browser/run.mjs`): Debian's chromium,
 * headless, against the demo server (`apps/demo`, built if needed, database in memory), never
 * Storybook. It measures
 *   - the users page's first rows after navigation: cold (a fresh browser profile, the server's
 *     first page) and warm (the same page again, median of five), budgets 1 s and 300 ms;
 *   - a row's "Shared groups…" → the dialog painted, with its chunk preloaded by pointing at the
 *     row's "..." button (budget 100 ms), and the dialog's groups painted (reported).
 * Writes bench/raw/browser.json (entries as every bench writes them) and exits 1 over budget unless
 * `--no-fail`. Timings on a shared, loaded machine: the load average is written beside them.
 */
import { spawn } from 'node:child_process'
import { mkdir, writeFile } from 'node:fs/promises'
import { cpus, loadavg } from 'node:os'
import { join } from 'node:path'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs'
import { RAW_DIR, ROOT } from '../size/lib.mjs'

const noFail = process.argv.includes('--no-fail')
// The demo takes the next free port when this one is in use.
const PORT = '5393'
const ORGANIZATION = 'Northwind Support'
const OWNER = 'Eleanor Whitfield — Owner'

/** Starts the demo (in memory) and resolves with its URL once it listens. */
function startDemo() {
  const child = spawn('npx', ['tsx', 'server/main.ts', '--memory'], {
    cwd: join(ROOT, 'apps', 'demo'),
    env: { ...process.env, PORT, CI: '' },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: true,
  })
  return new Promise((resolve, reject) => {
    let out = ''
    const timer = setTimeout(() => reject(new Error(`the demo did not start in 300 s:\n${out}`)), 300_000)
    const onData = (data) => {
      out += data
      const url = /(http:\/\/(?:localhost|127\.0\.0\.1):\d+)/.exec(out)
      if (url) {
        clearTimeout(timer)
        resolve({ url: url[1], stop: () => process.kill(-child.pid, 'SIGTERM') })
      }
    }
    child.stdout.on('data', onData)
    child.stderr.on('data', (data) => {
      out += data
    })
    child.on('exit', (code) => reject(new Error(`the demo exited (${code}):\n${out}`)))
  })
}

/** Milliseconds from navigation start to the first user row painted (two animation frames after it appears). */
async function firstRows(page, url) {
  await page.goto(url, { waitUntil: 'commit' })
  return page.evaluate(
    () =>
      new Promise((resolve) => {
        const done = () =>
          requestAnimationFrame(() => requestAnimationFrame(() => resolve(Math.round(performance.now()))))
        const found = () => document.querySelector('[data-slot="user-table-row-actions-trigger"]')
        if (found()) return done()
        const observer = new MutationObserver(() => {
          if (!found()) return
          observer.disconnect()
          done()
        })
        observer.observe(document, { subtree: true, childList: true })
      }),
  )
}

const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]

const demo = await startDemo()
const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  args: [...CHROMIUM_ARGS, '--headless'],
})
const entries = []
const load = () => `load average ${loadavg()[0].toFixed(1)} on ${cpus().length} cores, shared with other work`
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  // Sign in as the owner (the demo's account switch), then measure from a fresh profile.
  await page.goto(`${demo.url}/settings/users`)
  await page.getByRole('combobox', { name: /Organi[sz]ation/ }).selectOption({ label: ORGANIZATION })
  await page.getByRole('combobox', { name: /Signed in as/ }).selectOption({ label: OWNER })
  await page.locator('[data-slot="user-table-row-actions-trigger"]').first().waitFor()
  const state = await context.storageState()
  await context.close()

  // Cold: a new profile (no HTTP cache) with the same sign-in.
  const cold = await browser.newContext({ viewport: { width: 1280, height: 900 }, storageState: state })
  const coldPage = await cold.newPage()
  const coldMs = await firstRows(coldPage, `${demo.url}/settings/users`)
  // Warm: the same page again, five times.
  const warm = []
  for (let i = 0; i < 5; i += 1) warm.push(await firstRows(coldPage, `${demo.url}/settings/users`))
  const rows = await coldPage.locator('[data-slot="user-table-row-actions-trigger"]').count()

  // Dialog: point at the first row's "..." (preloads the dialog's chunk), open the menu, then
  // time "Shared groups…" → dialog painted, and → its groups painted.
  // A technician's row: their shared groups are a list to edit (an owner's are all groups, read-only).
  const trigger = coldPage
    .locator('[role="row"]:has([data-role="technician"]) [data-slot="user-table-row-actions-trigger"]')
    .first()
  await trigger.hover()
  await coldPage.waitForLoadState('networkidle')
  await trigger.click()
  const item = coldPage.getByRole('menuitem', { name: 'Shared groups…' })
  await item.waitFor()
  await item.hover()
  const dialog = await coldPage.evaluate(
    () =>
      new Promise((resolve) => {
        const item = [...document.querySelectorAll('[role="menuitem"]')].find((el) =>
          el.textContent?.includes('Shared groups'),
        )
        const times = {}
        const start = performance.now()
        const painted = (key) =>
          requestAnimationFrame(() =>
            requestAnimationFrame(() => {
              times[key] = Math.round(performance.now() - start)
              if (times.dialog !== undefined && times.groups !== undefined) resolve(times)
            }),
          )
        const observer = new MutationObserver(() => {
          const open = document.querySelector('[role="dialog"]')
          if (open && times.dialog === undefined && !times.dialogSeen) {
            times.dialogSeen = true
            painted('dialog')
          }
          if (
            open?.querySelector('[role="list"], [role="tree"], [role="checkbox"], input[type="checkbox"]') &&
            !times.groupsSeen
          ) {
            times.groupsSeen = true
            observer.disconnect()
            painted('groups')
          }
        })
        observer.observe(document.body, { subtree: true, childList: true })
        setTimeout(
          () =>
            resolve({
              ...times,
              failed:
                document.querySelector('[role="dialog"]')?.outerHTML.slice(0, 300) ??
                `no dialog; item ${Boolean(item)}`,
            }),
          20_000,
        )
        item.click()
      }),
  )
  if (dialog.failed) throw new Error(`the dialog did not paint its groups in 20 s: ${dialog.failed}`)
  const notes = `demo server (seeded organization, ${rows} rows shown), chromium headless; ${load()}`
  entries.push(
    {
      package: 'browser',
      name: 'users page: first rows, cold (new profile, first load)',
      value: coldMs,
      unit: 'ms',
      budget: 1000,
      notes,
    },
    {
      package: 'browser',
      name: 'users page: first rows, warm (median of 5 reloads)',
      value: median(warm),
      unit: 'ms',
      budget: 300,
      notes: `${warm.join(', ')} ms; ${notes}`,
    },
    {
      package: 'browser',
      name: '"Shared groups…" → dialog painted (chunk preloaded)',
      value: dialog.dialog,
      unit: 'ms',
      budget: 100,
      notes,
    },
    {
      package: 'browser',
      name: '"Shared groups…" → its groups painted (with the data requests)',
      value: dialog.groups,
      unit: 'ms',
      budget: null,
      notes,
    },
  )
  await cold.close()
} finally {
  await browser.close()
  demo.stop()
}

for (const e of entries) e.pass = e.budget === null || e.value <= e.budget
await mkdir(RAW_DIR, { recursive: true })
await writeFile(join(RAW_DIR, 'browser.json'), `${JSON.stringify({ entries }, null, 2)}\n`)
for (const e of entries) {
  const result = e.budget === null ? '    ' : e.pass ? 'pass' : 'FAIL'
  console.log(
    `${result}  ${String(e.value).padStart(6)} ms / ${e.budget === null ? '   —' : String(e.budget).padStart(4)} ms  ${e.name}`,
  )
}
console.log(`(${entries[0]?.notes ?? ''})\nwrote bench/raw/browser.json`)
if (!noFail && entries.some((e) => !e.pass)) process.exit(1)
