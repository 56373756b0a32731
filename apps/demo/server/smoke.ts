import type { DemoAccountsResponse, DemoOutboxResponse, DemoSessionResponse } from './api-types'
import type { DemoServer } from './start-demo'

/**
 * What CI checks: the app's page and its script load, a demo token opens Usher's API, the outbox
 * answers. Over HTTP on 127.0.0.1, like a browser would (without one).
 */
export async function runSmokeCheck(demo: DemoServer, log: (line: string) => void): Promise<void> {
  const base = `http://127.0.0.1:${demo.port}`
  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${base}${path}`, { ...init, signal: AbortSignal.timeout(15_000) })
    if (!response.ok)
      throw new Error(`smoke check: ${init?.method ?? 'GET'} ${path} answered ${response.status}`)
    return response
  }

  const html = await (await get('/')).text()
  if (!html.includes('<div id="root">')) throw new Error('smoke check: / does not serve the app’s HTML')
  const script = html.match(/<script[^>]+src="([^"]+)"/)?.[1]
  if (!script) throw new Error('smoke check: the app’s HTML names no script')
  const js = await get(script)
  if (!js.headers.get('content-type')?.includes('javascript')) {
    throw new Error(`smoke check: ${script} is not served as JavaScript`)
  }
  // A route of the app (an email's link) gets the same page.
  const accept = await (await get('/accept-invitation?token=x')).text()
  if (!accept.includes('<div id="root">')) throw new Error('smoke check: /accept-invitation is not the app')
  log(`  ok  /, ${script} and /accept-invitation serve the app`)

  const accounts = (await (await get('/api/demo/accounts')).json()) as DemoAccountsResponse
  const owner = accounts.organizations[0]?.accounts.find((a) => a.persona === 'owner')
  if (!owner) throw new Error('smoke check: /api/demo/accounts lists no owner')
  const session = (await (
    await get('/api/demo/session', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ userId: owner.userId }),
    })
  ).json()) as DemoSessionResponse
  const me = (await (
    await get('/api/usher/me', { headers: { Authorization: `Bearer ${session.token}` } })
  ).json()) as { user: { id: string } }
  if (me.user.id !== owner.userId) throw new Error('smoke check: /api/usher/me is not the signed-in owner')
  log(`  ok  /api/usher/me answers 200 for ${owner.name} with a demo token`)

  const outbox = (await (await get('/api/demo/outbox')).json()) as DemoOutboxResponse
  if (!Array.isArray(outbox.messages)) throw new Error('smoke check: /api/demo/outbox has no messages list')
  log(`  ok  /api/demo/outbox answers (${outbox.messages.length} emails)`)
}
