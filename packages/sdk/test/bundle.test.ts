import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { build } from 'esbuild'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'

const packageDir = fileURLToPath(new URL('..', import.meta.url))

describe('given an app that imports only the error classes and guards', () => {
  let directory: string
  let distFile: string

  beforeAll(async () => {
    // What tsup publishes: the whole package in one ES module, its dependencies left as imports.
    // Within one file, tree shaking drops only what has no side effect: a module-level call (a
    // schema built at load) stays, and with it everything it imports.
    directory = await mkdtemp(join(tmpdir(), 'usher-sdk-bundle-'))
    distFile = join(directory, 'index.js')
    await build({
      entryPoints: [join(packageDir, 'src/index.ts')],
      outfile: distFile,
      bundle: true,
      format: 'esm',
      target: 'es2022',
      external: ['@usher/contract', 'zod', 'ky', 'papaparse', 'read-excel-file'],
      logLevel: 'silent',
    })
  })
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true })
  })

  it('bundles neither zod, nor the contract, nor ky', async () => {
    const result = await build({
      stdin: {
        contents: `export { isUsherApiError, UsherApiError } from ${JSON.stringify(distFile)}`,
        resolveDir: packageDir,
      },
      bundle: true,
      minify: true,
      format: 'esm',
      platform: 'browser',
      nodePaths: [join(packageDir, 'node_modules')],
      metafile: true,
      write: false,
      logLevel: 'silent',
    })

    // Every file esbuild read is listed; those that left code in the output have bytes in it.
    const output = Object.values(result.metafile.outputs)[0]
    const kept = Object.entries(output?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([path]) => path)
    expect(kept).toEqual([expect.stringContaining('usher-sdk-bundle-')])
    expect(result.outputFiles[0]?.contents.byteLength).toBeLessThan(2_000)
  })
})
