// The Next.js host as a real one is made: Usher's packages packed (`pnpm pack`) and installed
// from their tarballs into a fresh copy of this app outside the workspace, then `next build` and
// `next start`. The page must come back in French for a French Accept-Language, and hydrate in
// a French Chromium with no console error, then list the organization's owner from the API.
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { check, freePort, openBrowser, run, start } from '../../shared/smoke.mjs'

const here = fileURLToPath(new URL('..', import.meta.url))
const packages = fileURLToPath(new URL('../../../packages/', import.meta.url))
const began = Date.now()
const lap = (label) =>
  console.log(`next example: ${label} after ${((Date.now() - began) / 1000).toFixed(1)} s`)

// The server README's Next.js recipe is these files, word for word.
const readme = readFileSync(join(packages, 'server/README.md'), 'utf8')
for (const file of ['next.config.ts', 'lib/usher.ts', 'app/api/usher/[...path]/route.ts']) {
  const block = readme.split(`\`${file}\`:\n\n\`\`\`ts\n`)[1]?.split('```')[0]
  check(
    block === readFileSync(join(here, file), 'utf8'),
    `the server README's ${file} differs from the example's`,
  )
}

// USHER_SMOKE_APP_DIR keeps the installed and built app there, and reuses it on the next run
// (to iterate on this script).
const reuse = process.env.USHER_SMOKE_APP_DIR
const OWNER = 'camille.durand@atelier-durand.example'
const app = reuse ?? mkdtempSync(join(tmpdir(), 'usher-next-'))
mkdirSync(app, { recursive: true })
let server
let browser
const fresh = !reuse || !existsSync(join(app, '.next/BUILD_ID'))
try {
  if (fresh) await install()
  const env = {
    ...process.env,
    NEXT_TELEMETRY_DISABLED: '1',
    USHER_JWT_SECRET: 'example-only-secret-example-only-secret-0123',
  }
  if (fresh) {
    await run('npx', ['next', 'build'], { cwd: app, env })
    lap('next build')
  }
  const port = await freePort()
  const url = `http://127.0.0.1:${port}`
  server = await start('npx', ['next', 'start', '-p', String(port), '-H', '127.0.0.1'], url, {
    cwd: app,
    env,
  })

  const html = await (await fetch(url, { headers: { 'Accept-Language': 'fr-FR,fr;q=0.9,en;q=0.8' } })).text()
  check(html.includes('<html lang="fr"'), 'the page is not French for a French Accept-Language')
  check(html.includes('Inviter des personnes'), 'the server rendered the invite form in another language')

  browser = await openBrowser({ locale: 'fr-FR' })
  const page = await browser.newPage()
  page.setDefaultTimeout(60_000)
  await page.goto(url)
  try {
    await page.getByRole('table', { name: 'Utilisateurs' }).getByText(OWNER).waitFor()
  } catch (error) {
    console.error(browser.errors, await page.locator('main').textContent(), server.output())
    throw error
  }
  check(
    (await page.locator('[data-slot="usher-root"]').getAttribute('lang')) === 'fr',
    'hydrated in another language',
  )
  check(browser.errors.length === 0, `console errors:\n${browser.errors.join('\n')}`)
  lap('French page hydrated in Chromium with no console error, users listed from the API')
} finally {
  await browser?.close()
  server?.stop()
  if (!reuse) rmSync(app, { recursive: true, force: true })
}

async function install() {
  const tarballs = {}
  for (const name of ['contract', 'sdk', 'react', 'server']) {
    const out = await run('pnpm', ['pack', '--pack-destination', app], { cwd: join(packages, name) })
    const tarball = out.trim().split('\n').pop()
    const listing = await run('tar', ['-tzf', tarball])
    check(
      listing.includes('package/dist/index.js'),
      `${tarball} has no dist/index.js: build @usher/${name} first`,
    )
    check(listing.includes('package/LICENSE'), `${tarball} has no LICENSE`)
    tarballs[`@usher/${name}`] = `file:${tarball}`
  }
  for (const entry of ['app', 'lib', 'next.config.ts', 'tsconfig.json']) {
    cpSync(join(here, entry), join(app, entry), { recursive: true })
  }
  const manifest = JSON.parse(readFileSync(join(here, 'package.json'), 'utf8'))
  const dependencies = { ...manifest.dependencies }
  for (const name of Object.keys(dependencies)) if (tarballs[name]) dependencies[name] = tarballs[name]
  const { 'playwright-core': _, ...devDependencies } = manifest.devDependencies
  writeFileSync(
    join(app, 'package.json'),
    JSON.stringify({
      name: 'host-next-app',
      private: true,
      type: 'module',
      dependencies,
      devDependencies,
      // The packages name each other by version; these versions live in the tarballs only.
      pnpm: { overrides: tarballs },
    }),
  )
  await run(
    'pnpm',
    ['install', '--prefer-offline', '--ignore-workspace', '--config.confirmModulesPurge=false'],
    {
      cwd: app,
    },
  )
  lap('installed from the tarballs')
}
