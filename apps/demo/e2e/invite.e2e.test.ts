import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { en, inviteJourney } from './invite-journey'
import { axeViolations, type E2eContext, screenshot, startE2e } from './support'

let ctx: E2eContext
beforeAll(async () => {
  ctx = await startE2e()
})
afterAll(async () => {
  await ctx?.close()
})

describe('invitations in one form', () => {
  it('journey 1: the owner invites an administrator and two technicians; a shared mailbox is refused, fixed, re-sent', async () => {
    const page = await ctx.browser.newPage()
    try {
      await inviteJourney(ctx, page, en)
      expect(await axeViolations(page)).toEqual([])
    } finally {
      await screenshot(page, 'journey-1-invited')
      await page.close()
    }
  })
})
