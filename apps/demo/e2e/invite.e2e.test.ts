import { describe, expect, it } from 'vitest'
import { en, inviteJourney } from './invite-journey'
import { axeViolations, demoPerFile, screenshot, withPeople } from './support'

const e2e = demoPerFile()

describe('invitations in one form', () => {
  it('journey 1: the owner invites an administrator and two technicians; a shared mailbox is refused, fixed, re-sent', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'journey-1', ['page'], async ({ page }) => {
      await inviteJourney(ctx, page, en)
      expect(await axeViolations(page)).toEqual([])
      await screenshot(page, 'journey-1-invited')
    })
  })
})
