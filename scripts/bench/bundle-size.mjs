/**
 * What a bundler would ship to a browser for one import of a workspace package.
 *
 * The entry is a tiny ESM snippet (`export { createUsherClient } from '@usher/sdk'`) bundled with
 * esbuild as an app's production build would: minified, tree-shaken, ESM, browser platform,
 * es2022. The workspace package resolves through its package.json `exports` (its built dist, so
 * run the build first); every dependency (zod, ky) is bundled too. We report the minified bytes,
 * gzip (level 9) and brotli (quality 11) sizes, and which packages the bytes come from.
 *
 * esbuild is loaded from the measured package's own devDependencies, so the version is the one its
 * lockfile pins. The metafile of each bundle goes to `bench/raw/` (gitignored) for
 * https://esbuild.github.io/analyze/ when a figure moves.
 */
import { mkdir, readFile, writeFile } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { dirname, join, relative, resolve, sep } from 'node:path'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { brotliCompressSync, constants, gzipSync } from 'node:zlib'

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..')
const RAW_DIR = join(ROOT, 'bench', 'raw')

/** The options every measured bundle uses. */
export const BUNDLE_OPTIONS = Object.freeze({
  bundle: true,
  minify: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  write: false,
  treeShaking: true,
  metafile: true,
  logLevel: 'silent',
})

const esbuildByDir = new Map()

async function loadEsbuild(packageDir) {
  let loading = esbuildByDir.get(packageDir)
  if (!loading) {
    const require = createRequire(join(packageDir, 'package.json'))
    loading = import(pathToFileURL(require.resolve('esbuild')).href).then((m) => m.default ?? m)
    esbuildByDir.set(packageDir, loading)
  }
  return loading
}

const packageNameCache = new Map()

/** The npm name of the package an input file belongs to (`zod`, `ky`, `@usher/contract`). */
async function packageOf(inputPath, packageDir) {
  if (inputPath === '<stdin>') return '(entry)'
  const absolute = resolve(packageDir, inputPath)
  const parts = absolute.split(sep)
  const nm = parts.lastIndexOf('node_modules')
  if (nm !== -1 && parts[nm + 1]) {
    return parts[nm + 1].startsWith('@') ? `${parts[nm + 1]}/${parts[nm + 2]}` : parts[nm + 1]
  }
  // A workspace file: the name in the nearest package.json.
  let dir = dirname(absolute)
  while (dir.startsWith(ROOT)) {
    if (packageNameCache.has(dir)) return packageNameCache.get(dir)
    try {
      const { name } = JSON.parse(await readFile(join(dir, 'package.json'), 'utf8'))
      packageNameCache.set(dir, name)
      return name
    } catch {
      dir = dirname(dir)
    }
  }
  return relative(ROOT, absolute)
}

/**
 * @param {object} input
 * @param {string} input.entry ESM source, e.g. `import * as all from '@usher/contract'; export default all`
 * @param {string} input.packageDir directory the entry resolves its imports from (the measured package)
 * @param {string} [input.label] file name for the metafile under bench/raw/
 * @param {string[]} [input.external] packages left out (e.g. peer dependencies the app already ships)
 * @returns {Promise<{ minBytes: number, gzipBytes: number, brotliBytes: number, byPackage: Record<string, number> }>}
 *   `byPackage`: minified bytes each package contributes, largest first.
 */
export async function bundleSize({ entry, packageDir, label, external = [] }) {
  const esbuild = await loadEsbuild(packageDir)
  const result = await esbuild.build({
    ...BUNDLE_OPTIONS,
    absWorkingDir: packageDir,
    stdin: { contents: entry, resolveDir: packageDir, sourcefile: 'entry.js', loader: 'js' },
    outfile: 'bundle.js',
    external,
  })
  const output = result.outputFiles.find((file) => file.path.endsWith('.js'))
  if (!output) throw new Error(`esbuild produced no JavaScript for: ${entry}`)
  const code = output.contents

  const byPackage = {}
  const meta = Object.values(result.metafile.outputs).find((out) => out.entryPoint !== undefined)
  for (const [path, { bytesInOutput }] of Object.entries(meta?.inputs ?? {})) {
    if (bytesInOutput === 0) continue
    const name = await packageOf(path, packageDir)
    byPackage[name] = (byPackage[name] ?? 0) + bytesInOutput
  }

  if (label) {
    await mkdir(RAW_DIR, { recursive: true })
    await writeFile(join(RAW_DIR, `${label}.meta.json`), JSON.stringify(result.metafile))
  }

  return {
    minBytes: code.byteLength,
    gzipBytes: gzipSync(code, { level: 9 }).byteLength,
    brotliBytes: brotliCompressSync(code, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: constants.BROTLI_MAX_QUALITY,
        [constants.BROTLI_PARAM_SIZE_HINT]: code.byteLength,
      },
    }).byteLength,
    byPackage: Object.fromEntries(Object.entries(byPackage).sort((a, b) => b[1] - a[1])),
  }
}

/** `12.3 kB` style, for notes. */
export function formatBytes(bytes) {
  return bytes < 1000 ? `${bytes} B` : `${(bytes / 1000).toFixed(1)} kB`
}

/** `zod 80%, @usher/contract 20%` (shares of the minified bytes; under 1% left out). */
export function describeComposition(byPackage) {
  const total = Object.values(byPackage).reduce((sum, n) => sum + n, 0)
  if (total === 0) return 'empty'
  return Object.entries(byPackage)
    .filter(([, n]) => n / total >= 0.01)
    .map(([name, n]) => `${name} ${Math.round((n / total) * 100)}%`)
    .join(', ')
}

/**
 * The result entries for one measured import: minified and min+gzip bytes, each against its
 * budget; brotli and the composition go in the notes.
 */
export function sizeEntries(pkg, what, size, budgets) {
  const notes = `brotli ${formatBytes(size.brotliBytes)}; ${describeComposition(size.byPackage)}`
  const entry = (suffix, value, budget) => ({
    package: pkg,
    name: `${what} (${suffix})`,
    value,
    unit: 'B',
    budget,
    pass: budget === null || value <= budget,
    notes,
  })
  return [entry('min', size.minBytes, budgets.min), entry('min+gzip', size.gzipBytes, budgets.gzip)]
}

/** Writes `<packageDir>/bench/results.json` and prints a short summary. */
export async function writeResults(packageDir, entries) {
  const file = join(packageDir, 'bench', 'results.json')
  await writeFile(file, `${JSON.stringify(entries, null, 2)}\n`)
  for (const e of entries) {
    const budget = e.budget === null ? 'reported' : `budget ${e.budget}`
    console.log(`${e.pass ? 'ok  ' : 'FAIL'} ${e.name}: ${e.value} ${e.unit} (${budget})`)
  }
  console.log(`wrote ${relative(ROOT, file)}`)
}
