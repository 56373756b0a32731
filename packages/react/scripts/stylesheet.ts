import { readdir, readFile } from 'node:fs/promises'
import { join } from 'node:path'
import postcss from 'postcss'

/**
 * Declared first, so a host's Tailwind CSS v4 (or any stylesheet using its layer names) sorts
 * around Usher without a line of its own when Usher's stylesheet comes first: resets (`base`,
 * Tailwind's Preflight) below Usher, utilities passed as `className` above. When the host's
 * stylesheet comes first, the host writes the same line above `@import "tailwindcss"`.
 */
export const LAYER_ORDER = '@layer theme, base, usher, components, utilities;'

/** Where the library's defaults go: a name a host never sets. */
const DEFAULT_PREFIX = '--usher-default-'

/**
 * The shipped stylesheet: the layer order, `src/styles/base.css` (tokens, shared pieces), then each
 * component's own file, with the theme made settable from anywhere (see `themeFromAnywhere`).
 */
export async function buildStylesheet(srcDir = 'src'): Promise<string> {
  const parts = [await readFile(join(srcDir, 'styles/base.css'), 'utf8')]
  const components = join(srcDir, 'components')
  const dirs = (await readdir(components, { withFileTypes: true })).filter((d) => d.isDirectory())
  for (const dir of dirs.sort((a, b) => a.name.localeCompare(b.name))) {
    const css = await readFile(join(components, dir.name, `${dir.name}.css`), 'utf8').catch(() => null)
    if (css) parts.push(css)
  }
  return `${LAYER_ORDER}\n${themeFromAnywhere(parts.join('\n'))}`
}

/**
 * The source declares each `--usher-*` token on `.usher-root`, which is easy to read and edit but
 * hides any value a host sets higher up (`:root`, a layout): the root's own declaration wins over
 * an inherited one. In the shipped file the defaults move to private names on
 * `:where(.usher-root)` and every use reads `var(--usher-x, var(--usher-default-x))`, so the
 * host's token applies wherever it is set, and the default only where none is.
 *
 * Why not the defaults on `:root` instead: a host's build (Vite's Lightning CSS) lowers
 * `light-dark()` into variables resolved where the token is declared, so the colours must be
 * declared where `color-scheme` is, on the Usher root.
 */
export function themeFromAnywhere(css: string): string {
  const root = postcss.parse(css)
  const tokens = new Set<string>()
  root.walkRules((rule) => {
    if (rule.selector.trim() !== '.usher-root') return
    rule.walkDecls(/^--usher-/, (decl) => {
      tokens.add(decl.prop)
      decl.prop = defaultName(decl.prop)
    })
    rule.selector = ':where(.usher-root)'
  })
  root.walkDecls((decl) => {
    decl.value = decl.value.replace(/var\(\s*(--usher-[\w-]+)\s*\)/g, (use, name: string) =>
      tokens.has(name) ? `var(${name}, var(${defaultName(name)}))` : use,
    )
  })
  return root.toString()
}

const defaultName = (token: string) => token.replace(/^--usher-/, DEFAULT_PREFIX)
