/**
 * The API's contract at its edges: every operation of the document, sent a bounded set of
 * malformed requests (hand-made cases, and fast-check values over the request schemas' fields),
 * answers without a 5xx, with `application/problem+json` carrying a code, a status the document
 * lists for that operation, and a body the document's Problem schema accepts.
 */
import { randomBytes, randomUUID } from 'node:crypto'
import {
  type EndpointDefinition,
  ERROR_CODES,
  endpoints,
  PROBLEM_CONTENT_TYPE,
  ProblemSchema,
} from '@usher/contract'
import fc from 'fast-check'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'

interface Operation {
  operationId: string
  method: string
  path: string
  statuses: Set<number>
  endpoint: EndpointDefinition | undefined
}

interface Attempt {
  /** What the case is, for the failure message. */
  label: string
  /** A value that a free text (a search) may take: anything but an error is then fine too. */
  mayPass?: boolean
  path: string
  query?: string
  headers?: Record<string, string>
  body?: string | Uint8Array<ArrayBuffer>
}

let t: TestServer
let token: string
let operations: Operation[] = []
const failures: string[] = []
let sent = 0
const seen = new Map<number, number>()

beforeAll(async () => {
  // Lift the per-address limits: every request here comes from 127.0.0.1, and a 429 answer would
  // hide what the request itself gets.
  t = await startTestServer({ limits: { publicPerMinute: 1_000_000, loginAttempts: 1_000_000 } })
  const org = await createTestOrg(t)
  token = await org.owner.token()
  // The document as the server serves it: the statuses each operation may answer.
  const doc = (await (await fetch(`${t.url}/openapi.json`)).json()) as {
    paths: Record<string, Record<string, { operationId: string; responses: Record<string, unknown> }>>
  }
  operations = Object.entries(doc.paths).flatMap(([path, item]) =>
    Object.entries(item).map(([method, op]) => ({
      operationId: op.operationId,
      method: method.toUpperCase(),
      path,
      statuses: new Set(Object.keys(op.responses).map(Number)),
      endpoint: (endpoints as Record<string, EndpointDefinition>)[op.operationId],
    })),
  )
})
afterAll(() => t?.close())

/** The keys of an object schema (a body's or a query's fields), or none. */
function keysOf(schema: unknown): string[] {
  const shape = (schema as { shape?: Record<string, unknown> } | undefined)?.shape
  return shape && typeof shape === 'object' ? Object.keys(shape) : []
}

const VALID_ID = randomUUID()
const pathWith = (op: Operation, id: string) => op.path.replace(/\{\w+\}/g, id)

async function send(op: Operation, attempt: Attempt) {
  const headers: Record<string, string> = {
    Authorization: `Bearer ${token}`,
    ...(op.endpoint?.ifMatch ? { 'If-Match': '"1"' } : {}),
    ...(attempt.body !== undefined ? { 'Content-Type': 'application/json' } : {}),
    ...attempt.headers,
  }
  for (const [name, value] of Object.entries(headers)) if (value === '') delete headers[name]
  const url = `${t.url}${attempt.path}${attempt.query ? `?${attempt.query}` : ''}`
  sent++
  const response = await fetch(url, { method: op.method, headers, body: attempt.body })
  const text = await response.text()
  seen.set(response.status, (seen.get(response.status) ?? 0) + 1)
  const where = `${op.operationId} ${op.method} ${attempt.path} — ${attempt.label}: ${response.status}`
  const fail = (why: string) => failures.push(`${where}: ${why} ${text.slice(0, 200)}`)
  if (response.status >= 500) return fail('a server error')
  if (!op.statuses.has(response.status)) fail(`status not in the document (${[...op.statuses].join(', ')})`)
  // A hand-made case is malformed by construction: accepting it is a hole in the checks.
  if (response.status < 400 && !attempt.mayPass && !attempt.label.startsWith('fast-check')) fail('accepted')
  if (response.status < 400) return
  if (!(response.headers.get('Content-Type') ?? '').startsWith(PROBLEM_CONTENT_TYPE)) {
    return fail(`not ${PROBLEM_CONTENT_TYPE}`)
  }
  let body: unknown
  try {
    body = JSON.parse(text)
  } catch {
    return fail('not JSON')
  }
  const problem = ProblemSchema.safeParse(body)
  if (!problem.success) return fail(`not a Problem: ${problem.error.message.slice(0, 200)}`)
  if (ERROR_CODES[problem.data.code].status !== response.status)
    fail(`${problem.data.code} has another status`)
  if (problem.data.status !== response.status) fail('the body says another status')
}

