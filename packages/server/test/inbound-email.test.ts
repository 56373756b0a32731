import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestOrg, type TestServer } from './support/harness'
import { ownerCall } from './support/scim'

// biome-ignore lint/suspicious/noExplicitAny: answers are read by path in the tests
type Json = any

const CONTACT = {
  rank: 1,
  permissions: [],
  scope: 'groups' as const,
  takesSeat: false,
  label: { en: 'Contact', fr: 'Contact' },
}

let t: TestServer
beforeAll(async () => {
  t = await startTestServer({ roles: { contact: CONTACT } })
})
afterAll(() => t.close())

/** The host's mail pipeline: a token of the organization, and messages posted with it. */
async function pipelineOf(org: TestOrg) {
  const created = await ownerCall(t, org, 'POST', '/inbound-email/tokens', { name: 'Helpdesk' })
  expect(created.status, JSON.stringify(created.json)).toBe(201)
  const token: string = created.json.secret
  const post = async (body: unknown, contentType = 'application/json', secret = token) => {
    const response = await fetch(`${t.url}/inbound-email`, {
      method: 'POST',
      headers: { Authorization: `Bearer ${secret}`, 'Content-Type': contentType },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    })
    return { status: response.status, json: (await response.json()) as Json }
  }
  return { token, tokenId: created.json.id as string, post }
}

/** An organization that creates people from email, with a site per customer domain. */
async function creatingOrg(settings: Record<string, unknown> = {}) {
  const org = await createTestOrg(t)
  const nord = await org.owner.client.groups.create({ name: 'Clients Nord' })
  const current = await ownerCall(t, org, 'GET', '/me')
  const patched = await fetch(`${t.url}/organization`, {
    method: 'PATCH',
    headers: {
      Authorization: `Bearer ${await org.owner.token()}`,
      'Content-Type': 'application/json',
      'If-Match': `"${current.json.organization.version}"`,
    },
    body: JSON.stringify({
      settings: {
        inboundEmail: {
          createPeople: true,
          role: 'contact',
          invite: false,
          domains: [{ domain: 'Client-Nord.fr', groupId: nord.id }],
          ...settings,
        },
      },
    }),
  })
  expect(patched.status, await patched.clone().text()).toBe(200)
  return { org, nord, pipeline: await pipelineOf(org) }
}

const raw = (lines: string[]) => `${lines.join('\r\n')}\r\n\r\nBonjour, mon imprimante ne marche plus.\r\n`

