/**
 * The real Usher API on embedded PGlite, seeded with the demo and driven through `@usher/sdk`.
 * Run: `pnpm --filter @usher/server example` (or `npm start` at the root).
 *
 * The data lives in `.usher-data/walkthrough` at the repository root and survives restarts; with
 * `CI` set it lives in memory. Afterwards the API keeps serving until Ctrl+C, unless `CI` is set or
 * `--once` is passed.
 */
import { randomBytes } from 'node:crypto'
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs'
import type { AddressInfo } from 'node:net'
import { fileURLToPath } from 'node:url'
import { type ServerType, serve } from '@hono/node-server'
import type { User } from '@usher/contract'
import { createUsherClient, isUsherApiError, type UsherClient } from '@usher/sdk'
import { createUsherServer, type DemoSeedResult, seedDemo, type UsherServer } from '../src/index'

const ci = Boolean(process.env.CI) && process.env.CI !== 'false' && process.env.CI !== '0'
const once = ci || process.argv.includes('--once')
const DATA_DIR_LABEL = '.usher-data/walkthrough'
const dataDir = ci ? undefined : fileURLToPath(new URL(`../../../${DATA_DIR_LABEL}`, import.meta.url))
const DAY_MS = 86_400_000
const started = performance.now()

/** What the walkthrough is doing, for the error message when a step fails. */
let step = 'starting'

/** A step that did not give the expected answer (printed without a stack trace). */
class WalkthroughError extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new WalkthroughError(message)
}

/**
 * PGlite has one process per data folder: a second walkthrough on the same folder (the first one
 * still serving, the second on another port) would corrupt it. Returns the release function.
 */
function lockDataDir(dir: string): () => void {
  const lockFile = `${dir}.pid`
  try {
    writeFileSync(lockFile, String(process.pid), { flag: 'wx' })
  } catch {
    const pid = Number(readFileSync(lockFile, 'utf8'))
    let alive = false
    try {
      process.kill(pid, 0)
      alive = pid !== process.pid
    } catch {}
    check(!alive, `another walkthrough (process ${pid}) is using ${DATA_DIR_LABEL}: stop it first (Ctrl+C).`)
    writeFileSync(lockFile, String(process.pid))
  }
  const release = () => rmSync(lockFile, { force: true })
  process.once('exit', release)
  return release
}

/** Listens on `port`, or on a free one when it is taken. */
function listen(server: UsherServer, port: number): Promise<ServerType> {
  return new Promise((resolve, reject) => {
    const http = serve({ fetch: server.fetch, port, hostname: '127.0.0.1' }, () => resolve(http))
    http.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE' && port !== 0) {
        console.log(`Port ${port} is taken; using a free one.`)
        resolve(listen(server, 0))
      } else reject(error)
    })
  })
}

function requestedPort(): number {
  const raw = process.env.PORT || '4318'
  const port = Number(raw)
  check(Number.isInteger(port) && port >= 0 && port <= 65_535, `PORT is not a port number: "${raw}"`)
  return port
}

function fullName(user: Pick<User, 'firstName' | 'lastName'>): string {
  return `${user.firstName} ${user.lastName}`.trim()
}

function plural(count: number, word: string, many = `${word}s`): string {
  return `${count} ${count === 1 ? word : many}`
}

/** The Status column of the users list: "invited, expires in 5 days", "expired", "active"... */
function statusLabel(user: User): string {
  if (user.status !== 'invited' || !user.invitationExpiresAt) return user.status
  const days = Math.ceil((new Date(user.invitationExpiresAt).getTime() - Date.now()) / DAY_MS)
  return `invited, expires in ${plural(days, 'day')}`
}

function table(rows: string[][]): string[] {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((row) => row[i]?.length ?? 0))) ?? []
  return rows.map((row) =>
    row
      .map((cell, i) => cell.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd(),
  )
}

async function signIn(url: string, email: string, password: string): Promise<UsherClient> {
  const { session, user } = await createUsherClient({ baseUrl: url }).auth.login({ email, password })
  check(user.email === email, `signed in as ${user.email} instead of ${email}`)
  return createUsherClient({ baseUrl: url, token: session.token })
}

