#!/usr/bin/env node
/** Standalone Usher API: `usher-server` (serve) or `usher-server seed`. Configured from the environment. */
import { randomBytes } from 'node:crypto'
import { parseArgs } from 'node:util'
import { serve } from '@hono/node-server'
import { Hono } from 'hono'
import { createUsherServer, type UsherServer } from './app/create-usher-server'
import type { UsherServerOptions } from './app/options'
import { type DemoSeedResult, seedDemo } from './seed/demo-seed'

const HELP = `Usher API server

Usage:
  usher-server [serve] [--dev] [--seed]   serve the API over HTTP
  usher-server seed                       fill the demo organizations (idempotent) and list their accounts
  usher-server --help

Options:
  --dev     without USHER_JWT_SECRET / USHER_JWKS_URL, generate a random secret (printed; new at every start)
  --seed    serve: fill the demo first (same as running \`usher-server seed\` before)

Environment:
  PORT               HTTP port (default 4318)
  HOST               interface to listen on (default: all)
  DATABASE_URL       PostgreSQL connection string; without it, embedded PGlite is used
  USHER_DATA_DIR     PGlite's folder (default ./.usher-data; "memory://" keeps everything in memory)
  USHER_JWT_SECRET   HS256 secret (32+ characters) the host signs its tokens with; also signs built-in sessions
  USHER_JWKS_URL     JWKS URL to verify the host's tokens instead (RS256, ES256, EdDSA...)
  SMTP_URL           send mail through this SMTP server (e.g. smtp://user:pass@mail.example.com:587);
                     without it, mail only goes to the outbox table
  SMTP_FROM          sender address (default "Usher <no-reply@usher.localhost>")
  USHER_APP_URL      the app that serves the accept and reset pages (links: $USHER_APP_URL/accept-invitation,
                     $USHER_APP_URL/reset-password; default http://localhost:5173)
  USHER_MOUNT_PATH   serve the API under this prefix, e.g. /api/usher (default: at the root)
  USHER_TRUST_PROXY  how many proxies of yours (load balancer, ingress) append to X-Forwarded-For in front
                     of the server: the per-address limits count the client they forward (default 0: the
                     socket's peer, the header ignored)
  USHER_CORS_ORIGINS origins whose pages may call the API from a browser, comma-separated
                     (e.g. https://app.example.com,http://localhost:5173; default: none)
`

const DEFAULT_DATA_DIR = './.usher-data'

function fail(message: string): never {
  console.error(`usher-server: ${message}`)
  process.exit(1)
}

function parseCommandLine() {
  try {
    const argv = process.argv.slice(2)
    // `pnpm start -- --dev` passes the `--` along.
    if (argv[0] === '--') argv.shift()
    const { values, positionals } = parseArgs({
      args: argv,
      options: {
        help: { type: 'boolean', short: 'h' },
        dev: { type: 'boolean' },
        seed: { type: 'boolean' },
      },
      allowPositionals: true,
    })
    const command = positionals[0] ?? 'serve'
    if (positionals.length > 1 || (command !== 'serve' && command !== 'seed')) {
      fail(`unknown command "${positionals.join(' ')}" (try --help)`)
    }
    return { command, help: values.help ?? false, dev: values.dev ?? false, seed: values.seed ?? false }
  } catch (error) {
    fail(`${error instanceof Error ? error.message : String(error)} (try --help)`)
  }
}

function appUrl(): string {
  return (process.env.USHER_APP_URL || 'http://localhost:5173').replace(/\/+$/, '')
}

/** `/api/usher/` → `/api/usher`; empty or `/` → null (served at the root). */
function mountPath(): string | null {
  const raw = process.env.USHER_MOUNT_PATH?.trim()
  if (!raw || raw === '/') return null
  return `/${raw.replace(/^\/+|\/+$/g, '')}`
}

function port(): number {
  const raw = process.env.PORT || '4318'
  const value = Number(raw)
  if (!Number.isInteger(value) || value < 0 || value > 65_535)
    fail(`PORT must be a port number, not "${raw}"`)
  return value
}

function serverOptions(auth: UsherServerOptions['auth']): UsherServerOptions {
  const url = process.env.DATABASE_URL
  const base = appUrl()
  return {
    database: url ? { url } : { dataDir: process.env.USHER_DATA_DIR || DEFAULT_DATA_DIR },
    auth,
    links: {
      acceptInvitationUrl: `${base}/accept-invitation`,
      resetPasswordUrl: `${base}/reset-password`,
      signInUrl: `${base}/sign-in`,
    },
    ...corsOrigins(),
    ...(process.env.USHER_TRUST_PROXY ? { trustProxy: Number(process.env.USHER_TRUST_PROXY) } : {}),
  }
}

