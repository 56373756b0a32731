/**
 * The SDK in five calls, against a local stand-in of the API. Run: `pnpm --filter @usher/sdk example`
 * (or `npm start` at the root). Add `--serve` to keep the stand-in running for your own calls.
 */
import { createUsherClient, isUsherApiError, isUsherValidationError } from '../src/index'
import { startStubServer } from './stub-server'

const serve = process.argv.includes('--serve')
const { url, server } = await startStubServer(serve ? Number(process.env.PORT ?? 4319) : 0)

const usher = createUsherClient({
  baseUrl: url,
  // A function is called before every attempt: the place to refresh an expiring token.
  token: async () => 'demo-token',
})

const me = await usher.me.get()
console.log(
  `Signed in as ${me.user.firstName} ${me.user.lastName} (${me.user.role}) at ${me.organization.name}`,
)
console.log(`Seats: ${me.seats.used} of ${me.seats.allowed ?? '∞'} technicians\n`)

const page = await usher.users.list({ status: ['invited', 'expired'], limit: 5 })
console.log('First page of pending invitations:')
for (const user of page.items) {
  console.log(`  ${user.status.padEnd(8)} ${`${user.firstName} ${user.lastName}`.padEnd(28)} ${user.email}`)
}

let pending = 0
for await (const _user of usher.users.listAll({ status: ['invited'], limit: 50 })) pending++
console.log(`\nInvited, across every page: ${pending}`)

// A malformed request is refused before anything is sent, with the server's 422 shape.
try {
  await usher.invitations.create({
    invitations: [{ firstName: 'Léa', lastName: 'Dubois', email: 'lea.dubois@', role: 'technician' }],
  })
} catch (error) {
  if (isUsherValidationError(error)) {
    console.log(`\nRefused locally: ${error.fieldErrors.map((e) => `${e.path} → ${e.code}`).join(', ')}`)
  } else throw error
}

// Several people in one request; each row gets its own result.
const taken = page.items[0]?.email ?? 'someone@acme.fr'
const result = await usher.invitations.create({
  invitations: [
    {
      salutation: 'ms',
      firstName: 'Hélène',
      lastName: 'Lefèvre',
      email: 'helene.lefevre@acme.fr',
      role: 'technician',
    },
    { firstName: 'Oscar', lastName: "O'Connor", email: 'oscar.oconnor@acme.fr', role: 'admin', locale: 'en' },
    { firstName: 'Déjà', lastName: 'Là', email: taken, role: 'technician' },
    // A shared department mailbox: the server refuses this row alone.
    { firstName: 'Service', lastName: 'Maintenance', email: 'maintenance@acme.fr', role: 'technician' },
  ],
})
console.log(`\nInvitations: ${result.created} created, ${result.failed} failed`)
for (const row of result.results) {
  console.log(
    row.status === 'created'
      ? `  ✓ ${row.invitation.email}`
      : row.status === 'joined'
        ? `  ✓ ${row.email}: joined at once (existing account)`
        : row.status === 'failed'
          ? `  ✗ ${row.email}: ${row.error.code}`
          : `  · ${row.email}: valid (dry run)`,
  )
}

try {
  await createUsherClient({ baseUrl: url, token: 'wrong' }).me.get()
} catch (error) {
  if (isUsherApiError(error)) console.log(`\nA bad token: ${error.status} ${error.code}`)
}

if (serve) console.log(`\nThe stand-in API keeps running at ${url} (token "demo-token"); Ctrl+C to stop.`)
else server.close()
