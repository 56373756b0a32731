import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { HOST_ROLES } from '@usher/fixtures'
import { createUsherServer, type UsherServerOptions } from '@usher/server'
import { Hono } from 'hono'
import type { TestProject } from 'vitest/node'
import { createWorld, HOST_ROLES_PREFIX, type WorldOptions } from './world'

const SECRET = 'react-tests-secret-react-tests-secret-000000'

declare module 'vitest' {
  export interface ProvidedContext {
    usherUrl: string
  }
}

/**
 * Starts the real Usher server once for the whole run (Node side, in-memory PGlite, a free
 * port). Tests reach it over HTTP through the real SDK; `POST /__test/world` gives each test a
 * fresh organization with an owner, a group-scoped admin, technicians and groups, and tokens.
 * A second server, mounted under `/host-roles`, declares the host's roles of `@usher/fixtures`
 * (`HOST_ROLES`: the operator); `{ hostRoles: true }` puts the world there.
 */
export async function setup(project: TestProject) {
  const options: UsherServerOptions = {
    database: { dataDir: undefined },
    auth: { secret: SECRET },
    logger: { info() {}, warn() {}, error: (m, f) => console.error(m, f) },
    limits: { publicPerMinute: 100_000, loginAttempts: 100_000, resendIntervalSeconds: 0 },
  }
  const usher = createUsherServer(options)
  const withHostRoles = createUsherServer({ ...options, roles: HOST_ROLES })
  await Promise.all([usher.ready, withHostRoles.ready])
  const app = new Hono()
  app.post('/__test/world', async (c) => {
    const body = (await c.req.json().catch(() => ({}))) as WorldOptions
    return c.json(await createWorld(body.hostRoles ? withHostRoles : usher, body))
  })
  app.route(HOST_ROLES_PREFIX, withHostRoles)
  app.route('/', usher)
  const http = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' })
  await new Promise<void>((resolve) => http.once('listening', () => resolve()))
  // Node closes idle kept-alive sockets after 5 s; a test idling longer than that between calls
  // would race a socket the server is closing ("other side closed").
  if ('keepAliveTimeout' in http) http.keepAliveTimeout = 120_000
  project.provide('usherUrl', `http://127.0.0.1:${(http.address() as AddressInfo).port}`)
  return async () => {
    await new Promise<void>((resolve) => http.close(() => resolve()))
    await Promise.all([usher.close(), withHostRoles.close()])
  }
}
