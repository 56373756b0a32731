import { describe, expect, it } from 'vitest'
import { actAs, axeViolations, demoPerFile, outboxLink, screenshot, withPeople } from './support'

const e2e = demoPerFile()

const GRACE = 'grace.morgan@northwind.example'

describe('a lost invitation email', () => {
  it('seed 001: "forgot my password" activates an invited account; the old invitation link is withdrawn', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'seed-001', ['owner', 'person'], async ({ owner, person }) => {
      // The invitation link Grace never received (the seed's outbox has it).
      await actAs(owner, ctx, '/settings/outbox', 'Northwind Support', 'Eleanor Whitfield — Owner')
      const invitationLink = await outboxLink(owner, GRACE)

      // She asks for a password reset with her address instead.
      await person.goto(`${ctx.demo.url}/reset-password`)
      await person.getByRole('heading', { name: 'Reset your password' }).waitFor()
      await person.getByLabel('Email').fill(GRACE)
      await person.getByRole('button', { name: 'Send the link' }).click()
      await person
        .getByText(`If an account exists for ${GRACE}, we sent it a link.`, { exact: false })
        .waitFor()

      // An activation email arrives; its link says whose account it is and under which policy.
      await owner.reload()
      await expect.poll(() => outboxLink(owner, GRACE).catch(() => invitationLink)).not.toBe(invitationLink)
      await person.goto(`${ctx.demo.url}${await outboxLink(owner, GRACE)}`)
      await person.getByRole('heading', { name: 'Activate your account' }).waitFor()
      await person.getByText(`For ${GRACE} in Northwind Support.`).waitFor()
      expect(await person.locator('[data-rule="min_length"]').textContent()).toMatch(/At least 12 characters/)
      expect(await axeViolations(person)).toEqual([])
      await person.getByLabel('New password').fill('Heron-quilt-meadow-94')
      await person.getByRole('button', { name: 'Save the password' }).click()

      // Signed in, in the product; the table has her active.
      await person.waitForURL(/\/customers$/)
      await person.getByText('Signed in as Grace Morgan').waitFor()
      await owner.goto(`${ctx.demo.url}/settings/users`)
      const row = owner
        .getByRole('table', { name: 'Users' })
        .getByRole('row')
        .filter({ hasText: 'Grace Morgan' })
      await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toMatch(/^Active/)
      await screenshot(person, 'seed-001-activated')

      // The invitation the reset replaced no longer works.
      await person.goto(`${ctx.demo.url}${invitationLink}`)
      await person.getByRole('heading', { name: 'This invitation was withdrawn' }).waitFor()
    })
  })
})
