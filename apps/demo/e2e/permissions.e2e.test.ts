import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { DemoAccountsResponse, DemoSessionResponse } from '../server/api-types'
import { type E2eContext, screenshot, startE2e } from './support'

let ctx: E2eContext
beforeAll(async () => {
  ctx = await startE2e()
})
afterAll(async () => {
  await ctx?.close()
})

describe('what a technician may do', () => {
  it('journey 4 (technician part): no invite form, and a hand-made invite request is refused 403', async () => {
    const page = await ctx.browser.newPage()
    page.setDefaultTimeout(15_000)
    try {
      await page.goto(`${ctx.demo.url}/settings/users`)
      await page.getByRole('combobox', { name: 'Organization' }).selectOption({ label: 'Northwind Support' })
      await page
        .getByRole('combobox', { name: 'Signed in as' })
        .selectOption({ label: 'Oliver Bennett — Technician' })
      await page.getByRole('navigation').getByRole('link', { name: 'Invite' }).waitFor({ state: 'detached' })
      await page.goto(`${ctx.demo.url}/settings/invite`)
      await page.getByRole('note').waitFor()
      expect(await page.getByRole('button', { name: 'Send invitations' }).count()).toBe(0)
      await screenshot(page, 'journey-4-technician')
    } finally {
      await page.close()
    }

    const base = `http://127.0.0.1:${ctx.demo.port}`
    const accounts = (await (await fetch(`${base}/api/demo/accounts`)).json()) as DemoAccountsResponse
    const technician = accounts.organizations
      .flatMap((org) => org.accounts)
      .find((account) => account.name === 'Oliver Bennett')
    expect(technician).toBeDefined()
    const session = (await (
      await fetch(`${base}/api/demo/session`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ userId: technician?.userId }),
      })
    ).json()) as DemoSessionResponse
    const invite = await fetch(`${base}/api/usher/invitations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${session.token}` },
      body: JSON.stringify({
        invitations: [
          {
            firstName: 'Eve',
            lastName: 'Mallory',
            email: 'eve.mallory@northwind.example',
            role: 'technician',
          },
        ],
      }),
    })
    expect(invite.status).toBe(403)
  })
})