describe('given an organization that creates people from email', () => {
  it('creates the sender from a whole message, named and placed by domain, once per Message-ID', async () => {
    const { org, nord, pipeline } = await creatingOrg()
    const message = raw([
      'From: "Dupont, Jean" <Jean.Dupont@Client-Nord.fr>',
      'To: support@helpdesk.example',
      'Subject: =?UTF-8?Q?Imprimante_en_panne?=',
      'Message-ID: <ticket-1@client-nord.fr>',
    ])
    const first = await pipeline.post(message, 'message/rfc822')
    expect(first.status, JSON.stringify(first.json)).toBe(200)
    expect(first.json).toMatchObject({
      outcome: 'created',
      created: true,
      replayed: false,
      address: 'jean.dupont@client-nord.fr',
      messageId: 'ticket-1@client-nord.fr',
      refusal: null,
    })
    expect(first.json.person).toMatchObject({
      firstName: 'Jean',
      lastName: 'Dupont',
      email: 'jean.dupont@client-nord.fr',
      role: 'contact',
      source: 'email',
      status: 'active',
      groupIds: [nord.id],
    })

    // Delivered twice: the same answer, and still one person.
    const again = await pipeline.post(message, 'message/rfc822')
    expect(again.json).toMatchObject({ outcome: 'created', created: true, replayed: true })
    expect(again.json.person.id).toBe(first.json.person.id)
    const listed = await org.owner.client.users.list({ source: ['email'] })
    expect(listed.items.map((u) => u.email)).toEqual(['jean.dupont@client-nord.fr'])

    // No invitation was asked for: no mail at all.
    const mails = await t.server.db
      .selectFrom('outbox')
      .select('to_address')
      .where('to_address', '=', 'jean.dupont@client-nord.fr')
      .execute()
    expect(mails).toHaveLength(0)

    // The audit log names the mail pipeline and its token.
    const audit = await ownerCall(t, org, 'GET', '/audit?action=user.created')
    const event = audit.json.items.find((e: Json) => e.target.label === 'jean.dupont@client-nord.fr')
    expect(event.actor.name).toBe('Mail pipeline (Helpdesk)')
  })

  it('matches an existing person by address whatever its case, and creates nobody', async () => {
    const { org, pipeline } = await creatingOrg()
    const anne = await org.addMember({ role: 'technician', email: 'anne.roy@client-nord.fr' })
    const answer = await pipeline.post({
      from: { address: 'ANNE.Roy@Client-Nord.FR', name: 'Anne Roy' },
      messageId: '<m-2@client-nord.fr>',
    })
    expect(answer.json).toMatchObject({ outcome: 'matched', created: false, replayed: false })
    expect(answer.json.person.id).toBe(anne.user.id)
    expect((await org.owner.client.users.list({ source: ['email'] })).items).toHaveLength(0)
  })

  it('names a sender from the address when the display name says nothing, and places no one without a domain', async () => {
    const { pipeline } = await creatingOrg()
    const answer = await pipeline.post({ from: { address: 'marie.curie@elsewhere.example' } })
    expect(answer.json.person).toMatchObject({ firstName: 'Marie', lastName: 'Curie', groupIds: [] })
  })

  it.each([
    ['an out-of-office', { 'Auto-Submitted': 'auto-replied' }, 'paul@client-nord.fr', 'auto_reply'],
    ['a list', { Precedence: 'list' }, 'paul@client-nord.fr', 'bulk_mail'],
    ['a bounce', {}, 'MAILER-DAEMON@client-nord.fr', 'bounce'],
    ['a noreply sender', {}, 'no-reply@client-nord.fr', 'robot_sender'],
    ['a refused shared mailbox', {}, 'support@client-nord.fr', 'refused_mailbox'],
  ])('refuses %s, saying why', async (_label, headers, address, reason) => {
    const { org, pipeline } = await creatingOrg()
    const answer = await pipeline.post({ from: { address }, headers })
    expect(answer.status).toBe(200)
    expect(answer.json).toMatchObject({ outcome: 'refused', person: null, created: false })
    expect(answer.json.refusal.reason).toBe(reason)
    expect(answer.json.refusal.message).toMatch(/\w/)
    expect((await org.owner.client.users.list({ source: ['email'] })).items).toHaveLength(0)
  })

  it('invites the person when the settings ask', async () => {
    const { pipeline } = await creatingOrg({ invite: true })
    const answer = await pipeline.post({ from: { address: 'luc.martin@client-nord.fr', name: 'Luc Martin' } })
    expect(answer.json.person).toMatchObject({ status: 'invited', source: 'email' })
    const mails = await t.server.db
      .selectFrom('outbox')
      .select('to_address')
      .where('to_address', '=', 'luc.martin@client-nord.fr')
      .execute()
    expect(mails).toHaveLength(1)
  })

  it('answers concurrent deliveries of one message with one person', async () => {
    const { org, pipeline } = await creatingOrg()
    const body = { from: { address: 'rush@client-nord.fr', name: 'Rush Hour' }, messageId: '<rush@x>' }
    const answers = await Promise.all([pipeline.post(body), pipeline.post(body), pipeline.post(body)])
    expect(new Set(answers.map((a) => a.json.person?.id)).size).toBe(1)
    expect(answers.filter((a) => a.json.replayed === false && a.json.created)).toHaveLength(1)
    expect((await org.owner.client.users.list({ source: ['email'] })).items).toHaveLength(1)
  })
})

