/**
 * What a host's production build ships to a browser for one import, measured the way a host's
 * bundler would do it: Rolldown (Vite's), minified, tree-shaken, ESM, browser, es2022, **code-split** (so
 * every `import()` in a package becomes a chunk of its own, loaded when first needed). The peers a
 * host already ships (React, ReactDOM, react-query) stay external.
 *
 * "Initial" is the entry file plus every chunk it reaches through static imports; "lazy" chunks are
 * the ones only reachable through `import()`. Each file is gzipped on its own (level 9), as a
 * browser downloads it, and the figures are the sums.
 *
 * Rolldown comes with the workspace's Vite (the version its lockfile pins), so the bench needs no
 * dependency of its own.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { gzipSync } from 'node:zlib'

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
export const RAW_DIR = join(ROOT, 'bench', 'raw')

/** What every host already has on the page: never counted. */
export const HOST_PEERS = [
  'react',
  'react/*',
  'react-dom',
  'react-dom/*',
  '@tanstack/react-query',
  '@tanstack/react-query/*',
]

/** The npm package an input file of the metafile belongs to (`zod`, `@radix-ui/react-popper`). */
export function packageOf(inputPath) {
  const parts = inputPath.split(/[\\/]/)
  const nm = parts.lastIndexOf('node_modules')
  if (nm !== -1 && parts[nm + 1]) {
    return parts[nm + 1].startsWith('@') ? `${parts[nm + 1]}/${parts[nm + 2]}` : parts[nm + 1]
  }
  const pkg = parts.lastIndexOf('packages')
  if (pkg !== -1 && parts[pkg + 1]) return `@usher/${parts[pkg + 1]}`
  return '(entry)'
}

let rolldownLoading
/** Rolldown, Vite's production bundler, resolved from the workspace's Vite (no dependency of ours). */
export function loadRolldown() {
  if (!rolldownLoading) {
    const fromVite = createRequire(createRequire(join(ROOT, 'package.json')).resolve('vite/package.json'))
    rolldownLoading = import(pathToFileURL(fromVite.resolve('rolldown')).href)
  }
  return rolldownLoading
}

/** `react/*`-style patterns as one test on a module id. */
function externalTest(patterns) {
  const exact = new Set(patterns.filter((p) => !p.endsWith('/*')))
  const prefixes = patterns.filter((p) => p.endsWith('/*')).map((p) => p.slice(0, -1))
  return (id) => exact.has(id) || prefixes.some((prefix) => id.startsWith(prefix))
}

/** Resolves the given bare names (`@usher/react`) through their package's `exports`: the built, published files. */
function workspacePackagesRolldown(packages) {
  return {
    name: 'workspace-packages',
    async resolveId(source) {
      for (const [name, dir] of Object.entries(packages)) {
        if (source !== name && !source.startsWith(`${name}/`)) continue
        const manifest = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))
        const key = source === name ? '.' : `.${source.slice(name.length)}`
        const target = manifest.exports?.[key]
        const file = typeof target === 'string' ? target : (target?.import ?? target?.default)
        if (file) return resolve(dir, file)
      }
      return null
    },
  }
}

/**
 * Names an `import()` target: an Usher file by the source file tsup's output says it came from
 * (`ui/confirm-dialog-body`, `components/shared-groups-dialog`), anything else by its package.
 */
async function nameOf(moduleId) {
  const pkg = packageOf(moduleId ?? '')
  if (!pkg.startsWith('@usher/')) return { name: pkg, usher: false }
  const dist = moduleId.split(`${sep}dist${sep}`).pop() ?? moduleId
  if (!dist.split(sep).pop().startsWith('chunk-')) {
    return { name: `${pkg} ${dist.replace(/(\/index)?\.js$/, '')}`, usher: true }
  }
  const code = await readFile(moduleId, 'utf8').catch(() => '')
  const first = /^\/\/ src\/(.+?)\.tsx?$/m.exec(code)
  return { name: `${pkg} ${first ? first[1] : dist}`, usher: true }
}

/**
 * Bundles `source` (an ESM snippet such as `export { RoleBadge } from '@usher/react'`) and measures it.
 *
 * The bundler is Rolldown, as Vite builds a host for production: minified, tree-shaken, ESM for the
 * browser, es2022, code-split. (esbuild was used first; with code splitting it makes an entry
 * import every shared chunk its barrel file reaches, used or not, so any `import()` in a library
 * put the lazily loaded code's dependencies back on every page. Rolldown, Rollup and webpack do not.)
 *
 * @param {object} input
 * @param {string} input.source the entry's code
 * @param {string} [input.resolveDir] where bare imports resolve from (default: a temporary folder)
 * @param {Record<string, string>} [input.packages] bare names resolved from their own directory
 * @param {string[]} [input.external] packages left out (besides nothing: pass HOST_PEERS explicitly)
 * @param {string} [input.label] name of the chunk list written under bench/raw/
 * @returns {Promise<{ initial: { min: number, gzip: number, files: number }, lazy: Array<{ file: string, min: number, gzip: number, packages: string[] }>, lazyEntries: Array<{ name: string, usher: boolean, files: number, min: number, gzip: number }>, byPackage: Record<string, { min: number, gzip: number }> }>}
 *   `byPackage`: each package's share of the *initial* files (its modules' share of each file's
 *   rendered bytes, applied to the file's minified and gzip bytes: an estimate).
 */
