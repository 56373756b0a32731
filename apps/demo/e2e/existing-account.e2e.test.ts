import type { Page } from 'playwright-core'
import { describe, expect, it } from 'vitest'
import { actAs, axeViolations, demoPerFile, outboxLink, rowName, screenshot, withPeople } from './support'

const e2e = demoPerFile()

// A Northwind field engineer with a password (the seed's documented demo password), and with
// Camden (and its Camden Market) and Canary Wharf shared in Northwind.
const OLIVER = 'oliver.bennett@northwind.example'
const PASSWORD = 'usher-demo-password'
const NORTHWIND = 'Northwind Support'
const ATELIER = 'Atelier Durand Maintenance'
const NORTHWIND_GROUPS = ['Camden', 'Camden Market', 'Canary Wharf']
const ATELIER_GROUPS = ['Boulogne', 'Villeurbanne']

/** How many times the page shows any of these group names (as a whole text). */
async function shown(page: Page, names: readonly string[]): Promise<number> {
  let count = 0
  for (const name of names) count += await page.getByText(name, { exact: true }).count()
  return count
}

/** The customer groups the page lists, in its order; waits for the list. */
async function customerGroups(page: Page): Promise<string[]> {
  const list = page.getByRole('list', { name: 'Customer groups' }).first()
  await list.waitFor()
  return list.locator('.relai-customer-name').allInnerTexts()
}

