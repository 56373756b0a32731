import { mkdir, readFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll } from 'vitest'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs'
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
 * fresh profile (playwright makes a temporary one) and the flags of scripts/chromium.mjs.
 */
export async function startE2e(): Promise<E2eContext> {
  const demo = await startDemo({ mode: 'production', port: 0, dataDir: MEMORY, log: () => {} })
  const browser = await chromium
    .launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: [...CHROMIUM_ARGS],
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

/**
 * One demo and one browser for the test file: started before its tests, closed after them. The
 * getter is for the tests (they run once both are up).
 */
export function demoPerFile(): () => E2eContext {
  let ctx: E2eContext | undefined
  beforeAll(async () => {
    ctx = await startE2e()
  })
  afterAll(async () => {
    await ctx?.close()
  })
  return () => {
    if (!ctx) throw new Error('The demo or the browser did not start (see the beforeAll error).')
    return ctx
  }
}

/**
 * Runs a journey with one page per person, each in a browser context of its own. When it fails,
 * every page's state is saved as `<journey>-failed-<person>.png`; the pages close either way.
 */
export async function withPeople<const Name extends string>(
  ctx: E2eContext,
  journey: string,
  names: readonly Name[],
  run: (pages: Record<Name, Page>) => Promise<void>,
): Promise<void> {
  const pages: Partial<Record<Name, Page>> = {}
  try {
    for (const name of names) pages[name] = await newPersonPage(ctx)
    await run(pages as Record<Name, Page>)
  } catch (error) {
    for (const [name, page] of Object.entries<Page | undefined>(pages)) {
      if (page) await screenshot(page, `${journey}-failed-${name}`).catch(() => {})
    }
    throw error
  } finally {
    for (const page of Object.values<Page | undefined>(pages)) await page?.close()
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

/**
 * A page in a browser context of its own: its own localStorage, so two people (an owner and the
 * technician they invited) can be signed in side by side.
 */
export async function newPersonPage(ctx: E2eContext): Promise<Page> {
  const context = await ctx.browser.newContext()
  const page = await context.newPage()
  page.setDefaultTimeout(15_000)
  // Closing the page closes its context too (unless the browser went first).
  page.once('close', () => {
    context.close().catch(() => {})
  })
  return page
}

/** The demo's account switch: sign in as a seeded person (their label: "Name — Persona"). */
export async function actAs(
  page: Page,
  ctx: E2eContext,
  path: string,
  organization: string,
  account: string,
) {
  await page.goto(`${ctx.demo.url}${path}`)
  await page.getByRole('combobox', { name: /Organi[sz]ation/ }).selectOption({ label: organization })
  await page
    .getByRole('combobox', { name: /Signed in as|Connecté en tant que/ })
    .selectOption({ label: account })
}

/** The app path of the newest email to `to` in the Outbox page (the page must be open). */
export async function outboxLink(page: Page, to: string): Promise<string> {
  const link = page.getByRole('link', { name: `Open the link of the email to ${to}` }).first()
  const href = await link.getAttribute('href')
  if (!href) throw new Error(`No link in the email to ${to}`)
  return href
}

/** A user's id and organization, read from the demo's database (for hand-made API requests). */
export async function findUser(ctx: E2eContext, email: string): Promise<{ id: string; orgId: string }> {
  const row = await ctx.demo.usher.db
    .selectFrom('users')
    .select(['id', 'org_id'])
    .where('email', '=', email)
    .executeTakeFirstOrThrow()
  return { id: row.id, orgId: row.org_id }
}

/** A bearer token for a person, as the host's backend would sign it after its own sign-in. */
export async function tokenFor(ctx: E2eContext, email: string): Promise<string> {
  const user = await findUser(ctx, email)
  return ctx.demo.usher.provision.token({ userId: user.id, orgId: user.orgId })
}

/** A request to Usher's API on the demo, with a bearer token. */
export function usherApi(ctx: E2eContext, token: string) {
  return (path: string, init: RequestInit = {}) =>
    fetch(`http://127.0.0.1:${ctx.demo.port}/api/usher${path}`, {
      ...init,
      headers: { 'Content-Type': 'application/json', Authorization: `Bearer ${token}`, ...init.headers },
    })
}

/**
 * axe-core's violations on the page as it stands (WCAG 2.x A and AA rules): the same checker as
 * the components' tests, here on the demo's own pages around them, in a real browser.
 */
export async function axeViolations(page: Page): Promise<string[]> {
  const source = await readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8')
  await page.addScriptTag({ content: source })
  return page.evaluate(async () => {
    const axe = (window as unknown as { axe: typeof import('axe-core') }).axe
    const result = await axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
    })
    return result.violations.map(
      (v) =>
        `${v.id}: ${v.help} — ${v.nodes.map((n) => `${n.target.join(' ')}: ${n.failureSummary ?? ''}`).join('; ')}`,
    )
  })
}
