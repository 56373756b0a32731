import { describe, expect, it } from 'vitest'
import type { DemoAccountsResponse, DemoSessionResponse } from '../server/api-types'
import {
  actAs,
  axeViolations,
  demoPerFile,
  findUser,
  screenshot,
  tokenFor,
  usherApi,
  withPeople,
} from './support'

const e2e = demoPerFile()

describe('who may do what', () => {
  it('journey 4: a group-scoped admin sees and acts on their groups only; a technician sees no invite button and the API refuses a hand-made invite', async () => {
    const ctx = e2e()
    // A technician: Oliver Bennett.
    await withPeople(ctx, 'journey-4-technician', ['page'], async ({ page }) => {
      await page.goto(`${ctx.demo.url}/settings/users`)
      await page.getByRole('combobox', { name: 'Organization' }).selectOption({ label: 'Northwind Support' })
      await page
        .getByRole('combobox', { name: 'Signed in as' })
        .selectOption({ label: 'Oliver Bennett — Technician' })
      await page.getByRole('navigation').getByRole('link', { name: 'Invite' }).waitFor({ state: 'detached' })
      // Nor a Users link that would lead to a refusal; Customers, their own page, stays.
      await page.getByRole('navigation').getByRole('link', { name: 'Users' }).waitFor({ state: 'detached' })
      await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).waitFor()
      await page.goto(`${ctx.demo.url}/settings/invite`)
      await page.getByRole('note').waitFor()
      expect(await page.getByRole('button', { name: 'Send invitations' }).count()).toBe(0)
      await screenshot(page, 'journey-4-technician')
    })

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

    // A group-scoped admin: James O’Connor administers "Customers London" (Camden, Camden Market, Canary Wharf). Amelia
    // Clarke (Salford Quays), George Hughes (Northern Quarter) and the owner are outside it.
    await withPeople(ctx, 'journey-4-group-admin', ['page'], async ({ page }) => {
      await actAs(page, ctx, '/settings/users', 'Northwind Support', 'James O’Connor — Group admin')
      const table = page.getByRole('table', { name: 'Users' })
      await table.getByRole('row').filter({ hasText: 'Oliver Bennett' }).waitFor()
      const names = await table.getByRole('row').allInnerTexts()
      for (const inside of ['Oliver Bennett', 'Harry Patel', 'Grace Morgan', 'Emily Watson']) {
        expect(names.some((text) => text.includes(inside))).toBe(true)
      }
      for (const outside of ['Amelia Clarke', 'George Hughes', 'Eleanor Whitfield']) {
        expect(names.some((text) => text.includes(outside))).toBe(false)
      }
      // Searching by name does not reach them either.
      await page.getByRole('searchbox', { name: 'Search users' }).fill('Amelia')
      await page.getByText('No users match').waitFor()
      expect(await axeViolations(page)).toEqual([])
      await screenshot(page, 'journey-4-group-admin')

      // The customer groups they look after: London's subtree only.
      await page.getByRole('navigation').getByRole('link', { name: 'Customers' }).click()
      const groups = page.getByRole('list', { name: 'Customer groups' })
      await groups.waitFor()
      const groupNames = await groups.locator('.relai-customer-name').allInnerTexts()
      expect(groupNames).toEqual(['Customers London', 'Camden', 'Camden Market', 'Canary Wharf'])
      expect(await axeViolations(page)).toEqual([])
    })

    // The API, asked by hand with James's own token, refuses every action on Amelia: for him she
    // does not exist (404, as for another organization's id: nothing leaks).
    const amelia = await findUser(ctx, 'amelia.clarke@northwind.example')
    const asOwner = usherApi(ctx, await tokenFor(ctx, 'eleanor.whitfield@northwind.example'))
    const asAdmin = usherApi(ctx, await tokenFor(ctx, 'james.oconnor@northwind.example'))
    const etag = (await asOwner(`/users/${amelia.id}`)).headers.get('ETag') ?? ''
    expect(etag).not.toBe('')
    const sharesBefore = await (await asOwner(`/users/${amelia.id}/shares`)).json()
    expect((sharesBefore as { items: unknown[] }).items.length).toBeGreaterThan(0)

    expect((await asAdmin(`/users/${amelia.id}`)).status).toBe(404)
    const disable = await asAdmin(`/users/${amelia.id}`, {
      method: 'PATCH',
      headers: { 'If-Match': etag },
      body: JSON.stringify({ enabled: false }),
    })
    expect(disable.status).toBe(404)
    expect((await asAdmin(`/users/${amelia.id}`, { method: 'DELETE' })).status).toBe(404)
    const shares = await asAdmin(`/users/${amelia.id}/shares`, {
      method: 'PUT',
      headers: { 'If-Match': '"0"' },
      body: JSON.stringify({ shares: [] }),
    })
    expect(shares.status).toBe(404)
    const bulk = await asAdmin('/users/bulk', {
      method: 'POST',
      body: JSON.stringify({ action: 'disable', userIds: [amelia.id] }),
    })
    const bulkBody = (await bulk.json()) as { results?: Array<{ ok: boolean; error?: { code: string } }> }
    expect(bulkBody.results?.[0]?.ok).toBe(false)
    expect(bulkBody.results?.[0]?.error?.code).toBe('not_found')
    const search = (await (await asAdmin('/users?q=amelia')).json()) as { items: unknown[] }
    expect(search.items).toEqual([])

    // Nothing changed for her: same version, still active, her shares intact.
    const after = await asOwner(`/users/${amelia.id}`)
    expect(after.headers.get('ETag')).toBe(etag)
    expect(((await after.json()) as { status: string }).status).toBe('active')
    expect(await (await asOwner(`/users/${amelia.id}/shares`)).json()).toEqual(sharesBefore)
  })
})