// ---- hand-made cases ---------------------------------------------------------------------------

const MALFORMED_IDS = [
  'not-an-id',
  '%00',
  'a'.repeat(300),
  '%E2%80%AE1',
  'x%20y',
  '%ZZ',
  "1'%20or%20'1'='1",
  '%F0%9F%92%A9',
]
const QUERY_VALUES = [
  '%00',
  encodeURIComponent('x'.repeat(5000)),
  '%',
  '%ZZ',
  '%C0%80',
  '%FF',
  '-1',
  '1e309',
  'NaN',
  '%7B%22%24gt%22%3A%22%22%7D',
]
const base64url = (value: string | Uint8Array) => Buffer.from(value).toString('base64url')
const FORGED_CURSORS = [
  base64url(randomBytes(24)),
  base64url('{"id":"x","sortKey":1}'),
  base64url('[1,2,3]'),
  base64url('null'),
  base64url(JSON.stringify({ v: '\u0000', id: VALID_ID })),
  base64url(JSON.stringify({ k: ['a'.repeat(300)], id: "'; select 1; --" })),
  'eyJ',
  'x'.repeat(512),
  '%00',
]
const WRONG_VALUES: unknown[] = [null, 1, true, [], {}, 'x', -1, 1e308, [null], { a: [{}] }]
const nested = (depth: number) => `${'['.repeat(depth)}${']'.repeat(depth)}`

function pathAttempts(op: Operation): Attempt[] {
  if (!op.path.includes('{')) return []
  return MALFORMED_IDS.map((id) => ({
    label: `path id ${id.slice(0, 20)}`,
    path: pathWith(op, id),
    ...(op.endpoint?.body ? { body: '{}' } : {}),
  }))
}

function queryAttempts(op: Operation): Attempt[] {
  const keys = keysOf(op.endpoint?.query)
  const path = pathWith(op, VALID_ID)
  // Only a query schema refuses what it does not know; an operation without one ignores the query.
  const out: Attempt[] = keys.length > 0 ? [{ label: 'an unknown parameter', path, query: 'zzz=1' }] : []
  for (const key of keys) {
    for (const value of QUERY_VALUES) {
      const mayPass = value !== '%00' && value.length < 100
      out.push({ label: `?${key}=${value.slice(0, 12)}`, path, query: `${key}=${value}`, mayPass })
    }
    out.push({ label: `?${key} repeated`, path, query: `${key}=a&${key}=b&${key}=`, mayPass: true })
  }
  if (keys.includes('cursor')) {
    for (const cursor of FORGED_CURSORS) {
      out.push({ label: `forged cursor ${cursor.slice(0, 12)}`, path, query: `cursor=${cursor}` })
    }
  }
  return out
}

function bodyAttempts(op: Operation): Attempt[] {
  if (!op.endpoint?.body) return []
  const path = pathWith(op, VALID_ID)
  const keys = keysOf(op.endpoint.body)
  const first = keys[0] ?? 'field'
  const out: Attempt[] = [
    { label: 'text/plain', path, body: '{}', headers: { 'Content-Type': 'text/plain' } },
    { label: 'a form', path, body: 'a=b', headers: { 'Content-Type': 'application/x-www-form-urlencoded' } },
    {
      label: 'multipart',
      path,
      body: '--x--',
      headers: { 'Content-Type': 'multipart/form-data; boundary=x' },
    },
    { label: 'xml', path, body: '<a/>', headers: { 'Content-Type': 'application/xml' } },
    { label: 'no content type', path, body: '{}', headers: { 'Content-Type': '' } },
    { label: 'truncated JSON', path, body: '{' },
    { label: 'JSON with a hole', path, body: '{"a":}' },
    { label: 'single quotes', path, body: "{'a':1}" },
    { label: 'a bare NUL', path, body: '\u0000' },
    {
      label: 'invalid UTF-8',
      path,
      body: Uint8Array.from([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, 0x22, 0x7d]),
    },
    { label: 'a lone surrogate', path, body: `{"${first}":"\\ud800"}` },
    { label: 'an empty body', path, body: '' },
    { label: 'a body over the limit', path, body: JSON.stringify({ [first]: 'x'.repeat(2_100_000) }) },
    { label: 'a 1 MB string', path, body: JSON.stringify({ [first]: 'x'.repeat(1_000_000) }) },
    { label: 'a 1 MB key', path, body: JSON.stringify({ ['k'.repeat(1_000_000)]: 1 }) },
    { label: 'nesting 10,000 deep', path, body: `{"${first}":${nested(10_000)}}` },
    { label: 'a deeply nested root', path, body: nested(5_000) },
    { label: '__proto__', path, body: `{"__proto__":{"admin":true},"${first}":"x"}` },
    { label: 'constructor.prototype', path, body: '{"constructor":{"prototype":{"admin":true}}}' },
  ]
  for (const root of ['null', '[]', '1', '"x"', 'true', '[{}]'])
    out.push({ label: `root ${root}`, path, body: root })
  for (const [index, key] of keys.entries()) {
    // Three wrong values per field, taking turns through the list: every field, every kind.
    for (let n = 0; n < 3; n++) {
      const value = WRONG_VALUES[(index * 3 + n) % WRONG_VALUES.length]
      // Wrong for most fields, not all ({} is a valid partial of settings, null clears a nullable field).
      out.push({
        label: `${key}: ${JSON.stringify(value)}`,
        path,
        body: JSON.stringify({ [key]: value }),
        mayPass: true,
      })
    }
    out.push({ label: `${key} with a NUL`, path, body: JSON.stringify({ [key]: 'a\u0000b' }) })
    out.push({
      label: `${key} with an escape`,
      path,
      body: JSON.stringify({ [key]: ['\u001b[2J', { x: '\u0000' }] }),
    })
  }
  if (op.endpoint.idempotent) {
    for (const key of ['short', 'has spaces in it', 'é'.repeat(20), 'k'.repeat(300)]) {
      out.push({
        label: `Idempotency-Key ${key.slice(0, 10)}`,
        path,
        body: '{}',
        headers: { 'Idempotency-Key': key },
      })
    }
  }
  return out
}

