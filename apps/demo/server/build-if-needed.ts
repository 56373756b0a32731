import { readdir, stat } from 'node:fs/promises'
import { createRequire } from 'node:module'
import { join } from 'node:path'
import { APP_DIR, DIST_DIR } from './start-demo'

/** What the build reads: the app's sources and the packages it bundles. */
async function newestInput(): Promise<number> {
  const require = createRequire(join(APP_DIR, 'package.json'))
  const files = [
    join(APP_DIR, 'index.html'),
    join(APP_DIR, 'vite.config.ts'),
    require.resolve('@usher/react'),
    require.resolve('@usher/react/styles.css'),
    require.resolve('@usher/sdk'),
  ]
  for (const entry of await readdir(join(APP_DIR, 'src'), { recursive: true, withFileTypes: true })) {
    if (entry.isFile()) files.push(join(entry.parentPath, entry.name))
  }
  const times = await Promise.all(files.map(async (file) => (await stat(file)).mtimeMs))
  return Math.max(...times)
}

async function builtAt(): Promise<number | null> {
  try {
    return (await stat(join(DIST_DIR, 'index.html'))).mtimeMs
  } catch {
    return null
  }
}

/** Builds the app when dist/ is missing or older than what it is built from. */
export async function buildIfNeeded(log: (line: string) => void): Promise<void> {
  const built = await builtAt()
  if (built !== null && built >= (await newestInput())) return
  log(built === null ? 'Building the app (dist/ is missing)…' : 'Building the app (sources changed)…')
  const started = performance.now()
  const { build } = await import('vite')
  await build({ configFile: join(APP_DIR, 'vite.config.ts'), root: APP_DIR, logLevel: 'warn' })
  log(`Built in ${((performance.now() - started) / 1000).toFixed(1)} s`)
}
