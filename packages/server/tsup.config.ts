import { defineConfig } from 'tsup'

// Server-only and ESM-only: Node 20.19+ can require() ESM, and every host runtime we target
// (Node, Next.js route handlers, Bun) loads ESM.
export default defineConfig({
  entry: { index: 'src/index.ts', bin: 'src/bin.ts' },
  format: ['esm'],
  dts: { entry: { index: 'src/index.ts' } },
  sourcemap: true,
  clean: true,
  target: 'node20',
  platform: 'node',
})