function headerAttempts(op: Operation): Attempt[] {
  const path = pathWith(op, VALID_ID)
  const body = op.endpoint?.body ? '{}' : undefined
  // A public operation reads no token: a bad one changes nothing there.
  if (op.endpoint?.auth === 'public' || !op.endpoint) return []
  const out: Attempt[] = [
    { label: 'Bearer without a token', path, body, headers: { Authorization: 'Bearer' } },
    { label: 'a Basic header', path, body, headers: { Authorization: 'Basic dXNlcjpwYXNz' } },
    { label: 'a 4 kB token', path, body, headers: { Authorization: `Bearer ${'x'.repeat(4000)}` } },
    {
      label: 'an unsigned token (alg none)',
      path,
      body,
      headers: {
        Authorization: `Bearer ${base64url('{"alg":"none"}')}.${base64url(`{"sub":"${VALID_ID}","org":"${VALID_ID}"}`)}.`,
      },
    },
  ]
  if (op.endpoint?.ifMatch) {
    // A body the schema accepts, so that the request reaches its If-Match check.
    const schema = op.endpoint.body
    const valid = [{ name: 'Renamed' }, { jobTitle: 'Technicienne' }, { shares: [] }].find(
      (candidate) => schema?.safeParse(candidate).success,
    )
    const body = valid ? JSON.stringify(valid) : undefined
    expect(body, `${op.operationId}: no valid body to reach If-Match`).toBeDefined()
    for (const ifMatch of ['W/"1"', '*', '"abc"', '"1", "2"', 'x'.repeat(1000), '"99999999999999999999"']) {
      out.push({ label: `If-Match ${ifMatch.slice(0, 10)}`, path, body, headers: { 'If-Match': ifMatch } })
    }
  }
  return out
}

// ---- fast-check over the request schemas ------------------------------------------------------

const RUNS = 10
/** Values of every JSON kind, strings with control characters and any code unit among them. */
const anyJson = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ unit: fc.constantFrom('\u0000', '\u001b', '\u0085', '\n', 'a', 'é', '@', '.'), maxLength: 20 }),
)

function recordOver(keys: readonly string[], value: fc.Arbitrary<unknown>) {
  return fc.record(Object.fromEntries(keys.map((key) => [key, value])), { requiredKeys: [] })
}

type ZodDef = {
  type: string
  shape?: Record<string, unknown>
  element?: unknown
  innerType?: unknown
  in?: unknown
  options?: unknown[]
  entries?: Record<string, string>
  values?: unknown[]
}
const defOf = (schema: unknown) => (schema as { _zod?: { def?: ZodDef } })?._zod?.def

/**
 * Values shaped by a request schema: its objects' fields, its arrays' items, its enums' values,
 * strings with control characters, edge numbers, and at every level, now and then, a value of
 * any kind instead. Close enough to valid to get past the first check, wrong somewhere deeper.
 */
