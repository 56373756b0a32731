/**
 * UserTable with 10,000 users in a real browser: Debian's headless chromium (installed by
 * scripts/ensure-chromium.mjs when missing) driven by playwright-core, on the static Storybook
 * build (the "Ten Thousand Rows" story: MSW serves the 10,000 fixtures from memory, 200 a page).
 * Figures, median of RUNS page loads:
 * - time to the first rows: from navigation to the first table row in the DOM (includes
 *   Storybook's boot and the MSW worker's start, both small next to the data);
 * - rows in the DOM once shown (virtualized window);
 * - frame times while scrolling with the mouse wheel (p50, p95, max of requestAnimationFrame
 *   deltas, 60 wheel steps);
 * - click to next paint on a row's checkbox (an INP-style figure): from the click event's
 *   timestamp to the frame after it (requestAnimationFrame, then a task), median of 5 clicks.
 * Writes bench/browser.json; run.mjs adds the figures to bench/results.json.
 */
import { execFileSync } from 'node:child_process'
import { createReadStream, existsSync, writeFileSync } from 'node:fs'
import { createServer } from 'node:http'
import { extname, join, normalize, resolve } from 'node:path'
import { fileURLToPath } from 'node:url'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs'

const PACKAGE_DIR = resolve(fileURLToPath(new URL('..', import.meta.url)))
const ROOT = resolve(PACKAGE_DIR, '../..')
const STATIC = join(ROOT, 'storybook-static')
const STORY = 'components-usertable--ten-thousand-rows'
const RUNS = 3

execFileSync('node', [join(ROOT, 'scripts/ensure-chromium.mjs')], { stdio: 'inherit' })
// A fresh static build: the figures are for the code as it is now.
execFileSync('pnpm', ['exec', 'storybook', 'build', '-o', STATIC, '--quiet'], { cwd: ROOT, stdio: 'inherit' })

const TYPES = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.woff2': 'font/woff2',
}
const server = createServer((request, response) => {
  const path = normalize(decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname))
  const file = join(STATIC, path === '/' ? 'index.html' : path)
  if (!file.startsWith(STATIC) || !existsSync(file)) {
    response.writeHead(404).end()
    return
  }
  response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' })
  createReadStream(file).pipe(response)
})
await new Promise((done) => server.listen(0, '127.0.0.1', done))
const { port } = server.address()

const browser = await chromium.launch({
  executablePath: CHROMIUM_PATH,
  headless: true,
  args: [...CHROMIUM_ARGS],
})

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.floor(sorted.length / 2)]
}
const percentile = (values, p) => {
  const sorted = [...values].sort((a, b) => a - b)
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))]
}
const round = (n) => Math.round(n * 10) / 10

async function measureOnce() {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  await page.goto(`http://127.0.0.1:${port}/iframe.html?id=${STORY}&viewMode=story`)
  const row = '[data-slot="user-table-row"]'
  await page.waitForSelector(row, { timeout: 60_000 })
  const firstRowsMs = await page.evaluate(() => performance.now())
  // Let the first page settle before counting.
  await page.waitForTimeout(500)
  const domRows = await page.locator(row).count()

  // Frame times while scrolling: the wheel over the table, a step a frame or so.
  const table = page.locator('[data-slot="user-table-grid"]')
  const box = await table.boundingBox()
  if (!box) throw new Error('the table has no box')
  await page.mouse.move(box.x + box.width / 2, box.y + Math.min(box.height / 2, 300))
  await page.evaluate(() => {
    window.__frames = []
    let last = performance.now()
    const tick = (now) => {
      window.__frames.push(now - last)
      last = now
      if (!window.__stopFrames) requestAnimationFrame(tick)
    }
    requestAnimationFrame(tick)
  })
  for (let i = 0; i < 60; i++) {
    await page.mouse.wheel(0, 240)
    await page.waitForTimeout(16)
  }
  const frames = await page.evaluate(() => {
    window.__stopFrames = true
    return window.__frames.slice(1)
  })
  // How far the wheel moved the rows: a figure that says the frames above were scrolling frames.
  const scrolledPx = await table.evaluate((grid) => grid.scrollTop)

  // Click to next paint on row checkboxes.
  await page.evaluate(() => {
    window.__clicks = []
    document.addEventListener(
      'click',
      (event) => {
        const start = event.timeStamp
        requestAnimationFrame(() => setTimeout(() => window.__clicks.push(performance.now() - start)))
      },
      { capture: true },
    )
  })
  const boxes = page.locator(`${row} [data-column="select"] button, ${row} [data-column="select"] input`)
  const clicks = Math.min(5, await boxes.count())
  for (let i = 0; i < clicks; i++) {
    await boxes.nth(i).click()
    await page.waitForTimeout(100)
  }
  const clickToPaint = await page.evaluate(() => window.__clicks)
  await context.close()
  return { firstRowsMs, domRows, frames, clickToPaint, scrolledPx }
}

try {
  const runs = []
  for (let i = 0; i < RUNS; i++) runs.push(await measureOnce())
  const frames = runs.flatMap((r) => r.frames)
  const result = {
    runs: RUNS,
    firstRowsMs: round(median(runs.map((r) => r.firstRowsMs))),
    domRows: median(runs.map((r) => r.domRows)),
    scrollFrameP50Ms: round(percentile(frames, 50)),
    scrollFrameP95Ms: round(percentile(frames, 95)),
    scrollFrameMaxMs: round(Math.max(...frames)),
    clickToPaintMs: round(median(runs.flatMap((r) => r.clickToPaint))),
    clicks: runs.reduce((n, r) => n + r.clickToPaint.length, 0),
    scrolledPx: median(runs.map((r) => r.scrolledPx)),
  }
  writeFileSync(join(PACKAGE_DIR, 'bench/browser.json'), `${JSON.stringify(result, null, 2)}\n`)
  console.log('UserTable 10,000 users in chromium:', result)
} finally {
  await browser.close()
  server.close()
}
