/**
 * What a host's production build ships to a browser for one import, measured the way a host's
 * bundler would do it: esbuild, minified, tree-shaken, ESM, browser, es2022, **code-split** (so
 * every `import()` in a package becomes a chunk of its own, loaded when first needed). The peers a
 * host already ships (React, ReactDOM, react-query) stay external.
 *
 * "Initial" is the entry file plus every chunk it reaches through static imports; "lazy" chunks are
 * the ones only reachable through `import()`. Each file is gzipped on its own (level 9), as a
 * browser downloads it, and the figures are the sums.
 *
 * esbuild comes from @usher/react's devDependencies (the version its lockfile pins), so the bench
 * needs no dependency of its own.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises'
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

let esbuildLoading
/** esbuild, resolved from the directory given (default: @usher/react, which pins it). */
export function loadEsbuild(fromDir = join(ROOT, 'packages', 'react')) {
  if (!esbuildLoading) {
    const require = createRequire(join(fromDir, 'package.json'))
    esbuildLoading = import(pathToFileURL(require.resolve('esbuild')).href).then((m) => m.default ?? m)
  }
  return esbuildLoading
}

/**
 * A plugin that resolves the given bare names (`@usher/react`) as if imported from inside their own
 * package directory: through the package's `exports`, i.e. its built, published entry points.
 */
function workspacePackages(packages) {
  return {
    name: 'workspace-packages',
    setup(build) {
      for (const [name, dir] of Object.entries(packages)) {
        const filter = new RegExp(`^${name.replace(/[/.@-]/g, '\\$&')}(/|$)`)
        build.onResolve({ filter }, (args) => {
          if (args.pluginData?.workspace) return undefined
          return build.resolve(args.path, {
            kind: args.kind,
            resolveDir: dir,
            pluginData: { workspace: true },
          })
        })
      }
    },
  }
}

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

/**
 * Bundles `source` (an ESM snippet such as `export { RoleBadge } from '@usher/react'`) and measures it.
 *
 * @param {object} input
 * @param {string} input.source the entry's code
 * @param {string} [input.resolveDir] where bare imports resolve from (default: a temporary folder)
 * @param {Record<string, string>} [input.packages] bare names resolved from their own directory
 * @param {string[]} [input.external] packages left out (besides nothing: pass HOST_PEERS explicitly)
 * @param {string} [input.label] name of the metafile written under bench/raw/
 * @returns {Promise<{ initial: { min: number, gzip: number, files: number }, lazy: Array<{ file: string, min: number, gzip: number, packages: string[] }>, byPackage: Record<string, { min: number, gzip: number }> }>}
 *   `byPackage`: each package's share of the *initial* files (minified bytes, and the gzip bytes of
 *   its files apportioned by its share of each file's minified bytes: an estimate).
 */
export async function measure({ source, resolveDir, packages = {}, external = [], label }) {
  const esbuild = await loadEsbuild()
  const workDir = await mkdtemp(join(resolveDir ?? tmpdir(), '.usher-size-'))
  try {
    const entryFile = join(workDir, 'entry.js')
    await writeFile(entryFile, source)
    const result = await esbuild.build({
      entryPoints: [entryFile],
      outdir: join(workDir, 'out'),
      absWorkingDir: workDir,
      bundle: true,
      splitting: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      target: 'es2022',
      treeShaking: true,
      write: false,
      metafile: true,
      logLevel: 'silent',
      // Stylesheets are not JavaScript: the host loads them apart (and Usher's are one small file).
      loader: { '.css': 'empty' },
      define: { 'process.env.NODE_ENV': '"production"' },
      external,
      plugins: [workspacePackages(packages)],
    })
    const contents = new Map(result.outputFiles.map((f) => [resolve(f.path), f.contents]))
    const outputs = result.metafile.outputs
    const abs = (p) => resolve(workDir, p)
    const entryOut = Object.keys(outputs).find((p) => outputs[p].entryPoint !== undefined)

    // Walk static imports from the entry: those files load at once; the rest only on import().
    const initial = new Set()
    const walk = (path) => {
      if (initial.has(path)) return
      initial.add(path)
      for (const imp of outputs[path].imports) {
        if (imp.kind === 'import-statement' && !imp.external && outputs[imp.path]) walk(imp.path)
      }
    }
    walk(entryOut)

    // Chunks reached through import() from what loads at once (and what those load in turn).
    // esbuild also writes chunks for the import() calls of code it shook out: never loaded, and
    // not counted.
    const lazyFiles = new Set()
    const walkLazy = (path) => {
      for (const imp of outputs[path].imports) {
        if (imp.external || !outputs[imp.path] || initial.has(imp.path) || lazyFiles.has(imp.path)) continue
        if (imp.kind === 'dynamic-import' || lazyFiles.has(path)) {
          lazyFiles.add(imp.path)
          walkLazy(imp.path)
        }
      }
    }
    for (const path of initial) walkLazy(path)
    const sizeOf = (path) => {
      const code = contents.get(abs(path)) ?? new Uint8Array()
      return { min: code.byteLength, gzip: gzipSync(code, { level: 9 }).byteLength }
    }
    const packagesIn = (path) => {
      const shares = {}
      for (const [input, { bytesInOutput }] of Object.entries(outputs[path].inputs)) {
        if (bytesInOutput === 0) continue
        const name = packageOf(abs(input))
        shares[name] = (shares[name] ?? 0) + bytesInOutput
      }
      return shares
    }

    const totals = { min: 0, gzip: 0, files: 0 }
    const byPackage = {}
    for (const path of initial) {
      const size = sizeOf(path)
      totals.min += size.min
      totals.gzip += size.gzip
      totals.files += 1
      const shares = packagesIn(path)
      const sum = Object.values(shares).reduce((a, b) => a + b, 0) || 1
      for (const [name, bytes] of Object.entries(shares)) {
        byPackage[name] ??= { min: 0, gzip: 0 }
        byPackage[name].min += bytes
        byPackage[name].gzip += (size.gzip * bytes) / sum
      }
    }
    const lazy = [...lazyFiles]
      .map((p) => ({
        file: p.split(sep).pop() ?? p,
        ...sizeOf(p),
        packages: Object.entries(packagesIn(p))
          .sort((a, b) => b[1] - a[1])
          .map(([name]) => name),
      }))
      .sort((a, b) => b.gzip - a.gzip)

    if (label) {
      await mkdir(RAW_DIR, { recursive: true })
      await writeFile(join(RAW_DIR, `size-${label}.meta.json`), JSON.stringify(result.metafile))
    }
    return { initial: totals, lazy, byPackage }
  } finally {
    await rm(workDir, { recursive: true, force: true })
  }
}

/** `12.3 kB` (1 kB = 1000 B, as the budgets are written). */
export const kB = (bytes) => `${(bytes / 1000).toFixed(1)} kB`
