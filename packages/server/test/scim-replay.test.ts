import { readFileSync } from 'node:fs'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { userStatus } from '../src/domain/users'
import { createTestOrg, startTestServer, type TestOrg, type TestServer } from './support/harness'
import { connectDirectory, type Directory } from './support/scim'

/**
 * The request sequences Microsoft documents for Entra ID's provisioning service and Okta's SCIM
 * 2.0 test plan, replayed request for request from fixture files (each names its source), against
 * the real server; after each step, the people and groups as Usher holds them.
 */

interface Step {
  id: string
  note: string
  request: { method: string; path: string; body?: unknown; headers?: Record<string, string> }
  expect: {
    status: number
    json?: Record<string, unknown>
    absent?: string[]
    capture?: Record<string, string>
  }
  after?: {
    people?: Array<Record<string, unknown> & { email: string; present?: boolean }>
    groups?: Array<{ name: string; members?: string[]; present?: boolean }>
    outbox?: string[]
  }
}
interface Fixture {
  title: string
  source: string[]
  settings?: Record<string, unknown>
  variables?: Record<string, string>
  steps: Step[]
}

const load = (name: string) =>
  JSON.parse(readFileSync(new URL(`./fixtures/scim/${name}`, import.meta.url), 'utf8')) as Fixture

/** Replaces `{{name}}` in every string of `value`. */
function fill<T>(value: T, vars: Record<string, string>): T {
  if (typeof value === 'string') {
    return value.replace(/\{\{(\w+)\}\}/g, (whole, name: string) => vars[name] ?? whole) as T
  }
  if (Array.isArray(value)) return value.map((v) => fill(v, vars)) as T
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fill(v, vars)])) as T
  }
  return value
}

/** `a.b.0.c`, where keys may hold dots of their own (an extension's URN): longest key first. */
function at(value: unknown, path: string): unknown {
  if (path === '') return value
  if (value === null || typeof value !== 'object') return undefined
  const record = value as Record<string, unknown>
  const keys = Object.keys(record).sort((a, b) => b.length - a.length)
  for (const key of keys) {
    if (path === key) return record[key]
    if (path.startsWith(`${key}.`)) return at(record[key], path.slice(key.length + 1))
  }
  return undefined
}

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(() => t.close())

async function checkAfter(org: TestOrg, after: NonNullable<Step['after']>) {
  const db = t.server.db
  for (const expected of after.people ?? []) {
    const row = await db
      .selectFrom('users')
      .selectAll()
      .where('org_id', '=', org.id)
      .where('email', '=', expected.email)
      .executeTakeFirst()
    if (expected.present === false) {
      expect(row, `${expected.email} should not exist`).toBeUndefined()
      continue
    }
    expect(row, `${expected.email} should exist`).toBeDefined()
    if (!row) continue
    const actual: Record<string, unknown> = {
      email: row.email,
      firstName: row.first_name,
      lastName: row.last_name,
      externalId: row.external_id,
      status: userStatus(row, t.clock.now()),
      source: row.source,
      role: row.role,
      enabled: row.enabled,
      jobTitle: row.job_title,
    }
    const { present: _present, ...fields } = expected
    expect(actual).toMatchObject(fields)
  }
  for (const expected of after.groups ?? []) {
    const group = await db
      .selectFrom('groups')
      .select('id')
      .where('org_id', '=', org.id)
      .where('name', '=', expected.name)
      .executeTakeFirst()
    if (expected.present === false) {
      expect(group, `group ${expected.name} should not exist`).toBeUndefined()
      continue
    }
    expect(group, `group ${expected.name} should exist`).toBeDefined()
    if (!group || !expected.members) continue
    const members = await db
      .selectFrom('user_groups as m')
      .innerJoin('users as u', 'u.id', 'm.user_id')
      .select('u.email')
      .where('m.group_id', '=', group.id)
      .orderBy('u.email')
      .execute()
    expect(members.map((m) => m.email)).toEqual([...expected.members].sort())
  }
  for (const address of after.outbox ?? []) {
    const mail = await db
      .selectFrom('outbox')
      .select('kind')
      .where('org_id', '=', org.id)
      .where('to_address', '=', address)
      .executeTakeFirst()
    expect(mail?.kind, `an invitation to ${address}`).toBe('invitation')
  }
}

for (const file of ['entra-provisioning.json', 'okta-scim-2.0.json']) {
  const fixture = load(file)
  describe(`given ${fixture.title}`, () => {
    let org: TestOrg
    let directory: Directory
    const vars: Record<string, string> = { ...fixture.variables }
    beforeAll(async () => {
      org = await createTestOrg(t)
      directory = await connectDirectory(t, org, fixture.settings)
    })

    for (const step of fixture.steps) {
      it(`${step.id}: ${step.note}`, async () => {
        const request = fill(step.request, vars)
        const response = await directory.request(request.method, request.path, {
          body: request.body,
          headers: request.headers,
        })
        expect(response.status, JSON.stringify(response.json)).toBe(step.expect.status)
        if (response.status !== 204) {
          expect(response.headers.get('content-type')).toMatch(/^application\/scim\+json/)
        }
        for (const [path, wanted] of Object.entries(fill(step.expect.json ?? {}, vars))) {
          const value = at(response.json, path)
          if (wanted === '<non-empty>') {
            expect(value === undefined || value === null || value === '', `${path} is empty`).toBe(false)
          } else {
            expect(value, path).toEqual(wanted)
          }
        }
        for (const path of step.expect.absent ?? []) expect(at(response.json, path), path).toBeUndefined()
        for (const [name, path] of Object.entries(step.expect.capture ?? {})) {
          vars[name] = String(at(response.json, path))
        }
        if (step.after) await checkAfter(org, fill(step.after, vars))
      })
    }

    it('audited every change with the directory as the actor', async () => {
      const events = await t.server.db
        .selectFrom('audit_events')
        .select(['action', 'actor_name'])
        .where('org_id', '=', org.id)
        .where('action', 'in', [
          'user.created',
          'user.updated',
          'user.disabled',
          'group.created',
          'group.updated',
        ])
        .where('target_id', '<>', org.owner.user.id)
        .execute()
      expect(events.length).toBeGreaterThan(3)
      for (const event of events) expect(event.actor_name).toBe('Directory sync (Test directory)')
    })
  })
}