describe('given the default settings', () => {
  it('creates nobody from an unknown sender, and says so', async () => {
    const org = await createTestOrg(t)
    const pipeline = await pipelineOf(org)
    const answer = await pipeline.post({ from: { address: 'new.person@client.example', name: 'New Person' } })
    expect(answer.json).toMatchObject({ outcome: 'refused', refusal: { reason: 'creation_off' } })
  })

  it('refuses a role with console access or a seat, and a group of another organization', async () => {
    const org = await createTestOrg(t)
    const other = await createTestOrg(t)
    const foreign = await other.owner.client.groups.create({ name: 'Not yours' })
    const me = await ownerCall(t, org, 'GET', '/me')
    const patch = async (inboundEmail: unknown) =>
      fetch(`${t.url}/organization`, {
        method: 'PATCH',
        headers: {
          Authorization: `Bearer ${await org.owner.token()}`,
          'Content-Type': 'application/json',
          'If-Match': `"${me.json.organization.version}"`,
        },
        body: JSON.stringify({ settings: { inboundEmail } }),
      }).then(async (r) => ({ status: r.status, json: (await r.json()) as Json }))
    const base = { createPeople: true, invite: false, domains: [] }
    const technician = await patch({ ...base, role: 'technician' })
    expect(technician.status).toBe(422)
    expect(technician.json.errors).toContainEqual(
      expect.objectContaining({ path: 'settings.inboundEmail.role', code: 'invalid_value' }),
    )
    const noRole = await patch({ ...base, role: null })
    expect(noRole.json.errors[0].path).toBe('settings.inboundEmail.role')
    const stranger = await patch({
      ...base,
      role: 'contact',
      domains: [{ domain: 'x.example', groupId: foreign.id }],
    })
    expect(stranger.json.errors).toContainEqual(
      expect.objectContaining({ path: 'settings.inboundEmail.domains.0.groupId', code: 'not_found' }),
    )
  })
})

describe('the mail pipeline token', () => {
  it('opens this door only, for its own organization, until revoked', async () => {
    const org = await createTestOrg(t)
    const pipeline = await pipelineOf(org)
    const body = { from: { address: 'someone@client.example' } }
    expect((await pipeline.post(body)).status).toBe(200)
    // A member's session, even the owner's, is no pipeline token.
    expect((await pipeline.post(body, 'application/json', await org.owner.token())).status).toBe(401)
    // A directory token opens the directory, not the mail door.
    const directory = await ownerCall(t, org, 'POST', '/directory-sync/tokens', { name: 'Entra' })
    expect((await pipeline.post(body, 'application/json', directory.json.secret)).status).toBe(401)
    const scim = await fetch(`${t.url}/scim/v2/Users`, {
      headers: { Authorization: `Bearer ${pipeline.token}` },
    })
    expect(scim.status).toBe(401)
    const listed = await ownerCall(t, org, 'GET', '/inbound-email/tokens')
    expect(listed.json.tokens.map((x: Json) => x.name)).toEqual(['Helpdesk'])
    expect((await ownerCall(t, org, 'GET', '/directory-sync')).json.tokens.map((x: Json) => x.name)).toEqual([
      'Entra',
    ])
    expect((await ownerCall(t, org, 'DELETE', `/inbound-email/tokens/${pipeline.tokenId}`)).status).toBe(204)
    const revoked = await pipeline.post(body)
    expect(revoked.status).toBe(401)
    expect(revoked.json.code).toBe('unauthenticated')
  })

  it('refuses a body that is neither a message nor sender fields', async () => {
    const org = await createTestOrg(t)
    const pipeline = await pipelineOf(org)
    const empty = await pipeline.post({})
    expect(empty.status).toBe(422)
    expect(empty.json.errors[0]).toMatchObject({ path: 'from' })
    const noSender = await pipeline.post(raw(['Subject: hi']), 'message/rfc822')
    expect(noSender.json).toMatchObject({ outcome: 'refused', refusal: { reason: 'no_sender' } })
  })
})
