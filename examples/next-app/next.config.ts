import type { NextConfig } from 'next'

const config: NextConfig = {
  // @usher/server reads files of its packages at run time (the OpenAPI document, PGlite's
  // WebAssembly): bundled, they are not where it looks and `next build` fails with EBADF. Left
  // external, Node loads it from node_modules as it is.
  serverExternalPackages: ['@usher/server'],
}

export default config
