import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    // The JSON report feeds the closing count of `pnpm test` (scripts/test-summary.mjs).
    reporters: ['default', ['json', { outputFile: 'test-results/vitest-e2e.json' }]],
    include: ['e2e/**/*.e2e.test.ts'],
    environment: 'node',
    hookTimeout: 60_000,
    testTimeout: 60_000,
    // One browser and one demo per file; files one after the other on 2 cores.
    fileParallelism: false,
  },
})
