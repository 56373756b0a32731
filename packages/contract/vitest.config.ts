import { fileURLToPath } from 'node:url'
import { defineConfig } from 'vitest/config'

export default defineConfig({
  resolve: {
    // Tests import @usher/fixtures by path; its own `@usher/contract` import must reach this
    // source, not dist (a test run must not depend on, nor race with, this package's build).
    alias: [
      { find: /^@usher\/contract$/, replacement: fileURLToPath(new URL('./src/index.ts', import.meta.url)) },
    ],
  },
  test: {
    // The OpenAPI checks compile every schema with Ajv: seconds on a busy 2-core machine.
    testTimeout: 30_000,
    reporters: ['default', ['json', { outputFile: 'test-results/vitest.json' }]],
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    typecheck: { enabled: true, include: ['**/*.test-d.ts'], tsconfig: './tsconfig.json' },
  },
})
