// What every example's smoke test does: start the host the way it runs in production, open it in
// Chromium (Debian's, driven by playwright-core), and fail on any console error or page error.
import { spawn } from 'node:child_process'
import { once } from 'node:events'
import { createServer } from 'node:net'
import { chromium } from 'playwright-core'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../scripts/chromium.mjs'

/** A free TCP port on 127.0.0.1. */
export async function freePort() {
  const server = createServer()
  server.listen(0, '127.0.0.1')
  await once(server, 'listening')
  const { port } = server.address()
  server.close()
  return port
}

/** Runs a command to its end; rejects with its output when it fails. */
export async function run(command, args, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], ...options })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const [code] = await once(child, 'exit')
  if (code !== 0) throw new Error(`${command} ${args.join(' ')} exited with ${code}:\n${output}`)
  return output
}

/** Starts a long-running process and waits until `url` answers; `stop()` ends it (and its children). */
export async function start(command, args, url, options = {}) {
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'], detached: true, ...options })
  let output = ''
  child.stdout.on('data', (d) => (output += d))
  child.stderr.on('data', (d) => (output += d))
  const stop = () => {
    try {
      process.kill(-child.pid, 'SIGTERM')
    } catch {}
  }
  const deadline = Date.now() + 60_000
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${command} exited early:\n${output}`)
    try {
      const res = await fetch(url)
      if (res.status < 500) break
    } catch {}
    if (Date.now() > deadline) {
      stop()
      throw new Error(`${url} did not answer within 60 s:\n${output}`)
    }
    await new Promise((r) => setTimeout(r, 250))
  }
  return { stop, output: () => output }
}

/**
 * Chromium with a fresh profile; `errors` collects console errors and uncaught page errors of
 * every page it opens.
 */
export async function openBrowser({ locale = 'en-US' } = {}) {
  const browser = await chromium.launch({
    executablePath: CHROMIUM_PATH,
    // Playwright gives each launch a fresh temporary profile of its own.
    args: CHROMIUM_ARGS,
  })
  const context = await browser.newContext({ locale })
  const errors = []
  context.on('page', watch)
  function watch(page) {
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(`console: ${message.text()} (${message.location().url})`)
    })
    page.on('pageerror', (error) => errors.push(`page error: ${error.message}`))
  }
  return {
    context,
    errors,
    newPage: () => context.newPage(),
    async close() {
      await browser.close()
    },
  }
}

/** Fails the run with a message; the caller's `finally` blocks still stop what they started. */
export function check(condition, message) {
  if (!condition) throw new Error(`smoke: ${message}`)
}