async function countUsers(client: UsherClient): Promise<number> {
  let count = 0
  for await (const _user of client.users.listAll({ limit: 200 })) count++
  return count
}

async function walkthrough(server: UsherServer, url: string, demo: DemoSeedResult) {
  const fr = demo.organizations.find((org) => org.slug === 'atelier-durand')
  check(fr, 'the seed returned no French organization')
  const account = (userId: string) => {
    const found = fr.accounts.find((a) => a.userId === userId)
    check(found, `demo account ${userId} is missing`)
    return found
  }
  const ownerAccount = account(fr.ownerId)

  step = 'signing in as the owner'
  const owner = await signIn(url, ownerAccount.email, demo.password)
  // A data folder kept from earlier runs holds the people those runs invited: remove them first, or
  // the plan's 8 technician seats would run out.
  step = 'removing the people earlier runs invited'
  const earlier = await server.db
    .selectFrom('users')
    .select('id')
    .where('org_id', '=', fr.id)
    .where((eb) => eb.or([eb('email', 'like', 'emma.blanc+%'), eb('email', 'like', 'noah.garnier+%')]))
    .execute()
  if (earlier.length) {
    const result = await owner.users.bulk({ action: 'delete', userIds: earlier.map((u) => u.id) })
    check(result.failed === 0, `deleting earlier invitees: ${JSON.stringify(result)}`)
    console.log(
      `Removed ${plural(earlier.length, 'person', 'people')} an earlier run invited, to free their seats.`,
    )
  }

  step = 'reading /me'
  const me = await owner.me.get()
  console.log(`\n1. ${fullName(me.user)} (${me.user.role}) signs in with the built-in sign-in`)
  console.log(
    `   ${me.organization.name}: ${plural(me.counts.users, 'user')}, ` +
      `${me.seats.used} of ${me.seats.allowed ?? '∞'} technician seats used`,
  )

  step = 'listing users'
  const page = await owner.users.list({ limit: 12 })
  console.log('\n2. The first page of users')
  const rows = page.items.map((u) => [' ', statusLabel(u), fullName(u), u.role, u.email])
  for (const line of table([[' ', 'STATUS', 'NAME', 'ROLE', 'EMAIL'], ...rows])) console.log(line)
  if (page.nextCursor) console.log('   … more on the next page')
  const statuses = new Set(page.items.map((u) => u.status))
  for (const status of ['active', 'invited', 'expired', 'disabled'] as const) {
    check(statuses.has(status), `no ${status} user on the first page`)
  }

  step = 'reading groups'
  const groups = new Map<string, string>()
  for await (const group of owner.groups.listAll()) groups.set(group.name, group.id)
  const groupId = (name: string) => {
    const id = groups.get(name)
    check(id, `no group named ${name}`)
    return id
  }

  step = 'inviting three people'
  const stamp = Date.now().toString(36)
  const emma = `emma.blanc+${stamp}@atelier-durand.example`
  const invited = await owner.invitations.create({
    invitations: [
      {
        salutation: 'ms',
        firstName: 'Emma',
        lastName: 'Blanc',
        email: emma,
        role: 'technician',
        groupIds: [groupId('Boulogne')],
      },
      {
        firstName: 'Noah',
        lastName: 'Garnier',
        email: `noah.garnier+${stamp}@atelier-durand.example`,
        role: 'technician',
        groupIds: [groupId('Villeurbanne')],
      },
      // Seed 001: a shared department mailbox cannot hold a person's account.
      {
        firstName: 'Service',
        lastName: 'Maintenance',
        email: 'maintenance@atelier-durand.example',
        role: 'technician',
      },
    ],
  })
  console.log(`\n3. Inviting three people: ${invited.created} created, ${invited.failed} refused`)
  for (const row of invited.results) {
    console.log(
      row.status === 'created'
        ? `   ✓ ${row.invitation.email} (${row.invitation.role}, ${statusLabel(row.user)})`
        : row.status === 'joined'
          ? `   ✓ ${row.email}: joined at once (existing account)`
          : row.status === 'failed'
            ? `   ✗ ${row.email}: ${row.error.code} (${row.error.message})`
            : `   · ${row.email}: valid (dry run)`,
    )
  }
  check(invited.created === 2 && invited.failed === 1, 'expected 2 invitations created and 1 refused')
  const emmaRow = invited.results.find((row) => row.status === 'created' && row.invitation.email === emma)
  check(emmaRow?.status === 'created', `no invitation for ${emma}`)

  step = 'following the invitation link'
  const mail = await server.db
    .selectFrom('outbox')
    .select(['subject', 'link'])
    .where('to_address', '=', emma)
    .where('kind', '=', 'invitation')
    .orderBy('created_at', 'desc')
    .executeTakeFirst()
  check(mail?.link, `no invitation email to ${emma} in the outbox`)
  const token = new URL(mail.link).searchParams.get('token')
  check(token, `the invitation link has no token: ${mail.link}`)
  const anonymous = createUsherClient({ baseUrl: url })
  const lookup = await anonymous.invitations.lookup(token)
  console.log(`\n4. Emma's email in the outbox: "${mail.subject}"`)
  console.log(`   link ${mail.link.replace(token, `${token.slice(0, 8)}…`)}`)
  console.log(
    `   the link is ${lookup.status}: ${lookup.organization.name}, invited by ${lookup.invitedBy?.name ?? '?'}, ` +
      `role ${lookup.role}, until ${lookup.expiresAt.slice(0, 10)}`,
  )
  const accepted = await anonymous.invitations.accept({
    token,
    salutation: 'ms',
    firstName: 'Emma-Louise',
    lastName: lookup.lastName,
    password: 'Clé-à-molette-Orage-1987',
    acceptTerms: true,
    acceptConsent: true,
  })
  const emmaNow = await owner.users.get(accepted.user.id)
  console.log(
    `   she accepts as ${fullName(accepted.user)}, with a password, the consent and the terms: ` +
      `now ${emmaNow.status}${accepted.session ? ', and signed in' : ''}`,
  )
  check(emmaNow.status === 'active', `${emma} is ${emmaNow.status} after accepting`)

  step = 'sharing groups with a technician'
  const hugoAccount = fr.accounts.find((a) => a.email === 'hugo.moreau@atelier-durand.example')
  check(hugoAccount, 'Hugo Moreau is missing from the demo')
  const hugoBefore = await owner.users.get(hugoAccount.userId)
  const shares = await owner.shares.get(hugoAccount.userId)
  await owner.shares.replace(
    hugoAccount.userId,
    {
      shares: [
        { groupId: groupId('Paris 11e'), permission: 'manage' },
        { groupId: groupId('Saint-Denis'), permission: 'view' },
      ],
    },
    { ifMatch: shares.version },
  )
  const hugoAfter = await owner.users.get(hugoAccount.userId)
  console.log(
    `\n5. Sharing "Paris 11e" (manage) and "Saint-Denis" (view) with ${fullName(hugoAfter)}, ` +
      `technician: ${hugoBefore.sharedGroupCount} → ${hugoAfter.sharedGroupCount} shared groups` +
      (hugoBefore.sharedGroupCount ? ' (an earlier run shared them)' : ''),
  )
  check(hugoAfter.sharedGroupCount === 2, `${fullName(hugoAfter)} has ${hugoAfter.sharedGroupCount} groups`)

  step = 'signing in as the scoped admin'
  const adminAccount = account(fr.adminId)
  const admin = await signIn(url, adminAccount.email, demo.password)
  const [adminSees, ownerSees] = [await countUsers(admin), await countUsers(owner)]
  console.log(
    `\n6. ${adminAccount.name} (admin of "Clients Île-de-France" only) sees ${plural(adminSees, 'user')}; ` +
      `the owner sees ${ownerSees}`,
  )
  check(adminSees < ownerSees, 'the scoped admin sees as many users as the owner')

  step = 'a technician trying to invite'
  const technicianAccount = account(fr.technicianId)
  const technician = await signIn(url, technicianAccount.email, demo.password)
  try {
    await technician.invitations.create({
      invitations: [
        {
          firstName: 'Zoé',
          lastName: 'Martin',
          email: `zoe.martin+${stamp}@example.com`,
          role: 'technician',
        },
      ],
    })
    throw new WalkthroughError('a technician could invite someone')
  } catch (error) {
    if (!isUsherApiError(error) || error.status !== 403) throw error
    console.log(
      `\n7. ${technicianAccount.name} (technician) tries to invite someone: ${error.status} ${error.code}`,
    )
  }
}

