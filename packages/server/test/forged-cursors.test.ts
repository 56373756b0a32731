import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestOrg, type TestServer } from './support/harness'

// A cursor is opaque to clients but comes back from them: a forged one must get a 422 on
// query.cursor, never reach a SQL cast and answer 500 (security review, finding 5).

let t: TestServer
let org: TestOrg
let groupId: string
let importId: string
beforeAll(async () => {
  t = await startTestServer()
  org = await createTestOrg(t)
  groupId = (await org.owner.client.groups.create({ name: 'Cursors' })).id
  importId = (
    await org.owner.client.imports.create({
      fileName: 'a.csv',
      format: 'csv',
      totalRows: 1,
      options: { dryRun: true },
    })
  ).id
})
afterAll(() => t.close())

type Part = 'text' | 'timestamp' | 'uuid' | 'line'

const U = '00000000-0000-4000-8000-000000000000'
const VALID: Record<Part, unknown> = { text: 'abc', timestamp: '2024-01-01T00:00:00.000Z', uuid: U, line: 5 }
const FORGED: Record<Part, unknown[]> = {
  text: [42, null, true, 'a\u0000b', ['x']],
  timestamp: [
    'garbage',
    'Tue Feb 30 2021',
    '2021-02-30T00:00:00Z',
    '2021-13-01T00:00:00Z',
    '2021-01-01T25:00:00Z',
    '2021-01-01T00:00:00+99:00',
    '+275760-09-13T00:00:00.000Z',
    '0000-01-01T00:00:00Z',
    'infinity',
    '',
    12345,
    null,
  ],
  uuid: ['x', '', 42, null, '00000000-0000-4000-8000-00000000000g', `${U} `],
  line: [1.5, 1e300, -1, 2 ** 31, 1e21, '3', null, Number.MAX_SAFE_INTEGER + 2],
}

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url')

interface Listing {
  path: () => string
  kind: string
  parts: Part[]
}

const USER_SORTS = [
  'name',
  '-name',
  'email',
  '-email',
  'createdAt',
  '-createdAt',
  'lastActiveAt',
  '-lastActiveAt',
]
const LISTINGS: Listing[] = [
  ...USER_SORTS.map((sort) => ({
    path: () => `/users?sort=${encodeURIComponent(sort)}`,
    kind: `users:${sort}`,
    parts: [/At$/.test(sort) ? 'timestamp' : 'text', 'uuid'] as Part[],
  })),
  { path: () => '/invitations', kind: 'invitations', parts: ['timestamp', 'uuid'] },
  { path: () => '/audit', kind: 'audit', parts: ['timestamp', 'uuid'] },
  { path: () => '/groups', kind: 'groups', parts: ['text', 'uuid'] },
  { path: () => `/groups/${groupId}/shares`, kind: 'group-shares', parts: ['text', 'uuid'] },
  { path: () => `/imports/${importId}/rows`, kind: 'import-rows', parts: ['line'] },
]

async function get(path: string) {
  const res = await fetch(`${t.url}${path}`, {
    headers: { authorization: `Bearer ${await org.owner.token()}` },
  })
  return { status: res.status, body: (await res.json()) as { errors?: { path: string; code: string }[] } }
}

const withCursor = (listing: Listing, cursor: string) =>
  `${listing.path()}${listing.path().includes('?') ? '&' : '?'}cursor=${encodeURIComponent(cursor)}`

/** Every forged cursor of a listing: broken encodings, other lists, wrong arity, each part forged. */
function forgeries(listing: Listing): { label: string; cursor: string }[] {
  const valid = listing.parts.map((p) => VALID[p])
  const out = [
    { label: 'not base64 JSON', cursor: '%%%' },
    { label: 'not JSON', cursor: Buffer.from('not json').toString('base64url') },
    { label: 'an object', cursor: b64({ kind: listing.kind }) },
    { label: 'another list', cursor: b64(['elsewhere', ...valid]) },
    { label: 'too few values', cursor: b64([listing.kind]) },
    { label: 'too many values', cursor: b64([listing.kind, ...valid, 'x']) },
  ]
  listing.parts.forEach((part, index) => {
    for (const value of FORGED[part]) {
      const values = [...valid]
      values[index] = value
      out.push({ label: `${part} = ${JSON.stringify(value)}`, cursor: b64([listing.kind, ...values]) })
    }
  })
  return out
}

describe('given forged cursors', () => {
  it('answers 422 query.cursor on every paginated list, never 500', async () => {
    const failures: string[] = []
    for (const listing of LISTINGS) {
      for (const { label, cursor } of forgeries(listing)) {
        const res = await get(withCursor(listing, cursor))
        const onCursor = res.body.errors?.some((e) => e.path === 'query.cursor' && e.code === 'invalid_value')
        if (res.status !== 422 || !onCursor) failures.push(`${listing.kind} ${label}: ${res.status}`)
      }
    }
    expect(failures).toEqual([])
  })

  it('still reads well-formed cursors, in both timestamp spellings the server writes', async () => {
    const cursors: [Listing | undefined, unknown[]][] = [
      [LISTINGS.find((l) => l.kind === 'users:createdAt'), ['2024-01-01 12:34:56.123456+00', U]],
      [LISTINGS.find((l) => l.kind === 'users:-lastActiveAt'), ['-infinity', U]],
      [LISTINGS.find((l) => l.kind === 'users:lastActiveAt'), ['2024-01-01 14:34:56.1+02:00', U]],
      [LISTINGS.find((l) => l.kind === 'audit'), ['2024-01-01T00:00:00.000Z', U]],
      [LISTINGS.find((l) => l.kind === 'import-rows'), [2]],
    ]
    for (const [listing, values] of cursors) {
      if (!listing) throw new Error('no such listing')
      const res = await get(withCursor(listing, b64([listing.kind, ...values])))
      expect([listing.kind, res.status]).toEqual([listing.kind, 200])
    }
  })

  it('answers 422, not 500, when the database refuses a value of the request', async () => {
    for (const path of ['/users?q=a%00b', '/groups?q=%00', '/audit?targetId=a%00b']) {
      const res = await get(path)
      expect([path, res.status]).toEqual([path, 422])
    }
  })
})
