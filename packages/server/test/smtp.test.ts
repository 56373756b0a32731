import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { SMTPServer } from 'smtp-server'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { smtpTransport } from '../src/index'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'
import { ownDatabase } from './support/own-database'

interface Received {
  to: string[]
  raw: string
}

/** Quoted-printable soft breaks and escapes undone, so a link reads as it was written. */
const decodeQuotedPrintable = (raw: string) =>
  raw
    .replace(/=\r?\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(Number.parseInt(hex, 16)))

let smtp: SMTPServer
let transport: ReturnType<typeof smtpTransport>
let t: TestServer
let dropDatabase: () => Promise<void>
const inbox: Received[] = []
const waiters: Array<() => void> = []

beforeAll(async () => {
  smtp = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = []
      stream.on('data', (chunk: Buffer) => chunks.push(chunk))
      stream.on('end', () => {
        inbox.push({
          to: session.envelope.rcptTo.map((r) => r.address),
          raw: Buffer.concat(chunks).toString('utf8'),
        })
        for (const wake of waiters.splice(0)) wake()
        callback()
      })
    },
  })
  await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', () => resolve()))
  const port = (smtp.server.address() as AddressInfo).port
  transport = smtpTransport(`smtp://127.0.0.1:${port}`)
  // Its own database: a server with a transport delivers (and scrubs) every unsent message at
  // start-up, which on the shared PostgreSQL database would include other files' messages.
  const own = await ownDatabase()
  dropDatabase = own.drop
  t = await startTestServer({ ...own.options, mailer: { transport, from: 'Usher <no-reply@usher.test>' } })
})

afterAll(async () => {
  await t.close()
  await dropDatabase()
  transport.close()
  await new Promise<void>((resolve) => smtp.close(() => resolve()))
})

async function messageTo(address: string, timeoutMs = 10_000): Promise<Received> {
  const deadline = Date.now() + timeoutMs
  for (;;) {
    const found = inbox.find((m) => m.to.includes(address))
    if (found) return found
    if (Date.now() > deadline) throw new Error(`No message reached ${address}`)
    await new Promise<void>((resolve) => {
      waiters.push(resolve)
      setTimeout(resolve, 200)
    })
  }
}

describe('given an SMTP server', () => {
  it('delivers the invitation, whose link accepts it', async () => {
    const org = await createTestOrg(t, { name: 'Brasserie Lemoine' })
    const email = `smtp.${randomUUID().slice(0, 8)}@example.com`
    await org.owner.client.invitations.create({
      invitations: [{ firstName: 'Noémie', lastName: 'Roux', email, role: 'technician', locale: 'fr' }],
      message: 'Bienvenue dans l’équipe !',
    })

    const message = await messageTo(email)
    const decoded = decodeQuotedPrintable(message.raw)
    expect(decoded).toMatch(/^From: Usher <no-reply@usher\.test>/m)
    expect(decoded).toMatch(/Content-Type: text\/plain/)
    expect(decoded).toMatch(/Content-Type: text\/html/)
    const token = decoded.match(/http:\/\/app\.test\/accept\?token=([A-Za-z0-9_-]{43})/)?.[1]
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)

    const lookup = await t.anonymous.invitations.lookup(token ?? '')
    expect(lookup).toMatchObject({ email, organization: { name: 'Brasserie Lemoine' }, locale: 'fr' })
    const accepted = await t.anonymous.invitations.accept({
      token: token ?? '',
      firstName: 'Noémie',
      lastName: 'Roux',
      password: 'correct horse battery staple',
      acceptTerms: true,
      acceptConsent: true,
    })
    expect(accepted.user.status).toBe('active')
    expect((await org.owner.client.invitations.list()).items).toHaveLength(0)

    const sent = await t.server.db
      .selectFrom('outbox')
      .select(['sent_at', 'error'])
      .where('to_address', '=', email)
      .executeTakeFirstOrThrow()
    expect(sent.sent_at).not.toBeNull()
    expect(sent.error).toBeNull()
  })
})
