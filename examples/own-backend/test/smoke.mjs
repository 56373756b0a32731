// Builds the page, starts the host's own backend, and in Chromium: the table lists the host's
// rows, an invitation through Usher's form lands in the host's table, and a group shared through
// Usher's dialog is stored by the host's API — with no console error on the way.
import { fileURLToPath } from 'node:url'
import { check, freePort, openBrowser, run, start } from '../../shared/smoke.mjs'

const cwd = fileURLToPath(new URL('..', import.meta.url))
const began = Date.now()
await run('npx', ['vite', 'build', '--logLevel', 'error'], { cwd })
const port = await freePort()
const url = `http://127.0.0.1:${port}`
const server = await start('npx', ['tsx', 'server.ts'], `${url}/api/me`, {
  cwd,
  env: { ...process.env, PORT: String(port) },
})
const browser = await openBrowser()
try {
  const page = await browser.newPage()
  page.setDefaultTimeout(15_000)
  await page.goto(url)
  const table = page.getByRole('table', { name: 'Users' })
  await table.getByRole('row').filter({ hasText: 'Grace Hopper' }).waitFor()

  // Invite through Usher's form: the host's POST /api/people stores the row.
  const form = page.getByRole('form')
  await form.getByRole('textbox', { name: /^First name\s*,\s*row 1$/ }).fill('Katherine')
  await form.getByRole('textbox', { name: /^Last name.*row 1$/ }).fill('Johnson')
  await form.getByRole('textbox', { name: /^Email\s*,\s*row 1$/ }).fill('katherine@acme.example')
  await page.keyboard.press('Tab')
  await form.getByRole('button', { name: 'Send invitations' }).click()
  await page
    .getByRole('status')
    .filter({ hasText: /sent|invitation/i })
    .first()
    .waitFor()
  const people = await (await fetch(`${url}/api/people`)).json()
  check(
    people.people.some((p) => p.email === 'katherine@acme.example' && p.status === 'invited'),
    'the invitation did not reach the host table',
  )
  await table.getByRole('row').filter({ hasText: 'Katherine Johnson' }).waitFor()

  // Share a group through Usher's dialog: the host's PUT stores it.
  await page.getByRole('button', { name: 'Actions for Alan Turing' }).click()
  await page.getByRole('menuitem', { name: 'Shared groups…' }).click()
  const dialog = page.getByRole('dialog', { name: 'Shared groups — Alan Turing' })
  await dialog.getByRole('checkbox', { name: 'Paris office' }).check()
  await dialog.getByRole('button', { name: 'Save' }).click()
  await dialog.waitFor({ state: 'detached' })
  const alan = await (await fetch(`${url}/api/people/p2`)).json()
  check(
    alan.sharedGroups.length === 1 && alan.sharedGroups[0].groupId === 'g1',
    `shares: ${JSON.stringify(alan)}`,
  )

  check(browser.errors.length === 0, `console errors:\n${browser.errors.join('\n')}`)
  console.log(
    `own-backend example: table, invitation and shared groups over the host API in ${Date.now() - began} ms`,
  )
} finally {
  await browser.close()
  server.stop()
}
