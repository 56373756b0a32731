import { describe, expect, it } from 'vitest'
import { actAs, axeViolations, demoPerFile, outboxLink, screenshot, withPeople } from './support'

const e2e = demoPerFile()

const GEORGE = 'george.hughes@northwind.example'

describe('an expired invitation', () => {
  it('journey 3: expired in the table and on the link; resend makes the old link useless and the new one work', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'journey-3', ['owner', 'invitee'], async ({ owner, invitee }) => {
      // George Hughes was invited 38 days ago (the seed): past the 30-day lifetime.
      await actAs(owner, ctx, '/settings/users', 'Northwind Support', 'Eleanor Whitfield — Owner')
      const row = owner
        .getByRole('table', { name: 'Users' })
        .getByRole('row')
        .filter({ hasText: 'George Hughes' })
      await row.waitFor()
      await expect
        .poll(() => row.getByRole('cell').nth(3).textContent())
        .toMatch(/^Invitation expired \d+ days ago/)

      await owner.getByRole('navigation').getByRole('link', { name: 'Outbox' }).click()
      const oldLink = await outboxLink(owner, GEORGE)

      // On the link: expired, and whom to ask.
      await invitee.goto(`${ctx.demo.url}${oldLink}`)
      await invitee.getByRole('heading', { name: 'This invitation has expired' }).waitFor()
      await invitee.getByText('Ask Eleanor Whitfield to send you a new invitation.').waitFor()
      expect(await invitee.getByRole('button', { name: 'Activate my account' }).count()).toBe(0)
      expect(await axeViolations(invitee)).toEqual([])
      await screenshot(invitee, 'journey-3-expired-link')

      // The owner sends it again from the table.
      await owner.getByRole('navigation').getByRole('link', { name: 'Users' }).click()
      await row.getByRole('button', { name: 'Actions for George Hughes' }).click()
      await owner.getByRole('menuitem', { name: 'Resend invitation' }).click()
      await owner.getByText(`The invitation was sent again to ${GEORGE}.`).waitFor()
      await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toMatch(/Invited/)
      await screenshot(owner, 'journey-3-resent')

      // The old link is now useless…
      await invitee.goto(`${ctx.demo.url}${oldLink}`)
      await invitee.getByRole('heading', { name: 'This invitation link is not valid' }).waitFor()
      expect(await invitee.getByRole('button', { name: 'Activate my account' }).count()).toBe(0)

      // …and the new one, the newest email to George in the outbox, works. (The page may show
      // its cached list first: wait for the new email.)
      await owner.getByRole('navigation').getByRole('link', { name: 'Outbox' }).click()
      await expect.poll(() => outboxLink(owner, GEORGE).catch(() => oldLink)).not.toBe(oldLink)
      const newLink = await outboxLink(owner, GEORGE)
      await invitee.goto(`${ctx.demo.url}${newLink}`)
      await invitee.getByRole('heading', { name: 'Join Northwind Support' }).waitFor()
      await invitee.getByLabel('Password', { exact: true }).fill('Slate-meadow-compass-73')
      await invitee.getByLabel(/stores my name and email address/).check()
      await invitee.getByLabel('I accept the terms of use.').check()
      await invitee.getByRole('button', { name: 'Activate my account' }).click()
      await invitee.waitForURL(/\/customers$/)
      await invitee.getByText('Signed in as George Hughes').waitFor()

      // The owner's list, read afresh, has George active.
      await owner.goto(`${ctx.demo.url}/settings/users`)
      await expect.poll(() => row.getByRole('cell').nth(3).textContent()).toMatch(/^Active/)
      await screenshot(invitee, 'journey-3-accepted')
    })
  })
})
