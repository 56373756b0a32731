import { mkdir } from 'node:fs/promises'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { MEMORY } from '../server/data-dir'
import { type DemoServer, startDemo } from '../server/start-demo'

/** Screenshots of each journey's final state (gitignored). */
export const ARTIFACTS = fileURLToPath(new URL('./artifacts/', import.meta.url))

export interface E2eContext {
  demo: DemoServer
  browser: Browser
  close(): Promise<void>
}

/**
 * The built demo (dist/, made by `vite build` before this runs) in this process, on a free port
 * and an in-memory database: every test file gets its own seed. Debian's Chromium, headless, with a
 * fresh profile (playwright makes a temporary one; TOOLCHAIN.md gotcha 7); no browser is ever
 * downloaded.
 */
export async function startE2e(): Promise<E2eContext> {
  const demo = await startDemo({ mode: 'production', port: 0, dataDir: MEMORY, log: () => {} })
  const browser = await chromium
    .launch({
      executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
      headless: true,
      args: [
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    })
    .catch(async (error: unknown) => {
      await demo.close()
      throw error
    })
  await mkdir(ARTIFACTS, { recursive: true })
  return {
    demo,
    browser,
    async close() {
      await browser.close()
      await demo.close()
    },
  }
}

export async function screenshot(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true })
}

/** A field of the invite form's row `n`, by its accessible name ("First name , row 1"). */
export function rowName(label: string, rowWord: string, n: number): RegExp {
  const escaped = label.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
  return new RegExp(`^${escaped}\\s*,\\s*${rowWord} ${n}$`)
}
