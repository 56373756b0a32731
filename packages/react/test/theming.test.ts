// @vitest-environment node
import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { transform } from 'lightningcss'
import { type Browser, chromium, type Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../../../scripts/chromium.mjs'
import { buildStylesheet } from '../scripts/stylesheet'

// The shipped stylesheet, read in Chromium the two ways a host gets it: as published, and as a
// host's Vite build minifies it (Lightning CSS, with the default browser targets of Vite 8, which
// lower `light-dark()` into variables).
const ROOT = fileURLToPath(new URL('../../..', import.meta.url))
const SRC = fileURLToPath(new URL('../src', import.meta.url))

const ACCENT = { light: 'rgb(10, 88, 240)', dark: 'rgb(77, 141, 255)' }
const BORDER = { light: 'rgb(208, 215, 222)', dark: 'rgb(48, 54, 61)' }

let browser: Browser
let page: Page
const sheets: Record<string, string> = {}

beforeAll(async () => {
  execFileSync('node', [`${ROOT}/scripts/ensure-chromium.mjs`], { stdio: 'inherit' })
  const shipped = await buildStylesheet(SRC)
  sheets.shipped = shipped
  sheets['lowered by a host build'] = transform({
    filename: 'styles.css',
    code: Buffer.from(shipped),
    minify: true,
    // Vite 8's default build target ('baseline-widely-available'): Chrome 111, Safari 16.4.
    targets: { chrome: 111 << 16, safari: (16 << 16) | (4 << 8), firefox: 114 << 16 },
  }).code.toString()
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: [...CHROMIUM_ARGS] })
  page = await browser.newPage()
}, 60_000)

afterAll(async () => {
  await browser?.close()
})

/** The primary button's background and the input's border colour in a host page. */
async function look(sheet: string, theme: 'light' | 'dark', host = '', rootClass = '') {
  await page.setContent(`<!doctype html>
    <style>${sheet}</style>
    <style>${host}</style>
    <div class="host-layout">
      <div class="usher-root ${rootClass}" data-theme="${theme}">
        <button class="usher-button" data-variant="primary">Invite</button>
        <input class="usher-input" aria-label="Email">
      </div>
    </div>`)
  return page.evaluate(() => ({
    accent: getComputedStyle(document.querySelector('.usher-button') as Element).backgroundColor,
    border: getComputedStyle(document.querySelector('.usher-input') as Element).borderTopColor,
  }))
}

describe.each(['shipped', 'lowered by a host build'])('given the stylesheet %s', (name) => {
  const sheet = () => sheets[name] as string

  it.each(['light', 'dark'] as const)('keeps its own %s colours when the host sets none', async (theme) => {
    expect(await look(sheet(), theme)).toEqual({ accent: ACCENT[theme], border: BORDER[theme] })
  })

  it.each(['light', 'dark'] as const)('takes a token the host sets on :root (%s theme)', async (theme) => {
    const colours = await look(sheet(), theme, ':root { --usher-accent: rgb(200, 0, 0) }')
    // The token set, and only it: the border keeps the library's colour.
    expect(colours).toEqual({ accent: 'rgb(200, 0, 0)', border: BORDER[theme] })
  })

  it('takes a token set on any ancestor, per theme with light-dark()', async () => {
    const host = '.host-layout { --usher-accent: light-dark(rgb(200, 0, 0), rgb(0, 0, 200)) }'
    expect((await look(sheet(), 'light', host)).accent).toBe('rgb(200, 0, 0)')
    expect((await look(sheet(), 'dark', host)).accent).toBe('rgb(0, 0, 200)')
  })

  it('takes a token set on the Usher root itself (a class passed as className)', async () => {
    const colours = await look(sheet(), 'dark', '.brand { --usher-border: rgb(0, 128, 0) }', 'brand')
    expect(colours).toEqual({ accent: ACCENT.dark, border: 'rgb(0, 128, 0)' })
  })
})
