import { describe, expect, it } from 'vitest'
import { actAs, axeViolations, demoPerFile, rowName, screenshot, withPeople } from './support'

const e2e = demoPerFile()

// Northwind Support's plan has 5 technician seats, 4 taken (three active technicians and Grace
// Morgan's live invitation); administrators take none.
const rows = [
  { first: 'Ava', last: 'Thompson', email: 'ava.thompson@northwind.example', role: 'Technician' },
  { first: 'Noah', last: 'Price', email: 'noah.price@northwind.example', role: 'Administrator' },
  { first: 'Mia', last: 'Turner', email: 'mia.turner@northwind.example', role: 'Technician' },
]

describe('the seat limit', () => {
  it('journey 5: the invitation beyond the plan is refused with a clear message; nothing else in the batch is lost', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'journey-5', ['page'], async ({ page }) => {
      await actAs(page, ctx, '/settings/invite', 'Northwind Support', 'Eleanor Whitfield — Owner')
      const form = page.getByRole('form')
      await form.getByRole('textbox', { name: rowName('First name', 'row', 1) }).waitFor()
      for (const [i, person] of rows.entries()) {
        const n = i + 1
        if (n > 1) await form.getByRole('button', { name: /Add another person/ }).click()
        await form.getByRole('textbox', { name: rowName('First name', 'row', n) }).fill(person.first)
        await form.getByRole('textbox', { name: rowName('Last name', 'row', n) }).fill(person.last)
        await form.getByRole('textbox', { name: rowName('Email', 'row', n) }).fill(person.email)
        await form
          .getByRole('combobox', { name: rowName('Role', 'row', n) })
          .selectOption({ label: person.role })
        await page.keyboard.press('Tab')
      }
      // The form warns before sending; the server has the last word.
      await form.getByText(/Not enough seats: 2 needed, 1 left/).waitFor()
      await form.getByRole('button', { name: 'Send invitations' }).click()

      // Two sent; the third stays in the form, as typed, with the reason on its row.
      await page.getByRole('status').filter({ hasText: '2 invitations sent.' }).waitFor()
      const email = form.getByRole('textbox', { name: rowName('Email', 'row', 1) })
      await expect.poll(() => email.inputValue()).toBe('mia.turner@northwind.example')
      expect(await form.getByRole('textbox', { name: rowName('First name', 'row', 1) }).inputValue()).toBe(
        'Mia',
      )
      expect(await form.getByRole('textbox', { name: rowName('Last name', 'row', 1) }).inputValue()).toBe(
        'Turner',
      )
      expect(await form.getByRole('textbox', { name: rowName('Email', 'row', 2) }).count()).toBe(0)
      const role = form.getByRole('combobox', { name: rowName('Role', 'row', 1) })
      await expect.poll(() => role.getAttribute('aria-invalid')).toBe('true')
      await form.getByText('No seat left.').waitFor()
      // The counter: the plan is now full; the row the server refused takes no seat until it is
      // changed, so nothing is counted "with this form".
      await page.getByText('5 of 5 used').waitFor()
      expect(await page.getByText(/with this form/).count()).toBe(0)
      expect(await axeViolations(page)).toEqual([])
      await screenshot(page, 'journey-5-seat-limit')

      // The two that were accepted are in the table, invited.
      await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click()
      const table = page.getByRole('table', { name: 'Users' })
      for (const person of rows.slice(0, 2)) {
        const row = table.getByRole('row').filter({ hasText: `${person.first} ${person.last}` })
        await row.waitFor()
        await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toMatch(/^Invited/)
      }
      expect(await table.getByRole('row').filter({ hasText: 'Mia Turner' }).count()).toBe(0)
    })
  })
})
