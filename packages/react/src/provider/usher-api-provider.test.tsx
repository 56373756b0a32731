import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { render, screen } from '@testing-library/react'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createWorld, serverUrl } from '../../test/render'
import type { World } from '../../test/world'
import { useMe } from '../hooks/use-me'
import { SeatUsage } from '../ui/seat-usage'
import { tokenFromEndpoint } from './token-endpoint'
import { UsherApiProvider } from './usher-api-provider'

// The host's token endpoint: answers the signed-in owner's token, as a host backend would from
// its session, and counts how often it is asked.
let world: World
let tokenServer: Server
let tokenUrl: string
let asked = 0
beforeAll(async () => {
  world = await createWorld()
  tokenServer = createServer((req, res) => {
    asked++
    if (req.url === '/plain') {
      res.setHeader('content-type', 'text/plain')
      res.end(`${world.tokens.owner}\n`)
    } else if (req.url === '/signed-out') {
      res.statusCode = 401
      res.end()
    } else {
      res.setHeader('content-type', 'application/json')
      res.end(JSON.stringify({ token: world.tokens.owner }))
    }
  })
  await new Promise<void>((resolve) => tokenServer.listen(0, '127.0.0.1', resolve))
  tokenUrl = `http://127.0.0.1:${(tokenServer.address() as AddressInfo).port}/token`
})
afterAll(() => new Promise<void>((resolve) => tokenServer.close(() => resolve())))

function Caller() {
  const me = useMe()
  return <p>{me.data ? me.data.user.email : me.isError ? 'failed' : 'loading'}</p>
}

describe('given the provider a Server Component renders, with strings only', () => {
  it('builds its client from the base URL and the token endpoint, and calls the API as the signed-in user', async () => {
    const props = JSON.parse(JSON.stringify({ baseUrl: serverUrl(), tokenUrl, locale: 'fr', theme: 'dark' }))
    render(
      <UsherApiProvider {...props}>
        <Caller />
        <SeatUsage />
      </UsherApiProvider>,
    )
    expect(await screen.findByText(world.emails.owner)).toBeInTheDocument()
    expect(document.querySelector('[data-slot="usher-root"]')).toHaveAttribute('lang', 'fr')
    expect(document.querySelector('[data-slot="usher-root"]')).toHaveAttribute('data-theme', 'dark')
  })
})

describe('given a token endpoint', () => {
  it('asks once for a token and reuses it until shortly before it expires', async () => {
    let now = Date.now()
    const token = tokenFromEndpoint(tokenUrl, { now: () => now })
    const before = asked
    const [a, b] = await Promise.all([token(), token()])
    expect(a).toBe(world.tokens.owner)
    expect(b).toBe(a)
    await token()
    expect(asked - before).toBe(1)
    const exp = JSON.parse(atob(a.split('.')[1] ?? '')).exp as number
    now = exp * 1000 - 10_000
    await token()
    expect(asked - before).toBe(2)
  })

  it('reads a plain-text token, and names the endpoint when it refuses', async () => {
    const base = tokenUrl.replace(/\/token$/, '')
    expect(await tokenFromEndpoint(`${base}/plain`)()).toBe(world.tokens.owner)
    await expect(tokenFromEndpoint(`${base}/signed-out`)()).rejects.toThrow(
      `The token endpoint ${base}/signed-out answered 401.`,
    )
  })
})