describe('one account in two organizations', () => {
  it('seed 002: a Northwind technician added to Atelier Durand joins with his password, signs in once, and each organization shows its own customers', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'existing-account', ['owner', 'technician'], async ({ owner, technician }) => {
      // Atelier Durand's owner invites Oliver's address, which already signs in to Northwind.
      await actAs(owner, ctx, '/settings/invite', ATELIER, 'Camille Durand — Owner')
      await owner.getByRole('radio', { name: 'English' }).check()
      const form = owner.getByRole('form')
      await form.getByRole('textbox', { name: rowName('First name', 'row', 1) }).fill('Oliver')
      await form.getByRole('textbox', { name: rowName('Last name', 'row', 1) }).fill('Bennett')
      await form.getByRole('textbox', { name: rowName('Email', 'row', 1) }).fill(OLIVER)
      await form
        .getByRole('combobox', { name: rowName('Role', 'row', 1) })
        .selectOption({ label: 'Technician' })
      await owner.keyboard.press('Tab')
      // The row is complete: the form says he is added, not registered again.
      const note = form.getByRole('note').filter({ hasText: 'Existing account' })
      await note.waitFor()
      expect(await note.textContent()).toBe('Existing account: added without a new registration.')
      await form.getByRole('button', { name: 'Send invitations' }).click()
      await owner.getByRole('status').filter({ hasText: /sent/i }).first().waitFor()

      // Two of Atelier Durand's customer groups are shared with him before he joins.
      await owner.getByRole('navigation').getByRole('link', { name: 'Users' }).click()
      const row = owner
        .getByRole('table', { name: 'Users' })
        .getByRole('row')
        .filter({ hasText: 'Oliver Bennett' })
      await row.waitFor()
      await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toMatch(/Invited/)
      await row.getByRole('button', { name: 'Actions for Oliver Bennett' }).click()
      await owner.getByRole('menuitem', { name: 'Shared groups…' }).click()
      const dialog = owner.getByRole('dialog', { name: 'Shared groups — Oliver Bennett' })
      await dialog.getByRole('list', { name: 'Groups' }).waitFor()
      for (const group of ATELIER_GROUPS) await dialog.getByRole('checkbox', { name: group }).check()
      await dialog.getByRole('button', { name: 'Save' }).click()
      await dialog.waitFor({ state: 'detached' })
      await expect.poll(() => row.getByText('2 groups').count()).toBe(1)

      // His invitation, from Atelier Durand's outbox: the page asks for the password he has.
      await owner.getByRole('navigation').getByRole('link', { name: 'Outbox' }).click()
      await technician.goto(`${ctx.demo.url}${await outboxLink(owner, OLIVER)}`)
      await technician.getByRole('heading', { name: `Join ${ATELIER}` }).waitFor()
      await technician
        .getByText(
          `You already have an account with this address: give its password to join ${ATELIER}. You keep one password for all your organizations.`,
        )
        .waitFor()
      expect(await technician.getByLabel('Password', { exact: true }).count()).toBe(0)
      const current = technician.getByLabel('Your current password')
      expect(await current.getAttribute('autocomplete')).toBe('current-password')
      // Nothing judges a password he does not choose: no policy checklist, no strength meter.
      expect(await technician.locator('[data-slot="password-field-rules"]').count()).toBe(0)
      expect(await technician.locator('[data-slot="password-field-strength"]').count()).toBe(0)
      expect(await axeViolations(technician)).toEqual([])
      await current.fill(PASSWORD)
      await technician.getByLabel(/stores my name and email address/).check()
      await technician.getByLabel('I accept the terms of use.').check()
      await screenshot(technician, 'existing-account-accept')
      await technician.getByRole('button', { name: `Join ${ATELIER}` }).click()
      await technician.waitForURL(/\/customers$/)
      await technician.getByText('Signed in as Oliver Bennett').waitFor()
      expect(await customerGroups(technician)).toEqual(ATELIER_GROUPS)
      expect(await shown(technician, NORTHWIND_GROUPS)).toBe(0)
    })

    // Another day, another browser: one sign-in, then the organization to open.
    await withPeople(ctx, 'existing-account-sign-in', ['person'], async ({ person }) => {
      let passwordPrompts = 0
      person.on('request', (request) => {
        if (request.url().endsWith('/api/usher/auth/login')) passwordPrompts += 1
      })
      await person.goto(`${ctx.demo.url}/sign-in`)
      await person.getByLabel('Email').fill(OLIVER)
      await person.getByLabel('Password').fill(PASSWORD)
      await person.getByRole('button', { name: 'Sign in' }).click()
      const picker = person.getByRole('heading', { name: 'Choose an organization' })
      await picker.waitFor()
      // The step's heading takes focus, so a screen reader hears the change.
      expect(await person.evaluate(() => document.activeElement?.textContent)).toBe('Choose an organization')
      await person.getByText('Your account belongs to 2 organizations.', { exact: false }).waitFor()
      const choices = person.getByRole('listitem').getByRole('button')
      expect((await choices.allInnerTexts()).sort()).toEqual([ATELIER, NORTHWIND])
      // He used Atelier Durand last (he just joined it).
      await person.getByText(`You last used ${ATELIER}.`).waitFor()
      expect(await axeViolations(person)).toEqual([])
      await screenshot(person, 'existing-account-picker')

      // Northwind: its customers, none of Atelier Durand's.
      await person.getByRole('button', { name: NORTHWIND }).click()
      await person.waitForURL(/\/customers$/)
      await person.getByText('Signed in as Oliver Bennett').waitFor()
      const membership = person.getByRole('combobox', { name: 'Organization' })
      await expect.poll(() => membership.locator('option:checked').textContent()).toBe(NORTHWIND)
      await expect.poll(() => customerGroups(person)).toEqual(NORTHWIND_GROUPS)
      expect(await shown(person, ATELIER_GROUPS)).toBe(0)
      expect(await axeViolations(person)).toEqual([])
      await screenshot(person, 'existing-account-northwind')

      // The header's switch: Atelier Durand's customers, none of Northwind's, no password asked.
      await membership.focus()
      await membership.selectOption({ label: ATELIER })
      await expect.poll(() => customerGroups(person)).toEqual(ATELIER_GROUPS)
      expect(await shown(person, NORTHWIND_GROUPS)).toBe(0)
      await expect.poll(() => membership.locator('option:checked').textContent()).toBe(ATELIER)
      expect(await person.getByLabel(/password/i).count()).toBe(0)
      // The switch keeps the keyboard where it was.
      expect(await person.evaluate(() => document.activeElement?.tagName)).toBe('SELECT')
      expect(await axeViolations(person)).toEqual([])
      await screenshot(person, 'existing-account-atelier')

      // And back, still without the password.
      await membership.selectOption({ label: NORTHWIND })
      await expect.poll(() => customerGroups(person)).toEqual(NORTHWIND_GROUPS)
      expect(await shown(person, ATELIER_GROUPS)).toBe(0)
      expect(passwordPrompts).toBe(1)
    })
  })
})
