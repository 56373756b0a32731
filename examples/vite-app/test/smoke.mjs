// Builds the Vite app for an Usher API on another origin, starts the host, and in Chromium: the
// table loads across origins (the API's cors allowlist answers the preflight), an invitation is
// sent, and no console error shows. The page uses Tailwind CSS v4; it is built twice, Usher's
// stylesheet before Tailwind's (/) and after it (/tailwind-first/), and in both Usher's buttons,
// inputs and checkboxes keep their look while a Tailwind class passed as className wins.
import { fileURLToPath } from 'node:url'
import { check, freePort, openBrowser, run, start } from '../../shared/smoke.mjs'

const cwd = fileURLToPath(new URL('..', import.meta.url))
const began = Date.now()
const [port, usherPort] = [await freePort(), await freePort()]
const env = { ...process.env, PORT: String(port), USHER_PORT: String(usherPort) }
const buildEnv = { ...env, VITE_USHER_URL: `http://127.0.0.1:${usherPort}` }
await run('npx', ['vite', 'build', '--logLevel', 'error'], { cwd, env: buildEnv })
// Inside dist/, after the main build (which empties it), so the host serves both.
await run(
  'npx',
  ['vite', 'build', '--logLevel', 'error', '--base', '/tailwind-first/', '--outDir', 'dist/tailwind-first'],
  { cwd, env: { ...buildEnv, HOST_PAGE: 'tailwind-first' } },
)
const url = `http://127.0.0.1:${port}`
const server = await start('npx', ['tsx', 'server.ts'], `${url}/api/usher-token`, { cwd, env })
const browser = await openBrowser()
try {
  const page = await browser.newPage()
  page.setDefaultTimeout(15_000)
  // What the page read from the API's origin: a browser blocks a cross-origin answer it may not read.
  const apiAnswers = []
  page.on('response', (r) => {
    if (r.url().startsWith(`http://127.0.0.1:${usherPort}/`)) apiAnswers.push(r.status())
  })
  await page.goto(url)
  const table = page.getByRole('table', { name: 'Users' })
  await table.getByText('camille.durand@atelier-durand.example').waitFor()

  const form = page.getByRole('form')
  await form.getByRole('textbox', { name: /^First name\s*,\s*row 1$/ }).fill('Inès')
  await form.getByRole('textbox', { name: /^Last name.*row 1$/ }).fill('Garnier')
  await form.getByRole('textbox', { name: /^Email\s*,\s*row 1$/ }).fill('ines.garnier@atelier-durand.example')
  await page.keyboard.press('Tab')
  await form.getByRole('button', { name: 'Send invitations' }).click()
  await page
    .getByRole('status')
    .filter({ hasText: /sent|invitation/i })
    .first()
    .waitFor()
  await table.getByRole('row').filter({ hasText: 'Inès Garnier' }).waitFor()

  await checkLook(page, 'Usher first')
  await page.goto(`${url}/tailwind-first/tailwind-first.html`)
  await page
    .getByRole('table', { name: 'Users' })
    .getByText('camille.durand@atelier-durand.example')
    .waitFor()
  await checkLook(page, 'Tailwind first')

  check(apiAnswers.length > 0, 'the page read nothing from the API origin')
  check(browser.errors.length === 0, `console errors:\n${browser.errors.join('\n')}`)
  console.log(`vite example: table and invitation across origins in ${Date.now() - began} ms`)
} finally {
  await browser.close()
  server.stop()
}

/** Usher's rules beat Tailwind's Preflight, and a Tailwind utility beats Usher's rule. */
async function checkLook(page, order) {
  const look = await page.evaluate(() => {
    const style = (selector) => {
      const element = document.querySelector(selector)
      if (!element) throw new Error(`${selector} is missing`)
      return getComputedStyle(element)
    }
    const checkbox = style('.usher-user-table-checkbox')
    return {
      primaryButton: style('.usher-button[data-variant="primary"]').backgroundColor,
      input: style('.usher-input').borderTopWidth,
      checkbox: `${checkbox.borderTopWidth} ${checkbox.borderTopLeftRadius}`,
      className: style('#host-export').borderTopLeftRadius,
    }
  })
  // Preflight makes buttons transparent and removes borders; `rounded-none` is the class passed.
  check(look.primaryButton !== 'rgba(0, 0, 0, 0)', `${order}: the primary button lost its colour`)
  check(look.input === '1px', `${order}: the input lost its border (${look.input})`)
  check(look.checkbox === '1px 4px', `${order}: the checkbox lost its look (${look.checkbox})`)
  check(look.className === '0px', `${order}: the className lost to Usher's rule (radius ${look.className})`)
}
