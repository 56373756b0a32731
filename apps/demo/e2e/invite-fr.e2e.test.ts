import { afterAll, beforeAll, describe, it } from 'vitest'
import { fr, inviteJourney } from './invite-journey'
import { type E2eContext, screenshot, startE2e } from './support'

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
    } finally {
      await screenshot(page, 'journey-6-invited-fr')
      await page.close()
    }
  })
})
