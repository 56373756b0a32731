// @vitest-environment node
import { createUsherClient } from '@usher/sdk'
import { renderToString } from 'react-dom/server'
import { describe, expect, it } from 'vitest'

describe('given a server render (Next.js App Router, no DOM)', () => {
  it('imports the whole package and renders the provider and components without touching window', async () => {
    expect(typeof (globalThis as { window?: unknown }).window).toBe('undefined')
    const usher = await import('../src/index')
    const client = createUsherClient({ baseUrl: 'http://127.0.0.1:9' })
    const html = renderToString(
      <usher.UsherProvider client={client} locale="fr" theme="dark">
        <usher.RoleBadge roleKey="admin" />
        <usher.StatusBadge status="active" />
        <usher.UserTable />
        <usher.InviteForm />
      </usher.UsherProvider>,
    )
    expect(html).toContain('data-theme="dark"')
    expect(html).toContain('Administrateur')
    expect(html).toContain('Actif')
  })
})
