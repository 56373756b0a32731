import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { actAs, demoPerFile, screenshot, withPeople } from './support'

const e2e = demoPerFile()

/** The focused element's accessible-ish description: role or tag, and its label or text. */
function focused(page: Page) {
  return page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null
    if (!el || el === document.body) return 'body'
    const byIds = (ids: string | null) =>
      ids
        ?.split(/\s+/)
        .map((id) => document.getElementById(id)?.textContent?.trim() ?? '')
        .join(' ')
    const labels = 'labels' in el ? [...((el as HTMLInputElement).labels ?? [])] : []
    const label =
      el.getAttribute('aria-label') ??
      byIds(el.getAttribute('aria-labelledby')) ??
      (labels.length ? labels.map((l) => l.textContent?.trim()).join(' ') : undefined) ??
      el.textContent?.trim() ??
      ''
    return `${el.getAttribute('role') ?? el.tagName.toLowerCase()}: ${label}`
  })
}

/** Presses Tab until the focused element's description matches (the keyboard's way there). */
async function tabTo(page: Page, target: RegExp, max = 60) {
  for (let i = 0; i < max; i++) {
    if (target.test(await focused(page))) return
    await page.keyboard.press('Tab')
  }
  throw new Error(`Tab never reached ${target} (last: ${await focused(page)})`)
}

/** Arrow down a menu until the highlighted item matches, then Enter. */
async function chooseMenuItem(page: Page, item: RegExp) {
  for (let i = 0; i < 15; i++) {
    if (item.test(await focused(page))) {
      await page.keyboard.press('Enter')
      return
    }
    await page.keyboard.press('ArrowDown')
  }
  throw new Error(`No menu item ${item} (last: ${await focused(page)})`)
}

const people = [
  { first: 'Ruby', last: 'Hale', email: 'ruby.hale@northwind.example', role: undefined },
  // Northwind's plan has one technician seat left: the second one is an administrator.
  { first: 'Owen', last: 'Marsh', email: 'owen.marsh@northwind.example', role: 'Administrator' },
]

describe('an administrator with a keyboard only', () => {
  it('invites two people, shares a group from a row and gets focus back on its button, disables someone through the confirmation', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'keyboard', ['page'], async ({ page }) => {
      await page.setViewportSize({ width: 1280, height: 800 })
      // Signing in is the demo's account switch (the host's business), not part of the journey.
      await actAs(page, ctx, '/settings/invite', 'Northwind Support', 'Eleanor Whitfield — Owner')
      await page.getByRole('button', { name: 'Send invitations' }).waitFor()

      // --- invite two people: fields reached with Tab, typed, a second row added with Enter ---
      for (const [i, person] of people.entries()) {
        const n = i + 1
        if (n > 1) {
          await tabTo(page, /^button: \+ Add another person/)
          await page.keyboard.press('Enter')
        }
        await tabTo(page, new RegExp(`^input: First name\\s*,\\s*row ${n}$`))
        await page.keyboard.type(person.first)
        await tabTo(page, new RegExp(`^input: Last name\\s*,\\s*row ${n}$`))
        await page.keyboard.type(person.last)
        await tabTo(page, new RegExp(`^input: Email\\s*,\\s*row ${n}$`))
        await page.keyboard.type(person.email)
        if (person.role) {
          await tabTo(page, new RegExp(`^select: Role\\s*,\\s*row ${n}$`))
          await page.keyboard.type(person.role)
        }
      }
      await tabTo(page, /^button: Send invitations$/)
      await page.keyboard.press('Enter')
      // Focus lands on the result, which is also announced (a live region).
      const result = page.getByRole('status').filter({ hasText: '2 invitations sent.' })
      await result.waitFor()
      await expect.poll(() => focused(page)).toMatch(/2 invitations sent/)

      // --- the Users page, a row's menu, Shared groups, Save: focus back on that row's button ---
      await tabTo(page, /^a: Users$/, 200)
      await page.keyboard.press('Enter')
      const table = page.getByRole('table', { name: 'Users' })
      await table.getByRole('button', { name: 'Actions for Oliver Bennett' }).waitFor()
      await tabTo(page, /^button: Actions for Oliver Bennett$/)
      await page.keyboard.press('Enter')
      await page.getByRole('menu').waitFor()
      await chooseMenuItem(page, /^menuitem: Shared groups…$/)
      const dialog = page.getByRole('dialog', { name: /^Shared groups — Oliver Bennett$/ })
      await dialog.getByRole('list', { name: 'Groups' }).waitFor()
      // The first group not shared yet: Tab into the list, ArrowDown through it.
      await tabTo(page, /^checkbox: /)
      const checked = () => page.evaluate(() => document.activeElement?.getAttribute('aria-checked'))
      for (let i = 0; i < 20 && (await checked()) !== 'false'; i++) await page.keyboard.press('ArrowDown')
      expect(await checked()).toBe('false')
      await page.keyboard.press('Space')
      expect(await checked()).toBe('true')
      await tabTo(page, /^button: Save$/)
      await page.keyboard.press('Enter')
      await dialog.waitFor({ state: 'detached' })
      await expect.poll(() => focused(page)).toBe('button: Actions for Oliver Bennett')

      // --- disable someone through the confirmation that names them ---
      await tabTo(page, /^button: Actions for Harry Patel$/)
      await page.keyboard.press('Enter')
      await page.getByRole('menu').waitFor()
      await chooseMenuItem(page, /^menuitem: Disable…$/)
      const confirm = page.getByRole('alertdialog', { name: 'Disable Harry Patel?' })
      await confirm.waitFor()
      await tabTo(page, /^button: Disable Harry Patel$/, 5)
      await page.keyboard.press('Enter')
      await page.getByText('Harry Patel is disabled.').waitFor()
      const row = table.getByRole('row').filter({ hasText: 'Harry Patel' })
      await row.getByText('Disabled').waitFor()
      await expect.poll(() => focused(page)).toBe('button: Actions for Harry Patel')
      await screenshot(page, 'keyboard-journey')
    })
  })
})
