import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { storybookTest } from '@storybook/addon-vitest/vitest-plugin'
import { playwright } from '@vitest/browser-playwright'
import { defineConfig } from 'vitest/config'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './scripts/chromium.mjs'

// Every story of @usher/react as a test in Debian's headless chromium (scripts/ensure-chromium.mjs
// installs it): the play function must pass and axe must find nothing (`a11y.test = 'error'` in
// the preview). No tool downloads a browser here: playwright drives /usr/bin/chromium, each launch
// in a fresh temporary profile of its own (it refuses a --user-data-dir flag).
/**
 * The third-party dependencies of the workspace packages the stories reach (linked, so Vite's
 * scan does not always see theirs up front). Found late, Vite re-bundles them mid-run and reloads
 * the page, and a test file fails to import ("failed to find the current suite"): pre-bundle them
 * all at start, read from the manifests so a new dependency is covered without editing this file.
 */
function workspaceDependencies(): string[] {
  const found = new Set<string>()
  for (const name of ['contract', 'sdk', 'react']) {
    const manifest = JSON.parse(
      readFileSync(join(import.meta.dirname, 'packages', name, 'package.json'), 'utf8'),
    )
    for (const dep of Object.keys(manifest.dependencies ?? {})) {
      if (!dep.startsWith('@usher/')) found.add(`@usher/${name} > ${dep}`)
    }
  }
  return [...found]
}

// biome-ignore lint/style/noDefaultExport: vitest reads the default export
export default defineConfig({
  optimizeDeps: { include: workspaceDependencies() },
  plugins: [storybookTest({ configDir: join(import.meta.dirname, '.storybook') })],
  test: {
    name: 'storybook',
    browser: {
      enabled: true,
      headless: true,
      provider: playwright({
        launchOptions: {
          executablePath: CHROMIUM_PATH,
          args: ['--headless', ...CHROMIUM_ARGS],
        },
      }),
      instances: [{ browser: 'chromium' }],
    },
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest-storybook.json' },
    testTimeout: 30_000,
  },
})
