/**
 * The Relai Support demo: Usher's API and the host app on one port.
 *
 *   pnpm --filter @usher/demo dev      Vite in middleware mode (hot reload)
 *   pnpm --filter @usher/demo start    the built app (built first when dist/ is missing or older
 *                                      than its sources); with --smoke, or when CI is set: check
 *                                      that it answers, then stop
 */
import { rm } from 'node:fs/promises'
import { parseArgs } from 'node:util'
import { buildIfNeeded } from './build-if-needed'
import { DEFAULT_DATA_DIR, MEMORY } from './data-dir'
import { runSmokeCheck } from './smoke'
import { type DemoServer, startDemo } from './start-demo'
import { hasStorybook } from './storybook'

const HELP = `Relai Support, the Usher demo

  tsx server/main.ts [--dev] [--smoke] [--memory] [--reset]

  --dev      serve the app through Vite (hot reload) instead of the build in dist/
  --smoke    start, check that the app and the API answer, stop (also when CI is set)
  --memory   keep the database in memory (nothing written to disk; the smoke check does this)
  --reset    delete the demo's data folder first: a fresh database, a fresh seed

  PORT            the port to try first (default 5173; the next free one when taken)
  HOST            the interface to listen on (default 127.0.0.1)
  DEMO_DATA_DIR   the data folder (default apps/demo/.usher-data): PGlite's files and the token secret
`

function isCi(): boolean {
  const ci = process.env.CI
  return Boolean(ci) && ci !== 'false' && ci !== '0'
}

function requestedPort(): number {
  const raw = process.env.PORT || '5173'
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65_535) throw new Error(`PORT is not a port: "${raw}"`)
  return port
}

async function main() {
  const { values } = parseArgs({
    options: {
      dev: { type: 'boolean', default: false },
      smoke: { type: 'boolean', default: false },
      memory: { type: 'boolean', default: false },
      reset: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  })
  if (values.help) {
    console.log(HELP)
    return
  }
  const started = performance.now()
  const smoke = values.smoke || (isCi() && !values.dev)
  const dataDir = values.memory || smoke ? MEMORY : process.env.DEMO_DATA_DIR || DEFAULT_DATA_DIR
  if (values.reset && dataDir !== MEMORY) {
    await rm(dataDir, { recursive: true, force: true })
    console.log(`--reset: removed ${dataDir}`)
  }
  if (!values.dev) await buildIfNeeded((line) => console.log(line))

  const demo = await startDemo({
    mode: values.dev ? 'dev' : 'production',
    port: requestedPort(),
    host: process.env.HOST || undefined,
    dataDir,
  })
  const seconds = ((performance.now() - started) / 1000).toFixed(1)

  if (smoke) {
    try {
      await runSmokeCheck(demo, (line) => console.log(line))
      if (hasStorybook()) {
        // The Storybook the main job built answers beside the app: its manager and its story frame.
        for (const page of ['/storybook/', '/storybook/iframe.html']) {
          const res = await fetch(`${demo.url}${page}`)
          if (!res.ok) throw new Error(`${page} answered ${res.status}`)
        }
      }
      console.log(`Usher demo on ${demo.url} (ready in ${seconds} s; smoke check passed, stopping)`)
      if (hasStorybook()) console.log(`Storybook on ${demo.url}/storybook/`)
    } finally {
      await demo.close()
    }
    return
  }

  console.log(`Usher demo on ${demo.url}`)
  if (hasStorybook()) console.log(`Storybook on ${demo.url}/storybook/`)
  printAccounts(demo)
  stopOnSignals(demo)
}

function printAccounts(demo: DemoServer) {
  for (const org of demo.seed.organizations) {
    const people = org.accounts.filter((a) => [org.ownerId, org.adminId, org.technicianId].includes(a.userId))
    console.log(`  ${org.name}: ${people.map((a) => `${a.name} (${a.role})`).join(', ')}`)
  }
  console.log('  Switch accounts, language and theme in the header. Ctrl+C stops.')
}

function stopOnSignals(demo: DemoServer) {
  let stopping = false
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) process.exit(130) // a second Ctrl+C: do not wait
    stopping = true
    console.log(`${signal}: closing`)
    const timer = setTimeout(() => {
      console.error('The demo did not close within 10 s; exiting anyway.')
      process.exit(1)
    }, 10_000)
    timer.unref()
    demo.close().then(
      () => process.exit(0),
      (error) => {
        console.error('Closing the demo failed:', error)
        process.exit(1)
      },
    )
  }
  process.on('SIGINT', stop)
  process.on('SIGTERM', stop)
}

main().then(
  // The smoke check and --help end here; a running demo keeps its server open.
  () => {},
  (error) => {
    console.error(`The demo failed: ${error instanceof Error ? error.message : String(error)}`)
    if (error instanceof Error && error.stack && process.env.DEBUG) console.error(error.stack)
    process.exit(1)
  },
)
