import { describe, expect, it } from 'vitest'
import { actAs, axeViolations, demoPerFile, screenshot, withPeople } from './support'

const e2e = demoPerFile()

const GRACE = 'grace.morgan@northwind.example'

describe('joining, then customers shared', () => {
  it('journey 2: a technician accepts from the outbox link, sees no customer group; the owner shares two with "view"; after reload exactly those two', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'journey-2', ['technician', 'owner'], async ({ technician, owner }) => {
      // Grace Morgan was invited to Northwind Support five days ago (the seed); her email is in
      // the outbox, which the demo shows in place of a mailbox.
      await actAs(technician, ctx, '/settings/outbox', 'Northwind Support', 'Eleanor Whitfield — Owner')
      await technician
        .getByRole('link', { name: `Open the link of the email to ${GRACE}` })
        .first()
        .click()

      await technician.getByRole('heading', { name: 'Join Northwind Support' }).waitFor()
      expect(
        await technician.getByText('Eleanor Whitfield invited you to join Northwind Support.').count(),
      ).toBe(1)
      const email = technician.getByLabel('Email', { exact: true })
      expect(await email.inputValue()).toBe(GRACE)
      expect(await email.getAttribute('readonly')).not.toBeNull()
      expect(await technician.getByLabel('First name').inputValue()).toBe('Grace')
      await technician.getByLabel('Last name (optional)').fill('Morgan-Reid')
      await technician.getByLabel('Password', { exact: true }).fill('Copper-lantern-harbour-58')
      await technician.getByLabel(/stores my name and email address/).check()
      await technician.getByLabel('I accept the terms of use.').check()
      await technician.getByRole('button', { name: 'Activate my account' }).click()

      // Signed in as the new account, in the product: nothing is shared with her yet (seed 000).
      await technician.waitForURL(/\/customers$/)
      await technician.getByText('Signed in as Grace Morgan-Reid').waitFor()
      await technician.getByText('No customer group is shared with you yet.', { exact: false }).waitFor()
      expect(await technician.getByRole('list', { name: 'Customer groups' }).count()).toBe(0)
      expect(await axeViolations(technician)).toEqual([])

      // The owner finds her active in the table and shares two customer groups with "view".
      await actAs(owner, ctx, '/settings/users', 'Northwind Support', 'Eleanor Whitfield — Owner')
      const table = owner.getByRole('table', { name: 'Users' })
      const row = table.getByRole('row').filter({ hasText: 'Grace Morgan-Reid' })
      await row.waitFor()
      await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toMatch(/Active/)
      await row.getByRole('button', { name: 'Actions for Grace Morgan-Reid' }).click()
      await owner.getByRole('menuitem', { name: 'Shared groups…' }).click()
      const dialog = owner.getByRole('dialog', { name: 'Shared groups — Grace Morgan-Reid' })
      await dialog.getByRole('list', { name: 'Groups' }).waitFor()
      await dialog.getByRole('checkbox', { name: 'Northern Quarter' }).check()
      await dialog.getByRole('checkbox', { name: 'Partners' }).check()
      expect(
        await dialog.getByRole('combobox', { name: 'Permission for Northern Quarter' }).inputValue(),
      ).toBe('view')
      expect(await dialog.getByRole('combobox', { name: 'Permission for Partners' }).inputValue()).toBe(
        'view',
      )
      await dialog.getByRole('button', { name: 'Save' }).click()
      await dialog.waitFor({ state: 'detached' })
      await expect.poll(() => row.getByText('2 groups').count()).toBe(1)
      await screenshot(owner, 'journey-2-owner-shared')

      // After a reload, exactly those two, each with "View".
      await technician.reload()
      const list = technician.getByRole('list', { name: 'Customer groups' })
      await list.waitFor()
      const items = list.getByRole('listitem')
      await expect
        .poll(() => list.locator('.relai-customer-name').allInnerTexts())
        .toEqual(['Northern Quarter', 'Partners'])
      expect(await items.count()).toBe(2)
      for (const text of await items.allTextContents()) expect(text).toMatch(/Access: View$/)
      expect(await axeViolations(technician)).toEqual([])
      await screenshot(technician, 'journey-2-technician-customers')
    })
  })
})