export async function measure({ source, resolveDir, packages = {}, external = [], label }) {
  const { rolldown } = await loadRolldown()
  const workDir = await mkdtemp(join(resolveDir ?? tmpdir(), '.usher-size-'))
  try {
    const entryFile = join(workDir, 'entry.js')
    await writeFile(entryFile, source)
    const isExternal = externalTest(external)
    const bundle = await rolldown({
      input: entryFile,
      cwd: workDir,
      platform: 'browser',
      external: (id) => isExternal(id),
      logLevel: 'silent',
      treeshake: true,
      // Stylesheets are not JavaScript: the host loads them apart (and Usher's are one small file).
      moduleTypes: { '.css': 'empty' },
      transform: { target: 'es2022', define: { 'process.env.NODE_ENV': '"production"' } },
      plugins: [workspacePackagesRolldown(packages)],
    })
    const { output } = await bundle.generate({ format: 'es', minify: true, dir: join(workDir, 'out') })
    await bundle.close()
    const chunks = new Map(output.filter((o) => o.type === 'chunk').map((c) => [c.fileName, c]))
    const entryOut = [...chunks.values()].find((c) => c.isEntry)

    // Walk static imports from the entry: those files load at once; the rest only on import().
    const initial = new Set()
    const walk = (name) => {
      if (initial.has(name) || !chunks.has(name)) return
      initial.add(name)
      for (const imported of chunks.get(name).imports) walk(imported)
    }
    walk(entryOut.fileName)
    const lazyFiles = new Set()
    const walkLazy = (name, viaDynamic) => {
      const chunk = chunks.get(name)
      if (!chunk) return
      for (const next of [...chunk.dynamicImports, ...(viaDynamic ? chunk.imports : [])]) {
        if (initial.has(next) || lazyFiles.has(next) || !chunks.has(next)) continue
        lazyFiles.add(next)
        walkLazy(next, true)
      }
    }
    for (const name of initial) walkLazy(name, false)

    const sizeOf = (name) => {
      const code = Buffer.from(chunks.get(name).code)
      return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength }
    }
    const packagesIn = (name) => {
      const shares = {}
      for (const [id, { renderedLength }] of Object.entries(chunks.get(name).modules)) {
        if (!renderedLength) continue
        const pkg = packageOf(id)
        shares[pkg] = (shares[pkg] ?? 0) + renderedLength
      }
      return shares
    }

    const totals = { min: 0, gzip: 0, files: 0 }
    const byPackage = {}
    for (const name of initial) {
      const size = sizeOf(name)
      totals.min += size.min
      totals.gzip += size.gzip
      totals.files += 1
      const shares = packagesIn(name)
      const sum = Object.values(shares).reduce((a, b) => a + b, 0) || 1
      for (const [pkg, bytes] of Object.entries(shares)) {
        byPackage[pkg] ??= { min: 0, gzip: 0 }
        byPackage[pkg].min += (size.min * bytes) / sum
        byPackage[pkg].gzip += (size.gzip * bytes) / sum
      }
    }
    const lazy = [...lazyFiles]
      .map((name) => ({
        file: name,
        ...sizeOf(name),
        packages: Object.entries(packagesIn(name))
          .sort((a, b) => b[1] - a[1])
          .map(([pkg]) => pkg),
      }))
      .sort((a, b) => b.gzip - a.gzip)

    // What each `import()` target costs on first use: its chunk and every chunk that chunk
    // imports, less what the page already loaded (shared chunks count for every target).
    const lazyEntries = []
    for (const chunk of chunks.values()) {
      if (!chunk.isDynamicEntry || initial.has(chunk.fileName) || !lazyFiles.has(chunk.fileName)) continue
      const fetched = new Set()
      const grab = (name) => {
        if (fetched.has(name) || initial.has(name) || !chunks.has(name)) return
        fetched.add(name)
        for (const next of chunks.get(name).imports) grab(next)
      }
      grab(chunk.fileName)
      const cost = { min: 0, gzip: 0 }
      for (const name of fetched) {
        const size = sizeOf(name)
        cost.min += size.min
        cost.gzip += size.gzip
      }
      lazyEntries.push({ ...(await nameOf(chunk.facadeModuleId)), files: fetched.size, ...cost })
    }
    lazyEntries.sort((a, b) => b.gzip - a.gzip)

    if (label) {
      await mkdir(RAW_DIR, { recursive: true })
      const list = [...chunks.values()].map((c) => ({
        file: c.fileName,
        initial: initial.has(c.fileName),
        lazy: lazyFiles.has(c.fileName),
        ...sizeOf(c.fileName),
        imports: c.imports,
        dynamicImports: c.dynamicImports,
        modules: Object.fromEntries(Object.entries(c.modules).map(([id, m]) => [id, m.renderedLength])),
      }))
      await writeFile(join(RAW_DIR, `size-${label}.chunks.json`), JSON.stringify(list))
    }
    return { initial: totals, lazy, lazyEntries, byPackage }
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

/** `12.3 kB` (1 kB = 1000 B, as the budgets are written). */
export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`
