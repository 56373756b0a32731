import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { demoPerFile, screenshot, withPeople } from './support'

const e2e = demoPerFile()

/** A laptop, a small laptop, a phone. */
const VIEWPORTS = [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
] as const

/** The account switch, opening the phone header's menu first when it is folded. */
async function signInAs(page: Page, url: string, organization: string, account: string) {
  await page.goto(url)
  const toggle = page.getByRole('button', { name: 'Account and display' })
  await page.getByRole('link', { name: /Relai Support/ }).waitFor()
  const folded = await toggle.isVisible()
  if (folded) await toggle.click()
  await page.getByRole('combobox', { name: /Organi[sz]ation/ }).selectOption({ label: organization })
  await page.getByRole('combobox', { name: /Signed in as/ }).selectOption({ label: account })
  if (folded) await toggle.click()
}

/** What overflows: the document's sideways scroll, each status badge's hidden text. */
async function measure(page: Page) {
  return page.evaluate(() => {
    const root = document.documentElement
    const trigger = document.querySelector(
      '[data-slot="user-table-row"] [data-slot="user-table-row-actions-trigger"]',
    )
    const box = trigger?.getBoundingClientRect()
    const clipped = [...document.querySelectorAll('[data-slot="user-table-row"] [data-slot="status-badge"]')]
      .filter((badge) => badge.scrollWidth > badge.clientWidth + 1)
      .map((badge) => badge.textContent)
    return {
      sideways: root.scrollWidth - root.clientWidth,
      scrollY: window.scrollY,
      trigger: box ? { left: box.left, right: box.right, top: box.top, bottom: box.bottom } : null,
      viewport: { width: window.innerWidth, height: window.innerHeight },
      clipped,
    }
  })
}

describe('the users page at a laptop’s and a phone’s width', () => {
  for (const viewport of VIEWPORTS) {
    it(`at ${viewport.width}×${viewport.height}: the first row's actions are in view without scrolling, nothing scrolls sideways, no status is cut`, async () => {
      const ctx = e2e()
      await withPeople(ctx, `layout-${viewport.width}`, ['page'], async ({ page }) => {
        await page.setViewportSize(viewport)
        await signInAs(
          page,
          `${ctx.demo.url}/settings/users`,
          'Northwind Support',
          'Eleanor Whitfield — Owner',
        )
        const table = page.getByRole('table', { name: 'Users' })
        await table
          .getByRole('button', { name: /^Actions for / })
          .first()
          .waitFor()
        const m = await measure(page)
        expect(m.scrollY).toBe(0)
        expect(m.sideways).toBe(0)
        expect(m.trigger).not.toBeNull()
        const box = m.trigger as NonNullable<typeof m.trigger>
        expect(box.left).toBeGreaterThanOrEqual(0)
        expect(box.right).toBeLessThanOrEqual(m.viewport.width)
        expect(box.top).toBeGreaterThanOrEqual(0)
        expect(box.bottom).toBeLessThanOrEqual(m.viewport.height)
        expect(m.clipped).toEqual([])
        // The status reads in full in the row (not only in a tooltip).
        await table
          .getByText(/Invited, expires in \d+ days/)
          .first()
          .waitFor()
        await screenshot(page, `layout-users-${viewport.width}`)

        // The invite form, one column on a phone, and nothing wider than the page.
        await page.goto(`${ctx.demo.url}/settings/invite`)
        await page.getByRole('button', { name: 'Send invitations' }).waitFor()
        expect((await measure(page)).sideways).toBe(0)
        await screenshot(page, `layout-invite-${viewport.width}`)
      })
    })
  }

  it('at 320 px nothing overflows, and the header folds behind one button', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'layout-320', ['page'], async ({ page }) => {
      await page.setViewportSize({ width: 320, height: 640 })
      await signInAs(page, `${ctx.demo.url}/settings/users`, 'Northwind Support', 'Eleanor Whitfield — Owner')
      await page
        .getByRole('table', { name: 'Users' })
        .getByRole('button', { name: /^Actions for / })
        .first()
        .waitFor()
      expect((await measure(page)).sideways).toBe(0)
      // Folded, the header is the brand and the button (two short lines at most), not 350 px.
      const header = await page.locator('header').boundingBox()
      expect(header?.height ?? 0).toBeLessThan(110)
      await screenshot(page, 'layout-users-320')
    })
  })
})