function printAccounts(url: string, demo: DemoSeedResult) {
  console.log(`\nThe Usher API is serving at ${url}`)
  console.log(`Demo accounts (password "${demo.password}" for those that have one):`)
  const rows = demo.organizations.flatMap((org) =>
    org.accounts.map((a) => [
      ' ',
      org.slug,
      a.role,
      a.status,
      a.name,
      a.email,
      a.password ? '' : '(no password)',
    ]),
  )
  for (const line of table(rows)) console.log(line)
  console.log(`Data: ${DATA_DIR_LABEL} (delete it to start afresh). Ctrl+C to stop.`)
}

async function main() {
  let server: UsherServer | undefined
  let http: ServerType | undefined
  let unlock = () => {}
  const stop = async () => {
    if (http) {
      const closing = new Promise((resolve) => http?.close(resolve))
      if ('closeAllConnections' in http) http.closeAllConnections()
      await closing
    }
    await server?.close()
    unlock()
  }

  try {
    if (dataDir) {
      step = 'opening the data folder'
      mkdirSync(dataDir, { recursive: true })
      unlock = lockDataDir(dataDir)
    }
    step = 'starting the server'
    server = createUsherServer({
      database: dataDir ? { dataDir } : {},
      // A fresh secret each run: sessions from an earlier run stop working, which a demo can afford.
      auth: { secret: randomBytes(32).toString('base64url') },
      mailer: { transport: null },
    })
    await server.ready
    step = 'seeding the demo'
    const demo = await seedDemo(server)
    step = 'opening the HTTP port'
    http = await listen(server, requestedPort())
    const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}`
    const where = process.env.DATABASE_URL
      ? 'PostgreSQL (DATABASE_URL)'
      : dataDir
        ? `PGlite in ${DATA_DIR_LABEL}, kept between runs`
        : 'PGlite in memory'
    console.log(`Usher walkthrough: the real API at ${url}, on ${where}`)
    console.log(
      `Demo: ${demo.organizations.map((o) => `${o.name} (${o.created ? 'seeded now' : 'already there'})`).join(', ')}`,
    )

    await walkthrough(server, url, demo)
    console.log(`\nWalkthrough done in ${((performance.now() - started) / 1000).toFixed(1)} s.`)

    if (once) {
      await stop()
      return
    }
    printAccounts(url, demo)
    let stopping = false
    const onSignal = () => {
      if (stopping) process.exit(130)
      stopping = true
      console.log('\nStopping…')
      stop().then(
        () => process.exit(0),
        () => process.exit(1),
      )
    }
    process.on('SIGINT', onSignal)
    process.on('SIGTERM', onSignal)
  } catch (error) {
    const detail = isUsherApiError(error)
      ? `${error.status} ${error.code}: ${error.message}${error.fieldErrors.map((e) => `\n  ${e.path} → ${e.code}`).join('')}`
      : error instanceof WalkthroughError
        ? error.message
        : error instanceof Error
          ? (error.stack ?? error.message)
          : String(error)
    console.error(`\nThe walkthrough failed while ${step}:\n${detail}`)
    if (dataDir && step !== 'opening the data folder') {
      console.error(`If the data was changed by hand, delete ${DATA_DIR_LABEL} and run it again.`)
    }
    await stop().catch(() => {})
    process.exit(1)
  }
}

await main()
