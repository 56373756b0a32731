import { describe, expect, it } from 'vitest'
import { actAs, axeViolations, demoPerFile, screenshot, withPeople } from './support'

const e2e = demoPerFile()

describe('sharing from a group', () => {
  it('seed 002: the owner shares a customer group with a person picked by name, from the group itself', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'seed-002', ['owner'], async ({ owner }) => {
      await actAs(owner, ctx, '/customers', 'Northwind Support', 'Eleanor Whitfield — Owner')
      await owner.getByRole('button', { name: 'Share Partners with people' }).click()
      const dialog = owner.getByRole('dialog', { name: 'Shared with — Partners' })
      await dialog.getByText('Not shared with anyone yet: add people below.').waitFor()
      await dialog.getByLabel('Find people by name or email').fill('Amelia')
      const found = dialog.getByRole('list', { name: 'People found' })
      await expect.poll(() => found.getByRole('checkbox').count()).toBe(1)
      await found.getByRole('checkbox', { name: /Amelia Clarke/ }).check()
      await dialog.getByRole('button', { name: 'Share with 1 person' }).click()
      await dialog.getByText('Shared with 1 person.').waitFor()
      await dialog.getByRole('combobox', { name: 'Permission for Amelia Clarke' }).waitFor()
      expect(await axeViolations(owner)).toEqual([])
      await screenshot(owner, 'seed-002-shared-from-group')
      await dialog.getByRole('button', { name: 'Close' }).first().click()

      // The users list counts it: Salford Quays and now Partners.
      await owner.getByRole('navigation').getByRole('link', { name: 'Users' }).click()
      const row = owner
        .getByRole('table', { name: 'Users' })
        .getByRole('row')
        .filter({ hasText: 'Amelia Clarke' })
      await expect.poll(() => row.getByText('2 groups').count()).toBe(1)
    })
  })
})
