import { describe, expect, it } from 'vitest'
import { fr, inviteJourney } from './invite-journey'
import { axeViolations, demoPerFile, screenshot, withPeople } from './support'

const e2e = demoPerFile()

describe('invitations in one form', () => {
  it('journey 6: journey 1 in French', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'journey-6', ['page'], async ({ page }) => {
      await inviteJourney(ctx, page, fr)
      expect(await axeViolations(page)).toEqual([])
      await screenshot(page, 'journey-6-invited-fr')
      // The same page in the dark theme: every colour pair is checked again.
      await page.getByRole('radio', { name: 'Sombre' }).check()
      await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' })
      expect(await axeViolations(page)).toEqual([])
      await screenshot(page, 'journey-6-invited-fr-dark')
    })
  })
})
