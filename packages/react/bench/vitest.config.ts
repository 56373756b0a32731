import { defineConfig } from 'vitest/config'

// The UserTable bench runs in jsdom like the tests, but alone (one file, one worker) and with no
// server: its data comes from an in-memory UsherClient (test/big-org-client.ts).
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    environment: 'jsdom',
    setupFiles: ['test/setup.ts'],
    include: ['bench/*.bench.test.tsx'],
    testTimeout: 300_000,
    maxWorkers: 1,
  },
})
