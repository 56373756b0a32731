// Installs Debian's chromium when /usr/bin/chromium is missing: the Storybook browser run drives it
// through playwright-core, and no tool here may download a browser of its own.
import { execFileSync } from 'node:child_process'
import { existsSync } from 'node:fs'
import { CHROMIUM_PATH as CHROMIUM } from './chromium.mjs'

if (existsSync(CHROMIUM)) process.exit(0)

const root = typeof process.getuid === 'function' && process.getuid() === 0
const run = (args) => {
  const [command, ...rest] = root ? args : ['sudo', ...args]
  execFileSync(command, rest, {
    stdio: 'inherit',
    env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' },
  })
}

console.log(`${CHROMIUM} is missing: installing Debian's chromium package`)
try {
  run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'])
} catch {
  // A fresh machine may have no package lists yet.
  run(['apt-get', 'update'])
  run(['apt-get', 'install', '-y', '--no-install-recommends', 'chromium'])
}
if (!existsSync(CHROMIUM)) {
  console.error(`chromium installed, but ${CHROMIUM} is still missing`)
  process.exit(1)
}
