import Module, { createRequire } from 'node:module'
import { dirname } from 'node:path'

// CommonJS packages (react-dom itself, Testing Library, use-sync-external-store) call
// `require('react')` through Node, where Vite's aliases do not reach: send those to React 18 too.
// react-dom 18 is installed as a peer of the workspace's React 19, so without this it would load 19.
const require = createRequire(import.meta.url)
const targets: Record<string, string> = {
  react: dirname(require.resolve('react-18/package.json')),
  'react-dom': dirname(require.resolve('react-dom-18/package.json')),
}
type Resolve = (request: string, ...rest: unknown[]) => string
const internal = Module as unknown as { _resolveFilename: Resolve }
const original = internal._resolveFilename
internal._resolveFilename = function (this: unknown, request: string, ...rest: unknown[]) {
  const match = /^(react|react-dom)(\/.*)?$/.exec(request)
  const target = match ? `${targets[match[1] as string]}${match[2] ?? ''}` : request
  return original.call(this, target, ...rest)
}
