import { writeFile } from 'node:fs/promises'
import { defineConfig } from 'tsup'
import { buildStylesheet } from './scripts/stylesheet'

// ESM with "use client" on top, so the components work in Next.js App Router server files.
// Nothing here touches `window` at import time. Each component is its own entry, split into
// shared chunks: `sideEffects` lists only the CSS, so an app's bundler drops every file it does
// not import from — RoleBadge alone does not pull the table or the forms (`pnpm bench` measures
// it). One bundled file would not do: a top-level `memo(...)` call counts as a side effect there.
export default defineConfig([
  {
    // The badges, the providers and compose/ are entries of their own. In a shared chunk with the
    // table's columns, a host importing StatusBadge alone would get the table's top-level code (and
    // what it imports) too; code left in index.js keeps its imports on every host page.
    entry: [
      'src/index.ts',
      'src/components/*/index.ts',
      'src/compose/*.{ts,tsx}',
      'src/hooks/*.ts',
      'src/provider/usher-provider.tsx',
      'src/provider/usher-api-provider.tsx',
      'src/ui/role-badge.tsx',
      'src/ui/status-badge.tsx',
    ],
    splitting: true,
    format: ['esm'],
    dts: { entry: 'src/index.ts' },
    sourcemap: true,
    // Not tsup's clean: the two builds run at once and each would remove the other's files. The
    // build script empties dist/ first.
    clean: false,
    target: 'es2022',
    banner: { js: '"use client";' },
    // One stylesheet for hosts: the base (tokens, shared pieces) then each component's own file,
    // with the tokens settable from any ancestor (scripts/stylesheet.ts says how).
    async onSuccess() {
      await writeFile('dist/styles.css', await buildStylesheet())
    },
  },
  // `@usher/react/server`: what a Server Component may call (the locale of a request), without
  // "use client" — a function from a client module cannot be called on the server.
  {
    entry: { server: 'src/provider/server.ts' },
    format: ['esm'],
    dts: true,
    sourcemap: true,
    clean: false,
    target: 'es2022',
  },
])
