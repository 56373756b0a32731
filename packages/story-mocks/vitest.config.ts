import { defineConfig } from 'vitest/config'

// The mock database alone, in Node: no browser, no MSW worker. The decision tables of
// @usher/fixtures run through its write paths, so the stories cannot drift from the contract.
export default defineConfig({
  test: {
    environment: 'node',
    include: ['test/**/*.test.ts'],
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
  },
})
