/**
 * The peers' user-management UIs, measured the way Usher's are (lib.mjs): WorkOS widgets and
 * Clerk's. They are installed into a temporary folder with npm (never into the workspace: they are
 * not dependencies of Usher), pinned so that figures compare across runs. No registry: skipped,
 * with the reason.
 */
import { execFile } from 'node:child_process'
import { existsSync } from 'node:fs'
import { readdir, readFile, writeFile } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { promisify } from 'node:util'
import { gzipSync } from 'node:zlib'
import { HOST_PEERS, measure } from './lib.mjs'

/** What is installed. The Clerk UI release is the last one that installs (see TOOLCHAIN.md). */
export const PEER_PACKAGES = {
  '@workos-inc/widgets': '1.18.0',
  '@radix-ui/themes': '3.3.0',
  swr: '2.5.1',
  '@clerk/clerk-react': '5.61.10',
  '@clerk/clerk-js': '6.40.0',
  '@clerk/ui': '1.34.0',
  '@tanstack/react-query': '5.108.0',
  react: '19.3.1',
  'react-dom': '19.3.1',
}

export const PEERS_DIR = join(tmpdir(), 'usher-size-peers')

const run = promisify(execFile)

/** Installs PEER_PACKAGES into PEERS_DIR unless they are there already. Throws when npm fails. */
export async function installPeers() {
  const manifest = { private: true, dependencies: PEER_PACKAGES }
  const manifestPath = join(PEERS_DIR, 'package.json')
  const current = existsSync(manifestPath) ? await readFile(manifestPath, 'utf8') : ''
  const wanted = `${JSON.stringify(manifest, null, 2)}\n`
  const installed = Object.keys(PEER_PACKAGES).every((name) =>
    existsSync(join(PEERS_DIR, 'node_modules', name, 'package.json')),
  )
  if (current === wanted && installed) return
  await run('mkdir', ['-p', PEERS_DIR])
  await writeFile(manifestPath, wanted)
  await run(
    'npm',
    ['install', '--prefix', PEERS_DIR, '--no-audit', '--no-fund', '--ignore-scripts', '--loglevel=error'],
    { timeout: 300_000, maxBuffer: 16 * 1024 * 1024 },
  )
}

const gzipFile = async (path) => {
  const code = await readFile(path)
  return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength }
}
const sum = (sizes) =>
  sizes.reduce((a, s) => ({ min: a.min + s.min, gzip: a.gzip + s.gzip }), { min: 0, gzip: 0 })

/**
 * @returns {Promise<Array<{ what: string, initial: { min: number, gzip: number }, lazy: number, notes: string }>>}
 *   `lazy`: gzip bytes loaded when the component first renders, on top of `initial`.
 */
export async function measurePeers() {
  const workos = `export { WorkOsWidgets, UsersManagement } from '@workos-inc/widgets'`
  const bundled = await measure({ source: workos, resolveDir: PEERS_DIR, external: HOST_PEERS })
  const external = await measure({
    source: workos,
    resolveDir: PEERS_DIR,
    external: [...HOST_PEERS, '@radix-ui/themes', '@radix-ui/themes/*', 'swr', 'swr/*'],
  })
  const lazyOf = (m) => m.lazy.reduce((a, l) => a + l.gzip, 0)

  // Clerk: the host bundles clerk-react; clerk-react then adds two scripts from Clerk's CDN (the
  // clerk-js browser build and the UI's), and the UI fetches its shared chunks and the component's
  // own when a component mounts. The CDN serves the files these packages publish.
  const clerkReact = await measure({
    source: `export { ClerkProvider, OrganizationProfile, useOrganization } from '@clerk/clerk-react'`,
    resolveDir: PEERS_DIR,
    external: HOST_PEERS,
  })
  const nm = join(PEERS_DIR, 'node_modules', '@clerk')
  const clerkJs = await gzipFile(join(nm, 'clerk-js', 'dist', 'clerk.browser.js'))
  const uiDist = join(nm, 'ui', 'dist')
  const uiBrowser = await readFile(join(uiDist, 'ui.browser.js'), 'utf8')
  // The chunk names carry the hash of the build that loads them: the one ui.browser.js names.
  const hashes = (await readdir(uiDist)).map((f) => /^vendors_ui_([0-9a-f]+)_/.exec(f)?.[1]).filter(Boolean)
  const hash = hashes.find((h) => uiBrowser.includes(h))
  if (!hash) throw new Error(`@clerk/ui: no chunk hash of ${hashes.join(', ')} in ui.browser.js`)
  const uiScript = await gzipFile(join(uiDist, 'ui.browser.js'))
  const version = PEER_PACKAGES['@clerk/ui']
  const chunk = (name) => gzipFile(join(uiDist, `${name}_ui_${hash}_${version}.js`))
  const orgProfile = sum(await Promise.all(['vendors', 'ui-common', 'organizationprofile'].map(chunk)))
  const cdn = sum([clerkJs, uiScript])

  return [
    {
      what: 'WorkOS widgets: WorkOsWidgets + UsersManagement, peers bundled (Radix Themes, swr)',
      initial: bundled.initial,
      lazy: lazyOf(bundled),
      notes: `@workos-inc/widgets ${PEER_PACKAGES['@workos-inc/widgets']}; React, ReactDOM, react-query external, as for Usher`,
    },
    {
      what: 'WorkOS widgets: the same, peers external (host ships Radix Themes and swr)',
      initial: external.initial,
      lazy: lazyOf(external),
      notes: 'Radix Themes and swr left out',
    },
    {
      what: 'Clerk: clerk-react (ClerkProvider, OrganizationProfile) + its initial CDN scripts',
      initial: { min: clerkReact.initial.min + cdn.min, gzip: clerkReact.initial.gzip + cdn.gzip },
      lazy: orgProfile.gzip,
      notes:
        `clerk-react ${(clerkReact.initial.gzip / 1000).toFixed(1)} kB in the host's bundle + clerk.browser.js ` +
        `${(clerkJs.gzip / 1000).toFixed(1)} kB + ui.browser.js ${(uiScript.gzip / 1000).toFixed(1)} kB from the CDN; ` +
        `lazy: the UI's vendors, ui-common and organizationprofile chunks (@clerk/ui ${version})`,
    },
  ]
}
