/**
 * 1,000 incoming messages through POST /inbound-email, over HTTP, one at a time as a mail
 * pipeline sends them, each from a new sender (created once, from the whole message); then 200 of
 * them delivered again (replays: the first answer, nothing written) and 200 from known senders
 * under new Message-IDs (matched). Prints the time of each phase and checks each person exists once.
 *   pnpm exec tsx bench/inbound-email.ts
 */
import { randomUUID } from 'node:crypto'
import type { AddressInfo } from 'node:net'
import { serve } from '@hono/node-server'
import { newOrgTokenSecret } from '../src/domain/org-tokens'
import { createUsherServer } from '../src/index'

delete process.env.DATABASE_URL
const server = createUsherServer({
  auth: { secret: 'bench-secret-bench-secret-bench-secret-0000' },
  roles: {
    contact: {
      rank: 1,
      permissions: [],
      scope: 'groups',
      takesSeat: false,
      label: { en: 'Contact', fr: 'Contact' },
    },
  },
  logger: { info() {}, warn() {}, error: (m, f) => console.error(m, f) },
})
await server.ready
const { organization } = await server.provision.createOrganization({
  name: `Inbound bench ${randomUUID().slice(0, 8)}`,
  settings: { inboundEmail: { createPeople: true, role: 'contact', invite: false, domains: [] } },
  owner: { email: 'owner@helpdesk.example', firstName: 'Olivia', lastName: 'Owner' },
})
const { secret, hash, prefix } = newOrgTokenSecret('inbound-email')
await server.db
  .insertInto('directory_tokens')
  .values({
    id: randomUUID(),
    org_id: organization.id,
    name: 'Bench',
    prefix,
    token_hash: hash,
    purpose: 'inbound-email',
    created_at: new Date(),
  })
  .execute()
const http = serve({ fetch: server.fetch, port: 0, hostname: '127.0.0.1' })
await new Promise<void>((resolve) => http.once('listening', () => resolve()))
const url = `http://127.0.0.1:${(http.address() as AddressInfo).port}/inbound-email`

const message = (i: number, id: string) =>
  [
    `From: "Client ${i}, Jean" <jean.client${i}@client-nord.example>`,
    `Message-ID: <${id}@bench>`,
    'Subject: help',
    '',
    'Bonjour',
  ].join('\r\n')
async function send(i: number, id: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { Authorization: `Bearer ${secret}`, 'Content-Type': 'message/rfc822' },
    body: message(i, id),
  })
  if (response.status !== 200) throw new Error(`${response.status} ${await response.text()}`)
  return (await response.json()) as { outcome: string; replayed: boolean }
}
async function phase(
  count: number,
  label: string,
  fn: (i: number) => Promise<{ outcome: string; replayed: boolean }>,
  expected: string,
) {
  const start = performance.now()
  for (let i = 0; i < count; i++) {
    const answer = await fn(i)
    if (answer.outcome !== expected) throw new Error(`${label} ${i}: ${JSON.stringify(answer)}`)
  }
  const ms = performance.now() - start
  console.log(`${label}: ${count} messages in ${Math.round(ms)} ms (${(ms / count).toFixed(1)} ms each)`)
  return ms
}
const total =
  (await phase(1000, 'new senders', (i) => send(i, `m${i}`), 'created')) +
  (await phase(200, 'replays', (i) => send(i, `m${i}`), 'created')) +
  (await phase(200, 'known senders', (i) => send(i, `n${i}`), 'matched'))
const people = await server.db
  .selectFrom('users')
  .select((eb) => eb.fn.countAll<number>().as('n'))
  .where('org_id', '=', organization.id)
  .where('source', '=', 'email')
  .executeTakeFirstOrThrow()
console.log(
  `1,400 messages in ${Math.round(total)} ms; people created from email: ${people.n} (expected 1,000)`,
)
if (Number(people.n) !== 1000) process.exitCode = 1
http.close()
await server.close()
