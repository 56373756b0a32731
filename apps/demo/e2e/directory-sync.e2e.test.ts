import { describe, expect, it } from 'vitest'
import { actAs, axeViolations, demoPerFile, screenshot, withPeople } from './support'

const e2e = demoPerFile()

describe('directory sync', () => {
  it('seed 004: the owner connects Entra ID alone; the people it pushes appear in Users', async () => {
    const ctx = e2e()
    await withPeople(ctx, 'seed-004-directory-sync', ['owner'], async ({ owner }) => {
      await actAs(owner, ctx, '/settings/users', 'Northwind Support', 'Eleanor Whitfield — Owner')
      await owner.getByRole('navigation').getByRole('link', { name: 'Directory sync' }).click()
      const url = await owner.getByLabel('Tenant URL (SCIM 2.0 base URL)').inputValue()
      expect(url).toBe(`${ctx.demo.url}/api/usher/scim/v2`)
      await owner.getByLabel('Token name').fill('Entra ID')
      await owner.getByRole('button', { name: 'Create token' }).click()
      const secret = await owner.getByLabel('Secret token for “Entra ID”').inputValue()

      // What Entra's provisioning service sends first, at the URL and with the token the panel gave.
      const created = await fetch(`${url}/Users`, {
        method: 'POST',
        headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'application/scim+json' },
        body: JSON.stringify({
          schemas: ['urn:ietf:params:scim:schemas:core:2.0:User'],
          userName: 'marie.curie@northwind.example',
          externalId: '0a21f0f2-8d2a-4f8e-bf98-7363c4aed4ef',
          active: true,
          emails: [{ primary: true, type: 'work', value: 'marie.curie@northwind.example' }],
          name: { givenName: 'Marie', familyName: 'Curie' },
        }),
      })
      expect(created.status).toBe(201)
      await owner.getByRole('button', { name: 'I have copied it' }).click()
      await owner.getByRole('button', { name: 'Refresh' }).click()
      await owner.getByRole('table', { name: 'Last requests' }).getByText('Create a person').waitFor()
      expect(await axeViolations(owner)).toEqual([])
      await screenshot(owner, 'seed-004-directory-sync')

      // The Users list read before the push is in the page's cache: a fresh load reads it again.
      await owner.goto(`${ctx.demo.url}/settings/users`)
      await owner.getByText('marie.curie@northwind.example').first().waitFor()
    })
  })
})
