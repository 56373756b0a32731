import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // The JSON report feeds the closing count of `pnpm test` (scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    include: ['test/**/*.test.ts'],
    environment: 'node',
    // Starting embedded PGlite and seeding takes a few seconds, more under a parallel turbo run.
    hookTimeout: 60_000,
    testTimeout: 20_000,
  },
})