function shapedBy(schema: unknown, depth = 0): fc.Arbitrary<unknown> {
  const def = defOf(schema)
  if (!def || depth > 4) return anyJson
  const shaped = ((): fc.Arbitrary<unknown> => {
    switch (def.type) {
      case 'object':
        return fc.record(
          Object.fromEntries(
            Object.entries(def.shape ?? {}).map(([key, child]) => [key, shapedBy(child, depth + 1)]),
          ),
          { requiredKeys: [] },
        )
      case 'array':
        return fc.array(shapedBy(def.element, depth + 1), { maxLength: 3 })
      case 'optional':
      case 'nullable':
      case 'default':
      case 'prefault':
      case 'readonly':
        return shapedBy(def.innerType, depth)
      case 'pipe':
        return shapedBy(def.in, depth)
      case 'union':
        return fc.oneof(...(def.options ?? []).map((option) => shapedBy(option, depth)))
      case 'enum':
        return fc.constantFrom(...Object.values(def.entries ?? { a: 'a' }))
      case 'literal':
        return fc.constantFrom(...(def.values ?? [null]))
      case 'string':
        return fc.oneof(
          fc.string({ maxLength: 30 }),
          fc.string({
            unit: fc.constantFrom('\u0000', '\u001b', '\u0085', '\n', 'a', 'é', '@', '.', '-'),
            maxLength: 20,
          }),
          fc.constantFrom(VALID_ID, 'jeanne.roy@exemple.fr', 'a@b', 'x'.repeat(300)),
        )
      case 'number':
        return fc.oneof(fc.integer(), fc.double(), fc.constantFrom(0, -1, 2 ** 53, 1e308))
      case 'boolean':
        return fc.boolean()
      default:
        return anyJson
    }
  })()
  return fc.oneof({ arbitrary: shaped, weight: 4 }, { arbitrary: anyJson, weight: 1 })
}

async function fuzzBody(op: Operation) {
  const keys = keysOf(op.endpoint?.body)
  const path = pathWith(op, VALID_ID)
  const arbitrary = fc.oneof(
    anyJson,
    recordOver(keys, anyJson),
    shapedBy(op.endpoint?.body),
    shapedBy(op.endpoint?.body),
  )
  await fc.assert(
    fc.asyncProperty(arbitrary, async (value) => {
      await send(op, {
        label: `fast-check body ${JSON.stringify(value).slice(0, 60)}`,
        path,
        body: JSON.stringify(value),
      })
    }),
    { numRuns: RUNS, seed: 20261202 },
  )
}

async function fuzzQuery(op: Operation) {
  const shape = defOf(op.endpoint?.query)?.shape ?? {}
  if (Object.keys(shape).length === 0) return
  const path = pathWith(op, VALID_ID)
  const asText = (value: unknown) => (typeof value === 'string' ? value : (JSON.stringify(value) ?? ''))
  const field = (schema: unknown) =>
    fc.oneof(
      fc.string({ unit: 'binary', maxLength: 30 }),
      fc.array(shapedBy(schema).map(asText), { maxLength: 3 }),
      shapedBy(schema).map(asText),
    )
  const params = fc.record(
    Object.fromEntries(Object.entries(shape).map(([key, schema]) => [key, field(schema)])),
    { requiredKeys: [] },
  )
  await fc.assert(
    fc.asyncProperty(params, async (values) => {
      const query = new URLSearchParams()
      for (const [key, value] of Object.entries(values)) {
        for (const item of [value].flat()) query.append(key, String(item))
      }
      await send(op, {
        label: `fast-check query ${query.toString().slice(0, 60)}`,
        path,
        query: query.toString(),
      })
    }),
    { numRuns: RUNS, seed: 20261202 },
  )
}

describe('malformed requests', () => {
  it('every operation of the document answers them with a documented problem, never a 5xx', async () => {
    const started = Date.now()
    expect(operations.length).toBeGreaterThan(40)
    for (const op of operations) {
      for (const attempt of [
        ...pathAttempts(op),
        ...queryAttempts(op),
        ...bodyAttempts(op),
        ...headerAttempts(op),
      ]) {
        await send(op, attempt)
      }
      if (op.endpoint?.body) await fuzzBody(op)
      await fuzzQuery(op)
    }
    const seconds = (Date.now() - started) / 1000
    const statuses = [...seen].sort(([a], [b]) => a - b).map(([status, n]) => `${status}×${n}`)
    console.info(
      `malformed requests: ${sent} over ${operations.length} operations in ${seconds.toFixed(1)} s (${statuses.join(' ')})`,
    )
    expect(failures, failures.slice(0, 40).join('\n')).toEqual([])
    expect(sent).toBeGreaterThan(1500)
  }, 240_000)
})
