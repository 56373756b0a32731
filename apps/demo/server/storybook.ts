import { existsSync } from 'node:fs'
import { readFile, stat } from 'node:fs/promises'
import { extname, join, normalize, sep } from 'node:path'
import { fileURLToPath } from 'node:url'
import type { Context } from 'hono'

/** Where `pnpm build-storybook` writes the static Storybook: the repository's root. */
export const STORYBOOK_DIR = fileURLToPath(new URL('../../../storybook-static', import.meta.url))

/** Whether a built Storybook is there to serve. */
export const hasStorybook = () => existsSync(join(STORYBOOK_DIR, 'index.html'))

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.map': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
}

/**
 * Serves the built Storybook under `/storybook/` (its pages link their files relatively, and the
 * MSW worker is registered relatively, so it runs under any prefix): designers open it beside the
 * demo, from the same main job.
 */
export function serveStorybook(dir: string = STORYBOOK_DIR) {
  const root = normalize(dir)
  return async (c: Context) => {
    const path = decodeURIComponent(new URL(c.req.url).pathname).replace(/^\/storybook/, '')
    if (path === '') return c.redirect('/storybook/', 301)
    const file = normalize(join(root, path === '/' ? 'index.html' : path))
    // `..` in a path must not climb out of the folder.
    if (!file.startsWith(root + sep) || !(await isFile(file))) return c.text('Not found', 404)
    return c.body(await readFile(file), 200, {
      'Content-Type': TYPES[extname(file)] ?? 'application/octet-stream',
      'Cache-Control': 'no-cache',
    })
  }
}

async function isFile(path: string): Promise<boolean> {
  try {
    return (await stat(path)).isFile()
  } catch {
    return false
  }
}
