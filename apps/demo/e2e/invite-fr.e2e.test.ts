import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { fr, inviteJourney } from './invite-journey'
import { axeViolations, type E2eContext, screenshot, startE2e } from './support'

let ctx: E2eContext
beforeAll(async () => {
  ctx = await startE2e()
})
afterAll(async () => {
  await ctx?.close()
})

describe('invitations in one form', () => {
  it('journey 6: journey 1 in French', async () => {
    const page = await ctx.browser.newPage()
    try {
      await inviteJourney(ctx, page, fr)
      expect(await axeViolations(page)).toEqual([])
      await screenshot(page, 'journey-6-invited-fr')
      // The same page in the dark theme: every colour pair is checked again.
      await page.getByRole('radio', { name: 'Sombre' }).check()
      await page.locator('html[data-theme="dark"]').waitFor({ state: 'attached' })
      expect(await axeViolations(page)).toEqual([])
      await screenshot(page, 'journey-6-invited-fr-dark')
    } catch (error) {
      await screenshot(page, 'journey-6-failed')
      throw error
    } finally {
      await page.close()
    }
  })
})