/** USHER_CORS_ORIGINS=a,b → the cors option; unset or empty → none (same-origin only). */
function corsOrigins(): Pick<UsherServerOptions, 'cors'> {
  const origins = (process.env.USHER_CORS_ORIGINS ?? '')
    .split(',')
    .map((origin) => origin.trim())
    .filter(Boolean)
  return origins.length > 0 ? { cors: { origins } } : {}
}

function describeDatabase(): string {
  if (process.env.DATABASE_URL) {
    // Never print the password of the connection string.
    const url = new URL(process.env.DATABASE_URL)
    return `PostgreSQL at ${url.host}${url.pathname}`
  }
  const dir = process.env.USHER_DATA_DIR || DEFAULT_DATA_DIR
  return dir.startsWith('memory://') ? 'PGlite in memory' : `PGlite in ${dir}`
}

function printAccounts(result: DemoSeedResult) {
  const rows = result.organizations.flatMap((org) =>
    org.accounts.map((a) => [org.slug, a.role, a.status, a.name, a.email, a.password ?? '-']),
  )
  const header = ['organization', 'role', 'status', 'name', 'email', 'password']
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)))
  const line = (cells: string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd()
  console.log(line(header))
  console.log(line(widths.map((w) => '-'.repeat(w))))
  for (const row of rows) console.log(line(row))
  for (const org of result.organizations) {
    console.log(
      `${org.name} (${org.slug}, id ${org.id}): ${org.created ? 'created' : 'already there, left as it was'}`,
    )
  }
}

async function runSeed(usher: UsherServer) {
  const result = await seedDemo(usher, { acceptInvitationUrl: `${appUrl()}/accept-invitation` })
  printAccounts(result)
  return result
}

async function main() {
  const args = parseCommandLine()
  if (args.help) {
    console.log(HELP)
    return
  }

  if (args.command === 'seed') {
    // Seeding signs no token: no secret needed.
    const usher = createUsherServer(serverOptions({ secret: process.env.USHER_JWT_SECRET || undefined }))
    try {
      await usher.ready
      console.log(`Seeding the demo into ${describeDatabase()}`)
      await runSeed(usher)
    } finally {
      await usher.close()
    }
    return
  }

  let secret = process.env.USHER_JWT_SECRET || undefined
  const jwksUrl = process.env.USHER_JWKS_URL || undefined
  if (!secret && !jwksUrl) {
    if (!args.dev) {
      fail(
        'set USHER_JWT_SECRET (an HS256 secret of 32+ characters) or USHER_JWKS_URL so the server can verify ' +
          'bearer tokens; or start with --dev for a throw-away secret.',
      )
    }
    secret = randomBytes(32).toString('base64url')
    console.log(`--dev: no USHER_JWT_SECRET, using a random one for this run:\n  USHER_JWT_SECRET=${secret}`)
  }
  if (secret && secret.length < 32) fail('USHER_JWT_SECRET must be at least 32 characters.')

  const usher = createUsherServer(serverOptions({ secret, jwksUrl }))
  try {
    await usher.ready
  } catch (error) {
    await usher.close().catch(() => {})
    fail(`the database could not be opened or migrated: ${error instanceof Error ? error.message : error}`)
  }
  if (args.seed) await runSeed(usher)

  const prefix = mountPath()
  // Under a prefix, paths outside it get Usher's own 404 problem rather than Hono's plain text.
  const app = prefix ? new Hono().route(prefix, usher).notFound((c) => usher.fetch(c.req.raw)) : usher
  const hostname = process.env.HOST || undefined
  const http = serve({ fetch: app.fetch, port: port(), hostname }, (info) => {
    const host = hostname && hostname !== '0.0.0.0' && hostname !== '::' ? hostname : 'localhost'
    console.log(`Usher API on http://${host}:${info.port}${prefix ?? ''} (${describeDatabase()})`)
  })
  http.on('error', (error) => fail(`cannot listen: ${error.message}`))

  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) {
      // A second Ctrl-C: do not wait any longer.
      process.exit(130)
    }
    stopping = true
    console.log(`${signal}: closing`)
    // Requests in flight finish; idle keep-alive connections would hold close() open.
    const timer = setTimeout(() => {
      console.error('usher-server: requests still open after 10 s, exiting anyway')
      process.exit(1)
    }, 10_000)
    timer.unref()
    http.close(() => {
      usher.close().then(
        () => process.exit(0),
        (error) => {
          console.error('usher-server: closing the database failed', error)
          process.exit(1)
        },
      )
    })
    if ('closeIdleConnections' in http) http.closeIdleConnections()
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().catch((error) => {
  console.error(error instanceof Error ? (error.stack ?? error.message) : error)
  process.exit(1)
})
