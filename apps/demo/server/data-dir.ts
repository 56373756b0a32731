import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'

/** `apps/demo/.usher-data` (gitignored): the database and the secret that signs the demo's tokens. */
export const DEFAULT_DATA_DIR = fileURLToPath(new URL('../.usher-data', import.meta.url))

/** In memory: nothing on disk, a fresh database and secret every run (smoke checks, tests). */
export const MEMORY = 'memory://'

export interface DemoStorage {
  /** PGlite's folder, or undefined for an in-memory database. */
  databaseDir: string | undefined
  /** The HS256 secret the demo signs its users' tokens with, as a host backend would. */
  secret: string
  /** For the start-up line. */
  label: string
}

/**
 * The secret belongs to the data folder: tokens signed before a restart stay valid as long as the
 * database they name is the same one. A fresh folder gets a fresh secret.
 */
export function openStorage(dataDir: string): DemoStorage {
  if (dataDir === MEMORY) {
    return { databaseDir: undefined, secret: randomBytes(32).toString('base64url'), label: 'in memory' }
  }
  mkdirSync(dataDir, { recursive: true })
  const secretFile = join(dataDir, 'secret')
  let secret: string
  try {
    secret = readFileSync(secretFile, 'utf8').trim()
  } catch {
    secret = randomBytes(32).toString('base64url')
    // `wx`: two demos starting at once on one folder must not overwrite each other's secret.
    try {
      writeFileSync(secretFile, `${secret}\n`, { mode: 0o600, flag: 'wx' })
    } catch {
      secret = readFileSync(secretFile, 'utf8').trim()
    }
  }
  if (secret.length < 32) throw new Error(`${secretFile} holds a secret shorter than 32 characters`)
  // PGlite wants a folder of its own; the secret file sits beside it.
  return { databaseDir: join(dataDir, 'pglite'), secret, label: dataDir }
}
