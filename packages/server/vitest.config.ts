import { defineConfig } from 'vitest/config'

// Each test file starts one server on one database (PGlite in memory, or the PostgreSQL of
// DATABASE_URL) and creates its own organizations, so files run in parallel; PGlite takes seconds
// to start under load and ~700 MB each, hence the timeouts and the cap on workers.
export default defineConfig({
  test: {
    // The PostgreSQL run overrides the file on the command line (`--outputFile.json=...`), so both
    // runs' reports reach scripts/test-summary.mjs.
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    include: ['test/**/*.test.ts'],
    hookTimeout: 60_000,
    testTimeout: 30_000,
    maxWorkers: 2,
    typecheck: { enabled: true, include: ['test/**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
