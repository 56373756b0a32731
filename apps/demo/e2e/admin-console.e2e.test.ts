import { readFile } from 'node:fs/promises'
import { describe, expect, it } from 'vitest'
import {
  actAs,
  axeViolations,
  demoPerFile,
  rowName,
  screenshot,
  tokenFor,
  usherApi,
  withPeople,
} from './support'

const e2e = demoPerFile()

const ORG = 'Atelier Durand Maintenance'
const OWNER = 'Camille Durand — Owner'

describe('the admin console: settings, activity and export', () => {
  it('journey: the owner sets invitations to 14 days and refuses a mailbox, invites someone, finds it all in Activity and exports the table with formula names neutralized', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'admin-console', ['page'], async ({ page }) => {
      page.setDefaultTimeout(20_000)
      // Settings → Organization: 14 days, and "atelier" refused as a shared mailbox.
      await actAs(page, ctx, '/settings/organization', ORG, OWNER)
      await page.getByRole('radio', { name: 'English' }).check()
      const lifetime = page.getByLabel('Invitation lifetime (days)')
      await expect.poll(() => lifetime.inputValue()).toBe('30')
      await lifetime.fill('14')
      const mailboxes = page.getByRole('group', { name: 'Refused mailboxes' })
      await mailboxes.getByLabel('Add a mailbox name').fill('atelier')
      await mailboxes.getByRole('button', { name: 'Add' }).click()
      await mailboxes.getByLabel('Try an address').fill('atelier@atelier-durand.example')
      await mailboxes.getByText('atelier@atelier-durand.example would be refused.').waitFor()
      expect(await axeViolations(page)).toEqual([])
      await page.getByRole('button', { name: 'Save' }).click()
      await page.getByText('Settings saved.').waitFor()

      // Invite: the new refused mailbox is refused on its row, a person's own address goes.
      await page.getByRole('navigation').getByRole('link', { name: 'Invite' }).click()
      const form = page.getByRole('form')
      await form.getByRole('textbox', { name: rowName('First name', 'row', 1) }).fill('Zoé')
      await form.getByRole('textbox', { name: rowName('Last name', 'row', 1) }).fill('Roux')
      const email = form.getByRole('textbox', { name: rowName('Email', 'row', 1) })
      await email.fill('atelier@atelier-durand.example')
      await page.keyboard.press('Tab')
      await form.getByRole('button', { name: 'Send invitations' }).click()
      await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true')
      await email.fill('zoe.roux@atelier-durand.example')
      await page.keyboard.press('Tab')
      await form.getByRole('button', { name: 'Send invitations' }).click()
      await page
        .getByRole('status')
        .filter({ hasText: /sent|invitation/i })
        .first()
        .waitFor()
      // The invitation lasts the new 14 days.
      const invitation = await ctx.demo.usher.db
        .selectFrom('users')
        .select(['invitation_expires_at', 'created_at'])
        .where('email', '=', 'zoe.roux@atelier-durand.example')
        .executeTakeFirstOrThrow()
      const days =
        (new Date(invitation.invitation_expires_at as Date).getTime() -
          new Date(invitation.created_at).getTime()) /
        86_400_000
      expect(Math.round(days)).toBe(14)

      // Activity: both changes and the invitation, as sentences.
      await page.getByRole('navigation').getByRole('link', { name: 'Activity' }).click()
      const log = page.locator('[data-slot="audit-log"]')
      const settings = log
        .getByRole('listitem')
        .filter({ hasText: `Camille Durand changed the settings of ${ORG}` })
      await settings.first().waitFor()
      await expect
        .poll(() => settings.first().textContent())
        .toMatch(/Invitation lifetime \(days\)\s*30\s*→\s*14/)
      await expect.poll(() => settings.first().textContent()).toMatch(/Refused mailboxes.*atelier/)
      await log
        .getByRole('listitem')
        .filter({ hasText: 'Camille Durand invited zoe.roux@atelier-durand.example' })
        .first()
        .waitFor()
      expect(await axeViolations(page)).toEqual([])

      // Export: a person whose name starts with "=" comes out neutralized in the CSV.
      const api = usherApi(ctx, await tokenFor(ctx, await ownerEmail(ctx)))
      const created = await api('/users', {
        method: 'POST',
        body: JSON.stringify({
          firstName: '=SUM(1+1)',
          lastName: 'Formule',
          email: 'formule@atelier-durand.example',
          role: 'technician',
        }),
      })
      expect(created.status).toBe(201)
      await page.getByRole('navigation').getByRole('link', { name: 'Users' }).click()
      await page.getByRole('table', { name: 'Users' }).getByText('Formule').first().waitFor()
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Export', exact: true }).click(),
      ])
      expect(download.suggestedFilename()).toMatch(
        /^atelier-durand-maintenance-members-\d{4}-\d{2}-\d{2}\.csv$/,
      )
      const csv = (await readFile((await download.path()) as string, 'utf8')).replace(/^\uFEFF/, '')
      expect(csv.split('\r\n')[0]).toBe('Name,Email,Role,Status,Shared groups,Last active (UTC)')
      expect(csv).toContain(`"'=SUM(1+1) Formule",formule@atelier-durand.example`)
      expect(csv).toContain('zoe.roux@atelier-durand.example')
      await screenshot(page, 'admin-console-exported')
    })
  })
})

async function ownerEmail(ctx: ReturnType<typeof e2e>): Promise<string> {
  const row = await ctx.demo.usher.db
    .selectFrom('users as u')
    .innerJoin('organizations as o', 'o.id', 'u.org_id')
    .select('u.email')
    .where('o.name', '=', ORG)
    .where('u.role', '=', 'owner')
    .executeTakeFirstOrThrow()
  return row.email
}
