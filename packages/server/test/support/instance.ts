/**
 * One Usher instance in its own process, as a host runs several behind a balancer: the server on
 * DATABASE_URL, mail through SMTP_URL, an outbox drain every FLUSH_MS as a host's worker would
 * run it. Prints one JSON line `{ url, pid }` once it serves; SIGTERM closes it. Started by the
 * scale-out test and the mixed-load bench (`startInstances`).
 *
 * Environment: DATABASE_URL, SMTP_URL, USHER_JWT_SECRET (required); LOGIN_ATTEMPTS,
 * PUBLIC_PER_MINUTE, FLUSH_MS, POOL_SIZE, SCHEDULER_PERIOD_SECONDS (every recurring job's period,
 * ticking and polling twice as often; optional).
 */
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { createUsherServer, JOBS } from '../../src/index'

const url = process.env.DATABASE_URL
if (!url || !process.env.SMTP_URL || !process.env.USHER_JWT_SECRET) {
  throw new Error('an instance needs DATABASE_URL, SMTP_URL and USHER_JWT_SECRET')
}
const numberFrom = (name: string) => (process.env[name] ? Number(process.env[name]) : undefined)

function schedulerSettings(period: number | undefined) {
  if (!period) return {}
  const periods = Object.fromEntries(Object.values(JOBS).map((name) => [name, period]))
  return { periods, tickSeconds: period / 2, pollSeconds: Math.max(0.5, period / 2) }
}

const server = createUsherServer({
  database: { url, poolSize: numberFrom('POOL_SIZE') },
  links: { acceptInvitationUrl: 'http://app.test/accept', resetPasswordUrl: 'http://app.test/reset' },
  logger: { info() {}, warn: (m, f) => console.error('warn', m, f), error: (m, f) => console.error(m, f) },
  limits: { loginAttempts: numberFrom('LOGIN_ATTEMPTS'), publicPerMinute: numberFrom('PUBLIC_PER_MINUTE') },
  scheduler: schedulerSettings(numberFrom('SCHEDULER_PERIOD_SECONDS')),
})
await server.ready
// An instance whose job engine failed to start still serves; the scale-out tests want both running.
const scheduler = await (server.scheduler?.started ?? Promise.reject(new Error('no scheduler'))).then(
  () => 'started',
  (error) => `failed: ${String(error)}`,
)
const http = serve({ fetch: server.fetch, port: 0, hostname: '127.0.0.1' })
await new Promise<void>((resolve) => http.once('listening', () => resolve()))

let draining = false
const drain = setInterval(() => {
  if (draining) return
  draining = true
  server
    .flushMail()
    .catch((error) => console.error('drain failed', String(error)))
    .finally(() => {
      draining = false
    })
}, numberFrom('FLUSH_MS') ?? 200)

console.log(
  JSON.stringify({
    url: `http://127.0.0.1:${(http.address() as AddressInfo).port}`,
    pid: process.pid,
    scheduler,
  }),
)

process.on('SIGTERM', () => {
  clearInterval(drain)
  http.close()
  server.close().finally(() => process.exit(0))
})
