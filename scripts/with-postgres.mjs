#!/usr/bin/env node
// Runs a command against a throw-away PostgreSQL server:
//   node scripts/with-postgres.mjs -- vitest run
// Installs Debian's `postgresql` package when its server binaries are missing, creates a cluster in
// a fresh temporary folder on a free loopback port, creates the database `usher_test`, runs the
// command with DATABASE_URL pointing at it, then stops the cluster and deletes the folder — also
// when the command fails or the run is interrupted. Exits with the command's status.
// No dependencies: CI runs it on a fresh Debian 12 machine with only Node 20.
import { spawn, spawnSync } from 'node:child_process'
import { chownSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs'
import { createServer } from 'node:net'
import { tmpdir } from 'node:os'
import { join } from 'node:path'

const DATABASE = 'usher_test'
const log = (message) => console.error(`[with-postgres] ${message}`)

const separator = process.argv.indexOf('--')
const command = separator === -1 ? [] : process.argv.slice(separator + 1)
if (command.length === 0) {
  console.error('usage: node scripts/with-postgres.mjs -- <command> [args...]')
  process.exit(2)
}

const isRoot = process.getuid?.() === 0
let cluster = null
let child = null
let cleanedUp = false

function run(file, args, options = {}) {
  const result = spawnSync(file, args, { encoding: 'utf8', ...options })
  if (result.error) throw result.error
  return result
}

function commandExists(name) {
  return run('sh', ['-c', `command -v ${name}`]).status === 0
}

/** The newest `/usr/lib/postgresql/<major>/bin` that has initdb and pg_ctl (Debian's layout). */
function findServerBinaries() {
  const root = '/usr/lib/postgresql'
  if (!existsSync(root)) return null
  const majors = readdirSync(root)
    .filter((name) => /^\d+$/.test(name))
    .sort((a, b) => Number(b) - Number(a))
  for (const major of majors) {
    const bin = join(root, major, 'bin')
    if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return { major, bin }
  }
  return null
}

function installPostgres() {
  const privileged = (args) => (isRoot ? args : ['sudo', '-n', ...args])
  if (!isRoot && !commandExists('sudo')) {
    throw new Error('PostgreSQL is not installed and this user can neither install it (not root, no sudo).')
  }
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' }
  const aptGet = (args) => {
    const [file, ...rest] = privileged(['apt-get', ...args])
    log(`$ ${[file, ...rest].join(' ')}`)
    return run(file, rest, { stdio: 'inherit', env }).status === 0
  }
  const install = ['install', '-y', '--no-install-recommends', 'postgresql']
  // A fresh machine's package lists may be missing or stale: update only when the install fails.
  if (!aptGet(install) && !(aptGet(['update']) && aptGet(install))) {
    throw new Error('Could not install the postgresql package with apt-get.')
  }
}

/** The command line that runs a server binary as the `postgres` user (initdb refuses root). */
function asServerUser(file, args) {
  if (!isRoot) return [file, args]
  if (commandExists('runuser')) return ['runuser', ['-u', 'postgres', '--', file, ...args]]
  const quoted = [file, ...args].map((arg) => `'${arg.replaceAll("'", `'\\''`)}'`).join(' ')
  return ['su', ['postgres', '-s', '/bin/sh', '-c', quoted]]
}

function runServerBinary(file, args) {
  const [cmd, cmdArgs] = asServerUser(file, args)
  // From the cluster's folder: the postgres user may not be allowed into the caller's directory.
  const result = run(cmd, cmdArgs, { cwd: cluster?.dir })
  if (result.status !== 0) {
    throw new Error(`${file} ${args.join(' ')} failed:\n${result.stdout}${result.stderr}`)
  }
  return result
}

function freePort() {
  return new Promise((resolve, reject) => {
    const server = createServer()
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address()
      server.close(() => resolve(port))
    })
  })
}

function postgresIds() {
  const uid = run('id', ['-u', 'postgres'])
  const gid = run('id', ['-g', 'postgres'])
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error('Running as root needs the `postgres` system user (the postgresql package creates it).')
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) }
}

async function startCluster() {
  const started = Date.now()
  let binaries = findServerBinaries()
  if (!binaries) {
    log('PostgreSQL server binaries not found under /usr/lib/postgresql: installing the postgresql package')
    installPostgres()
    binaries = findServerBinaries()
    if (!binaries) throw new Error('postgresql was installed but no initdb/pg_ctl under /usr/lib/postgresql.')
  }
  const { bin, major } = binaries
  // Under /tmp even when TMPDIR points into root's home: the postgres user must reach the folder.
  const dir = mkdtempSync(join(isRoot ? '/tmp' : tmpdir(), 'usher-pg-'))
  const data = join(dir, 'data')
  const port = await freePort()
  cluster = { bin, dir, data, port, running: false }
  if (isRoot) {
    const { uid, gid } = postgresIds()
    chownSync(dir, uid, gid)
  }
  runServerBinary(join(bin, 'initdb'), [
    '-D',
    data,
    '-U',
    'postgres',
    '-A',
    'trust',
    '-E',
    'UTF8',
    '--locale=C',
    '--no-sync',
  ])
  // Durability is pointless for a cluster deleted at the end: skip every flush.
  const settings = [
    '-c listen_addresses=127.0.0.1',
    `-c port=${port}`,
    `-c unix_socket_directories=${dir}`,
    '-c fsync=off',
    '-c synchronous_commit=off',
    '-c full_page_writes=off',
    '-c max_connections=200',
  ].join(' ')
  try {
    runServerBinary(join(bin, 'pg_ctl'), [
      'start',
      '-D',
      data,
      '-w',
      '-t',
      '60',
      '-l',
      join(dir, 'server.log'),
      '-o',
      settings,
    ])
  } catch (error) {
    const logFile = join(dir, 'server.log')
    if (existsSync(logFile)) log(`server log:\n${readFileSync(logFile, 'utf8')}`)
    throw error
  }
  cluster.running = true
  const createdb = run(join(bin, 'createdb'), [
    '-h',
    '127.0.0.1',
    '-p',
    String(port),
    '-U',
    'postgres',
    DATABASE,
  ])
  if (createdb.status !== 0) throw new Error(`createdb failed:\n${createdb.stderr}`)
  const seconds = ((Date.now() - started) / 1000).toFixed(1)
  log(`PostgreSQL ${major} ready on 127.0.0.1:${port} in ${seconds} s (${dir})`)
  return `postgres://postgres@127.0.0.1:${port}/${DATABASE}`
}

/** Synchronous, so it also runs from an 'exit' handler. Idempotent. */
function cleanup() {
  if (cleanedUp || !cluster) return
  cleanedUp = true
  const { bin, dir, data } = cluster
  if (cluster.running) {
    try {
      // Immediate: nothing in this cluster is worth a clean shutdown.
      const [cmd, args] = asServerUser(join(bin, 'pg_ctl'), ['stop', '-D', data, '-m', 'immediate', '-w'])
      const result = spawnSync(cmd, args, { encoding: 'utf8', cwd: dir })
      if (result.status !== 0) killPostmaster(data)
    } catch {
      killPostmaster(data)
    }
  }
  rmSync(dir, { recursive: true, force: true })
  log('PostgreSQL stopped and its folder removed')
}

function killPostmaster(data) {
  try {
    const pid = Number(readFileSync(join(data, 'postmaster.pid'), 'utf8').split('\n')[0])
    if (pid > 0) process.kill(pid, 'SIGKILL')
  } catch {
    // Already gone.
  }
}

const SIGNAL_CODES = { SIGINT: 2, SIGTERM: 15, SIGHUP: 1 }
let interrupted = null
for (const signal of Object.keys(SIGNAL_CODES)) {
  process.on(signal, () => {
    if (interrupted) {
      // A second signal: stop waiting for the command.
      cleanup()
      process.exit(128 + SIGNAL_CODES[signal])
    }
    interrupted = signal
    if (child && child.exitCode === null) {
      child.kill(signal)
    } else {
      cleanup()
      process.exit(128 + SIGNAL_CODES[signal])
    }
  })
}
process.on('exit', cleanup)

try {
  const url = await startCluster()
  if (interrupted) {
    cleanup()
    process.exit(128 + SIGNAL_CODES[interrupted])
  }
  const [file, ...args] = command
  const started = Date.now()
  child = spawn(file, args, { stdio: 'inherit', env: { ...process.env, DATABASE_URL: url } })
  const status = await new Promise((resolve) => {
    child.once('error', (error) => {
      log(`could not run ${file}: ${error.message}`)
      resolve(127)
    })
    child.once('exit', (code, signal) => resolve(code ?? 128 + (SIGNAL_CODES[signal] ?? 1)))
  })
  log(`${command.join(' ')} exited with ${status} after ${((Date.now() - started) / 1000).toFixed(1)} s`)
  cleanup()
  process.exit(interrupted ? 128 + SIGNAL_CODES[interrupted] : status)
} catch (error) {
  log(error instanceof Error ? error.message : String(error))
  cleanup()
  process.exit(1)
}
