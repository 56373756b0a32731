// The browser every real-browser run drives (Storybook tests, end-to-end journeys, the browser
// bench): Debian's chromium, installed by ensure-chromium.mjs, never a downloaded one; and the
// flags that keep it quiet and working in a container (TOOLCHAIN.md gotcha 7).
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium'

export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]
