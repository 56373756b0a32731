// Builds the Vite app for an Usher API on another origin, starts the host, and in Chromium: the
// table loads across origins (the API's cors allowlist answers the preflight), an invitation is
// sent, and no console error shows.
import { fileURLToPath } from 'node:url'
import { check, freePort, openBrowser, run, start } from '../../shared/smoke.mjs'

const cwd = fileURLToPath(new URL('..', import.meta.url))
const began = Date.now()
const [port, usherPort] = [await freePort(), await freePort()]
const env = { ...process.env, PORT: String(port), USHER_PORT: String(usherPort) }
await run('npx', ['vite', 'build', '--logLevel', 'error'], {
  cwd,
  env: { ...env, VITE_USHER_URL: `http://127.0.0.1:${usherPort}` },
})
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

  check(apiAnswers.length > 0, 'the page read nothing from the API origin')
  check(browser.errors.length === 0, `console errors:\n${browser.errors.join('\n')}`)
  console.log(`vite example: table and invitation across origins in ${Date.now() - began} ms`)
} finally {
  await browser.close()
  server.stop()
}
