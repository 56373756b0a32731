import { describe, expect, it } from 'vitest'
import { actAs, axeViolations, demoPerFile, screenshot, withPeople } from './support'

const e2e = demoPerFile()

describe('the groups tree', () => {
  it('seed 003: the owner adds a group under another and moves one; the London admin sees the new subgroup in scope', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'seed-003-groups', ['owner', 'admin'], async ({ owner, admin }) => {
      await actAs(owner, ctx, '/settings/users', 'Northwind Support', 'Eleanor Whitfield — Owner')
      await owner.getByRole('navigation').getByRole('link', { name: 'Groups' }).click()
      await owner.getByLabel('Name', { exact: true }).fill('Shoreditch')
      await owner.getByLabel('Under', { exact: true }).selectOption({ label: '\u00a0\u00a0– Camden' })
      await owner.getByRole('button', { name: 'Add the group' }).click()
      await owner.getByText('Shoreditch was added.').waitFor()
      await owner
        .getByRole('combobox', { name: 'Move Shoreditch under' })
        .selectOption({ label: 'Customers London' })
      await owner.getByRole('button', { name: 'Move Shoreditch under Customers London' }).click()
      await owner.getByText('Shoreditch was moved.').waitFor()
      expect(await axeViolations(owner)).toEqual([])
      await screenshot(owner, 'seed-003-groups')

      // In London's subtree, so in James O’Connor's scope.
      await actAs(admin, ctx, '/customers', 'Northwind Support', 'James O’Connor — Group admin')
      const names = admin.getByRole('list', { name: 'Customer groups' }).locator('.relai-customer-name')
      await expect.poll(() => names.allInnerTexts()).toContain('Shoreditch')
    })
  })
})
