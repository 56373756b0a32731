import { createRequire } from 'node:module'
import { dirname } from 'node:path'
import { defineConfig, mergeConfig } from 'vitest/config'
import base from './vitest.config'

// The component suite again, on React 18 (a declared peer): `react`, `react-dom` and everything
// under them resolve to the copies installed as `react-18` / `react-dom-18`.
const require = createRequire(import.meta.url)
const react18 = dirname(require.resolve('react-18/package.json'))
const reactDom18 = dirname(require.resolve('react-dom-18/package.json'))
// Testing Library's `main` is CommonJS, which Node loads with the workspace's React 19: its ES
// build goes through Vite instead.
const testingLibrary = require
  .resolve('@testing-library/react')
  .replace(/dist[\\/]index\.js$/, 'dist/@testing-library/react.esm.js')

const config = mergeConfig(
  base,
  defineConfig({
    resolve: {
      alias: [
        { find: /^@testing-library\/react$/, replacement: testingLibrary },
        { find: /^react-dom(\/.*)?$/, replacement: `${reactDom18}$1` },
        { find: /^react(\/.*)?$/, replacement: `${react18}$1` },
      ],
    },
    test: {
      // The ES modules of the libraries that import React go through Vite, so the aliases above
      // reach them; CommonJS `require('react')` is redirected by the first setup file.
      server: {
        deps: {
          inline: [
            /[\\/](radix-ui|@radix-ui|@floating-ui|@tanstack|react-hook-form|@hookform)[\\/]/,
            /[\\/](react-remove-scroll|react-remove-scroll-bar|react-style-singleton)[\\/]/,
            /[\\/](use-callback-ref|use-sidecar|@testing-library[\\/]react)[\\/]/,
          ],
        },
      },
      outputFile: { json: 'test-results/vitest-react-18.json' },
      // The type tests are React-independent and already run once.
      typecheck: { enabled: false },
      // The libraries taken through Vite are transformed on first use, in each worker: slower
      // than the main run's, which loads them as they are.
      testTimeout: 60_000,
    },
  }),
)

// Set after the merge, which would append to the base's lists: the redirect must run first, and
// only these files run.
config.test = {
  ...config.test,
  // The whole component suite: React 18 is a declared peer, so every behaviour a test asserts
  // must hold on it too (refs, focus, portals, server rendering and hydration differ most).
  include: ['src/**/*.test.tsx', 'src/**/*.test.ts', 'test/**/*.test.tsx', 'test/**/*.test.ts'],
  setupFiles: ['test/react-18/resolve-react-18.ts', 'test/setup.ts', 'test/react-18/no-warnings.ts'],
}

export default config
