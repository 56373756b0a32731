import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import type { Context } from 'hono'

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.json': 'application/json',
  '.map': 'application/json',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
}

/**
 * Serves the built app (`dist/`): files as they are, `/assets/*` (hashed names) cached for good,
 * and `index.html` for every other path so the app's own routes (`/settings/users`,
 * `/accept-invitation?token=…`) load on a refresh or from an email link.
 */
export function serveBuiltApp(distDir: string) {
  const root = normalize(distDir)
  return async (c: Context) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname)
    const file = normalize(join(root, path))
    // `..` in a path must not climb out of dist/.
    if (file.startsWith(root + sep) && (await isFile(file))) {
      const body = await readFile(file)
      const immutable = path.startsWith('/assets/')
      return c.body(body, 200, {
        'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
        'Cache-Control': immutable ? 'public, max-age=31536000, immutable' : 'no-cache',
      })
    }
    // A missing asset is a 404, not the app's HTML (which would fail to parse as a script).
    if (path.startsWith('/assets/') || extname(path)) return c.text('Not found', 404)
    const html = await readFile(join(root, 'index.html'))
    return c.body(html, 200, { 'Content-Type': TYPES['.html'] ?? 'text/html', 'Cache-Control': 'no-cache' })
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
