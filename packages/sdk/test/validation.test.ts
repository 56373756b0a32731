import {
  type EndpointDefinition,
  type EndpointName,
  endpoints,
  type FieldError,
  requestValidationProblem,
} from '@usher/contract'
import { makeUsers } from '@usher/fixtures'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import {
  createUsherClient,
  isUsherApiError,
  isUsherError,
  isUsherValidationError,
  type UsherClient,
  UsherValidationError,
} from '../src/index'
import { startTestServer, type TestServer } from './support/test-server'

const [user] = makeUsers(1) as [ReturnType<typeof makeUsers>[0]]
const row = (email: string, extra: Record<string, unknown> = {}) => ({
  firstName: 'Léa',
  lastName: 'Dubois',
  email,
  role: 'technician',
  ...extra,
})

interface Case {
  name: string
  endpoint: EndpointName
  /** Which part of the request the SDK checks: its field errors carry the part as prefix, but the body's. */
  part: 'body' | 'query' | 'params'
  input: unknown
  call: (client: UsherClient) => Promise<unknown>
  /** One error the answer must hold, so the case cannot pass on an empty list. */
  expected: Partial<FieldError>
}

const badAddress = { invitations: [row('lea.dubois@')] }
const duplicate = { invitations: [row('lea.dubois@acme.fr'), row('Lea.Dubois@ACME.fr ')] }
const unknownField = { invitations: [row('lea.dubois@acme.fr', { jobTitle: 'Technicienne' })] }
const missingEmail = { invitations: [{ firstName: 'Léa', role: 'technician' }] }
const tooMany = {
  invitations: Array.from({ length: 1001 }, (_, i) => row(`tech.${i}@acme.fr`)),
}
const bulkWithoutAction = { userIds: [user.id] }

const cases: Case[] = [
  {
    name: 'invitations.create with an address that is not one',
    endpoint: 'createInvitations',
    part: 'body',
    input: badAddress,
    call: (c) => c.invitations.create(badAddress as never),
    expected: { path: 'invitations.0.email' },
  },
  {
    name: 'invitations.create with the same address twice',
    endpoint: 'createInvitations',
    part: 'body',
    input: duplicate,
    call: (c) => c.invitations.create(duplicate as never),
    expected: { path: 'invitations.1.email', code: 'duplicate' },
  },
  {
    name: 'invitations.create with an unknown field',
    endpoint: 'createInvitations',
    part: 'body',
    input: unknownField,
    call: (c) => c.invitations.create(unknownField as never),
    expected: { path: 'invitations.0.jobTitle', code: 'unknown_field' },
  },
  {
    name: 'invitations.create with a row without an email',
    endpoint: 'createInvitations',
    part: 'body',
    input: missingEmail,
    call: (c) => c.invitations.create(missingEmail as never),
    expected: { path: 'invitations.0.email', code: 'required' },
  },
  {
    name: 'invitations.create with 1001 rows',
    endpoint: 'createInvitations',
    part: 'body',
    input: tooMany,
    call: (c) => c.invitations.create(tooMany as never),
    expected: { path: 'invitations', code: 'too_many' },
  },
  {
    name: 'users.update with nothing to update',
    endpoint: 'updateUser',
    part: 'body',
    input: {},
    call: (c) => c.users.update(user.id, {}, { ifMatch: 1 }),
    expected: { path: '', message: 'Nothing to update.' },
  },
  {
    name: 'users.update with an email (not editable)',
    endpoint: 'updateUser',
    part: 'body',
    input: { email: 'new@acme.fr' },
    call: (c) => c.users.update(user.id, { email: 'new@acme.fr' } as never, { ifMatch: 1 }),
    expected: { path: 'email', code: 'unknown_field' },
  },
  {
    name: 'users.bulk without an action',
    endpoint: 'bulkUsers',
    part: 'body',
    input: bulkWithoutAction,
    call: (c) => c.users.bulk(bulkWithoutAction as never),
    expected: { path: 'action', code: 'required' },
  },
  {
    name: 'users.get with an id that is not one',
    endpoint: 'getUser',
    part: 'params',
    input: { id: 'not an id' },
    call: (c) => c.users.get('not an id'),
    expected: { path: 'params.id', code: 'invalid_format' },
  },
  {
    name: 'users.list with limit 500',
    endpoint: 'listUsers',
    part: 'query',
    input: { limit: 500 },
    call: (c) => c.users.list({ limit: 500 }),
    expected: { path: 'query.limit', code: 'too_big' },
  },
  {
    name: 'users.list with an unknown status',
    endpoint: 'listUsers',
    part: 'query',
    input: { status: ['invited', 'gone'] },
    call: (c) => c.users.list({ status: ['invited', 'gone' as never] }),
    expected: { path: 'query.status.1', code: 'invalid_value' },
  },
]

/** What the server answers for the same input: the contract's own 422 for that part of the request. */
function serverProblem({ endpoint, part, input }: Case) {
  const schema = (endpoints[endpoint] as EndpointDefinition)[part]
  const error = schema?.safeParse(input).error
  if (!error) throw new Error(`the contract accepts the input of "${endpoint}": the case tests nothing`)
  return requestValidationProblem(part, error, input)
}

let server: TestServer
beforeAll(async () => {
  server = await startTestServer()
})
afterAll(async () => {
  await server.close()
})
beforeEach(() => {
  server.requests.length = 0
})

describe('given a request the contract refuses', () => {
  it.each(cases)('$name throws UsherValidationError with the server’s field errors', async (testCase) => {
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })

    const error = await testCase.call(client).then(
      () => {
        throw new Error('expected the call to be refused')
      },
      (caught: unknown) => caught,
    )

    expect(error).toBeInstanceOf(UsherValidationError)
    expect(isUsherError(error)).toBe(true)
    expect(isUsherApiError(error)).toBe(true)
    expect(isUsherValidationError(error)).toBe(true)
    if (!isUsherValidationError(error)) return
    expect(error.status).toBe(422)
    expect(error.code).toBe('validation_failed')
    expect(error.endpoint).toBe(testCase.endpoint)
    expect(error.problem.status).toBe(422)
    expect(error.problem.errors).toEqual(error.fieldErrors)
    expect(error.problem).toEqual(serverProblem(testCase))
    expect(error.fieldErrors).toEqual(serverProblem(testCase).errors)
    expect(error.fieldErrors).toContainEqual(expect.objectContaining(testCase.expected))
  })

  it.each(cases)('$name sends nothing to the server', async (testCase) => {
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })

    await expect(testCase.call(client)).rejects.toThrow()

    expect(server.requests).toHaveLength(0)
  })
})

describe('given a request the contract accepts', () => {
  it('sends it: the same client is not refusing everything', async () => {
    server.on('GET', '/users', { status: 200, json: { items: [], nextCursor: null } })
    const client = createUsherClient({ baseUrl: server.url, token: 'tok' })

    await client.users.list({ limit: 200, status: ['invited'] })

    expect(server.requests).toHaveLength(1)
  })
})
