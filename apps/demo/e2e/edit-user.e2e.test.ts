import { describe, expect, it } from 'vitest'
import { actAs, axeViolations, demoPerFile, screenshot, withPeople } from './support'

const e2e = demoPerFile()

describe('editing a person', () => {
  it('seed 003: the owner moves a technician to another group and forces a new password; his next sign-in asks for it under the organization’s policy; the London admin no longer sees him', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'seed-003', ['owner', 'harry', 'admin'], async ({ owner, harry, admin }) => {
      // Harry Patel, technician in "Customers London" (James O’Connor's scope).
      await actAs(owner, ctx, '/settings/users', 'Northwind Support', 'Eleanor Whitfield — Owner')
      const row = owner
        .getByRole('table', { name: 'Users' })
        .getByRole('row')
        .filter({ hasText: 'Harry Patel' })
      await row.getByRole('button', { name: 'Actions for Harry Patel' }).click()
      await owner.getByRole('menuitem', { name: 'Edit…' }).click()
      const dialog = owner.getByRole('dialog', { name: 'Edit Harry Patel' })
      await dialog.getByLabel('Job title').fill('Field Engineer')
      await dialog.getByRole('button', { name: 'Groups Customers London' }).click()
      const groups = owner.getByRole('dialog', { name: 'Groups' })
      await groups.getByRole('checkbox', { name: 'Customers London' }).uncheck()
      await groups.getByRole('checkbox', { name: 'Customers Manchester' }).check()
      await groups.getByRole('button', { name: 'Done' }).click()
      await dialog.getByLabel('Must change the password at the next sign-in').check()
      expect(await axeViolations(owner)).toEqual([])
      await screenshot(owner, 'seed-003-edit')
      await dialog.getByRole('button', { name: 'Save' }).click()
      await dialog.waitFor({ state: 'detached' })

      // His next sign-in: the change-password step, under Northwind's policy.
      await harry.goto(`${ctx.demo.url}/sign-in`)
      await harry.getByLabel('Email').fill('harry.patel@northwind.example')
      await harry.getByLabel('Password', { exact: true }).fill('usher-demo-password')
      await harry.getByRole('button', { name: 'Sign in' }).click()
      await harry.getByRole('heading', { name: 'Choose a new password' }).waitFor()
      expect(await harry.locator('[data-rule="min_length"]').textContent()).toMatch(/At least 12 characters/)
      await harry.getByLabel('New password', { exact: true }).fill('Marble-orchid-lantern-61')
      await harry.getByRole('button', { name: 'Change password' }).click()
      await harry.waitForURL(/\/customers$/)
      await harry.getByText('Signed in as Harry Patel').waitFor()

      // Out of London: the London admin no longer sees him.
      await actAs(admin, ctx, '/settings/users', 'Northwind Support', 'James O’Connor — Group admin')
      const table = admin.getByRole('table', { name: 'Users' })
      await table.getByRole('row').filter({ hasText: 'Oliver Bennett' }).waitFor()
      expect(await table.getByRole('row').filter({ hasText: 'Harry Patel' }).count()).toBe(0)
      await screenshot(admin, 'seed-003-admin-scope')
    })
  })
})
