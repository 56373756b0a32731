import { defineConfig } from 'vitest/config'

// Component tests run in jsdom against the REAL server: `test/global-setup.ts` starts
// @usher/server once per run (Node side, in-memory PGlite, a free port) and hands its URL and
// tokens to the tests, which reach it over HTTP through the real SDK.
export default defineConfig({
  esbuild: { jsx: 'automatic' },
  test: {
    environment: 'jsdom',
    globalSetup: ['test/global-setup.ts'],
    setupFiles: ['test/setup.ts'],
    include: ['src/**/*.test.tsx', 'src/**/*.test.ts', 'test/**/*.test.tsx', 'test/**/*.test.ts'],
    reporters: ['default', 'json'],
    outputFile: { json: 'test-results/vitest.json' },
    hookTimeout: 60_000,
    testTimeout: 20_000,
    maxWorkers: 2,
    // Type tests (`*.test-d.ts`): a form's values that drift from the contract's schemas fail here.
    typecheck: {
      enabled: true,
      include: ['src/**/*.test-d.ts', 'test/**/*.test-d.ts'],
      // Only the type tests and what they import, so the check does not hold up the component
      // tests; the rest is `tsc --noEmit`'s to report, as are errors outside the type tests.
      tsconfig: './tsconfig.typecheck.json',
      ignoreSourceErrors: true,
    },
  },
})
