import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http'
import type { AddressInfo } from 'node:net'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { getRequestListener } from '@hono/node-server'
import { createUsherServer, type DemoSeedResult, seedDemo, type UsherServer } from '@usher/server'
import { Hono } from 'hono'
import type { ViteDevServer } from 'vite'
import { openStorage } from './data-dir'
import { createDemoApi } from './demo-api'
import { DEMO_ROLES } from './roles'
import { serveBuiltApp } from './static-files'
import { hasStorybook, serveStorybook } from './storybook'

/** `apps/demo`: vite.config.ts, index.html, src/ and dist/ are here. */
export const APP_DIR = fileURLToPath(new URL('..', import.meta.url))
export const DIST_DIR = join(APP_DIR, 'dist')
export const PRODUCT_NAME = 'Relai Support'

export interface StartDemoOptions {
  /**
   * `dev`: Vite in middleware mode (hot reload); `production`: the built app from dist/;
   * `api`: the API only (tests).
   */
  mode: 'dev' | 'production' | 'api'
  /** Tried first; when taken, the next ones (up to 10), then any free port. 0: any free port. */
  port: number
  /** The interface to listen on. @default '127.0.0.1' (the demo signs tokens for anyone who asks) */
  host?: string
  /** A folder (database + secret), or `memory://`. */
  dataDir: string
  /** Progress lines; the default prints them. */
  log?: (line: string) => void
}

export interface DemoServer {
  /** Where the app is: `http://localhost:<port>`. */
  url: string
  port: number
  usher: UsherServer
  seed: DemoSeedResult
  close(): Promise<void>
}

type Listener = (req: IncomingMessage, res: ServerResponse) => void

/**
 * One port for everything: Usher under /api/usher, the demo's endpoints under /api/demo, the app
 * at every other path. The port is bound first, because the invitation links in the emails name
 * the demo's origin, and the free port is only known then.
 */
export async function startDemo(options: StartDemoOptions): Promise<DemoServer> {
  const log = options.log ?? ((line: string) => console.log(line))
  let handle: Listener = (_req, res) => {
    res.writeHead(503, { 'Content-Type': 'text/plain', 'Retry-After': '1' }).end('The demo is starting…')
  }
  const http = createServer((req, res) => handle(req, res))
  const port = await listen(http, options.port, options.host ?? '127.0.0.1', log)
  const url = `http://localhost:${port}`

  let usher: UsherServer | undefined
  let vite: ViteDevServer | undefined
  const close = async () => {
    await new Promise<void>((resolve) => {
      http.close(() => resolve())
      // Idle keep-alive connections (a browser tab) would hold close() open.
      http.closeAllConnections()
    })
    await vite?.close()
    await usher?.close()
  }

  try {
    const storage = openStorage(options.dataDir)
    usher = createUsherServer({
      // Always embedded PGlite: `url: ''` (not undefined, which means "DATABASE_URL") keeps a
      // DATABASE_URL in the environment from pointing the demo's seed at a real server.
      database: { url: '', ...(storage.databaseDir ? { dataDir: storage.databaseDir } : {}) },
      auth: { secret: storage.secret },
      roles: DEMO_ROLES,
      // No SMTP: every email stays in the outbox table, which the Outbox page shows.
      mailer: { transport: null },
      links: {
        acceptInvitationUrl: `${url}/accept-invitation`,
        resetPasswordUrl: `${url}/reset-password`,
        signInUrl: `${url}/sign-in`,
        productName: PRODUCT_NAME,
      },
    })
    await usher.ready.catch((error: unknown) => {
      throw new Error(
        `the database could not be opened or migrated (${error instanceof Error ? error.message : String(error)}).` +
          (storage.databaseDir ? ' Start over with a fresh database: add --reset.' : ''),
      )
    })
    const seed = await seedDemo(usher, {
      acceptInvitationUrl: `${url}/accept-invitation`,
      productName: PRODUCT_NAME,
    }).catch((error: unknown) => {
      throw new Error(
        `the demo data could not be read (${error instanceof Error ? error.message : String(error)}). ` +
          'Start over with a fresh database: add --reset.',
      )
    })
    const created = seed.organizations.filter((org) => org.created).length
    log(
      created
        ? `Seeded ${created} demo organization${created > 1 ? 's' : ''} (${storage.label})`
        : `Demo data: ${storage.label}`,
    )

    const app = new Hono()
    app.route('/api/demo', createDemoApi(usher, seed))
    app.route('/api/usher', usher)
    // Paths under the prefix that no Usher route matches get Usher's own 404 problem.
    const usherFetch = usher.fetch
    app.all('/api/usher/*', (c) => usherFetch(c.req.raw))
    app.all('/api/*', (c) => c.json({ error: 'Not found' }, 404))
    // The built Storybook (the main job builds it), beside the app.
    if (hasStorybook()) app.get('/storybook/*', serveStorybook()).get('/storybook', serveStorybook())
    if (options.mode === 'production') app.get('*', serveBuiltApp(DIST_DIR))
    const api = getRequestListener(app.fetch)

    if (options.mode === 'dev') {
      const { createServer: createViteServer } = await import('vite')
      vite = await createViteServer({
        configFile: join(APP_DIR, 'vite.config.ts'),
        root: APP_DIR,
        appType: 'spa',
        // Hot reload over the same port as everything else.
        server: { middlewareMode: true, hmr: { server: http }, port },
      })
      const middlewares = vite.middlewares
      handle = (req, res) => (req.url?.startsWith('/api/') ? api(req, res) : middlewares(req, res))
    } else {
      handle = (req, res) => api(req, res)
    }
    return { url, port, usher, seed, close }
  } catch (error) {
    await close().catch(() => {})
    throw error
  }
}

function listen(http: Server, first: number, host: string, log: (line: string) => void): Promise<number> {
  const attempt = (port: number, left: number): Promise<number> =>
    new Promise((resolve, reject) => {
      const onError = (error: NodeJS.ErrnoException) => {
        http.off('listening', onListening)
        if (error.code !== 'EADDRINUSE' || port === 0) return reject(error)
        const next = left > 0 ? port + 1 : 0
        log(`Port ${port} is taken; trying ${next || 'a free one'}.`)
        resolve(attempt(next, left - 1))
      }
      const onListening = () => {
        http.off('error', onError)
        resolve((http.address() as AddressInfo).port)
      }
      http.once('error', onError)
      http.once('listening', onListening)
      http.listen(port, host)
    })
  return attempt(first, 10)
}
