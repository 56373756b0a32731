import type {
  AuditEvent,
  Group,
  GroupShare,
  Import,
  ImportRowResult,
  Invitation,
  ItemError,
  Me,
  Page,
  User,
  UserShares,
} from '@usher/contract'
import { describe, expectTypeOf, it } from 'vitest'
import {
  createUsherClient,
  isUsherApiError,
  isUsherError,
  isUsherNetworkError,
  isUsherSchemaError,
  isUsherValidationError,
  type RequestOptions,
  type UpdateOptions,
  type UsherApiError,
  type UsherClient,
  type UsherError,
  type UsherNetworkError,
  type UsherSchemaError,
  type UsherValidationError,
} from '../src/index'

const client = createUsherClient({ baseUrl: 'https://app.example.com/api/usher', token: 'tok' })
const userId = '0b0f4c9e-6a51-4e2b-9d3a-5c6f7a8b9c0d'

describe('given createUsherClient()', () => {
  it('returns an UsherClient and needs a baseUrl', () => {
    expectTypeOf(createUsherClient).returns.toEqualTypeOf<UsherClient>()
    // @ts-expect-error: where the API is mounted is not optional.
    createUsherClient({ token: 'tok' })
    createUsherClient({ baseUrl: '/api/usher', token: async () => null, retry: 0, timeout: false })
  })

  it('accepts hooks that only observe (return nothing)', () => {
    createUsherClient({
      baseUrl: '/api/usher',
      hooks: {
        beforeRequest: [({ endpoint, attempt, request }) => void [endpoint, attempt, request.url]],
        afterResponse: [async ({ response }) => void response.status],
        beforeError: [
          ({ error }) => {
            expectTypeOf(error).toEqualTypeOf<UsherError>()
          },
          async ({ error }) => (isUsherApiError(error) && error.status === 401 ? error : undefined),
        ],
      },
    })
  })
})

describe('given the users resource', () => {
  it('resolves list() to a Page<User>, get() to a User, delete() to void', () => {
    expectTypeOf(client.users.list).returns.resolves.toEqualTypeOf<Page<User>>()
    expectTypeOf(client.users.get).returns.resolves.toEqualTypeOf<User>()
    expectTypeOf(client.users.delete).returns.resolves.toEqualTypeOf<void>()
    expectTypeOf(client.users.listAll).returns.toEqualTypeOf<AsyncIterable<User>>()
  })

  it('types the query; listAll takes no cursor', () => {
    client.users.list({ status: ['invited', 'expired'], limit: 20, sort: '-createdAt' })
    // @ts-expect-error: not a sort order.
    client.users.list({ sort: 'age' })
    // @ts-expect-error: listAll manages the cursor itself.
    client.users.listAll({ cursor: 'abc' })
  })

  it('requires { ifMatch: number } on update', () => {
    expectTypeOf(client.users.update).parameter(2).toEqualTypeOf<UpdateOptions>()
    expectTypeOf<UpdateOptions['ifMatch']>().toEqualTypeOf<number>()
    client.users.update(userId, { role: 'admin' }, { ifMatch: 3 })
    // @ts-expect-error: the version read is required.
    client.users.update(userId, { role: 'admin' })
    // @ts-expect-error: ifMatch is the version number, not the ETag.
    client.users.update(userId, { role: 'admin' }, { ifMatch: '"3"' })
    // @ts-expect-error: email is not editable.
    client.users.update(userId, { email: 'new@acme.fr' }, { ifMatch: 3 })
  })
})

describe('given invitations.create', () => {
  type Row = Awaited<ReturnType<UsherClient['invitations']['create']>>['results'][number]

  it('answers per-row results discriminated on status', () => {
    expectTypeOf<Row['status']>().toEqualTypeOf<'created' | 'joined' | 'failed' | 'valid'>()
    expectTypeOf<Extract<Row, { status: 'valid' }>['existingAccount']>().toEqualTypeOf<boolean | undefined>()
    expectTypeOf<Extract<Row, { status: 'created' }>['invitation']>().toEqualTypeOf<Invitation>()
    expectTypeOf<Extract<Row, { status: 'created' }>['user']>().toEqualTypeOf<User>()
    expectTypeOf<Extract<Row, { status: 'failed' }>['error']>().toEqualTypeOf<ItemError>()
  })

  it('narrows a row by its status', () => {
    const show = (row: Row) => {
      if (row.status === 'created') {
        expectTypeOf(row.invitation.expiresAt).toEqualTypeOf<string>()
        // @ts-expect-error: a created row has no error.
        void row.error
      } else if (row.status === 'failed') {
        expectTypeOf(row.error.code).toEqualTypeOf<ItemError['code']>()
      }
    }
    void show
  })

  it('takes an idempotency key, updates do not', () => {
    client.invitations.create(
      { invitations: [{ firstName: 'Léa', email: 'lea@acme.fr', role: 'technician' }] },
      { idempotencyKey: 'form-1' },
    )
    // @ts-expect-error: reads take no idempotency key.
    client.users.get(userId, { idempotencyKey: 'nope' })
  })
})

describe('given the error guards', () => {
  it('narrow unknown to each error class', () => {
    expectTypeOf(isUsherError).guards.toEqualTypeOf<UsherError>()
    expectTypeOf(isUsherApiError).guards.toEqualTypeOf<UsherApiError>()
    expectTypeOf(isUsherValidationError).guards.toEqualTypeOf<UsherValidationError>()
    expectTypeOf(isUsherNetworkError).guards.toEqualTypeOf<UsherNetworkError>()
    expectTypeOf(isUsherSchemaError).guards.toEqualTypeOf<UsherSchemaError>()
  })

  it('give access to the fields after narrowing', () => {
    const handle = (error: unknown) => {
      if (isUsherValidationError(error))
        expectTypeOf(error.fieldErrors[0]?.path).toEqualTypeOf<string | undefined>()
      if (isUsherApiError(error)) expectTypeOf(error.code).toEqualTypeOf<UsherApiError['code']>()
      if (isUsherNetworkError(error)) expectTypeOf(error.reason).toEqualTypeOf<'network' | 'timeout'>()
      if (isUsherSchemaError(error)) expectTypeOf(error.status).toEqualTypeOf<number>()
    }
    void handle
  })
})

describe('given a host backend implementing UsherClient itself', () => {
  it('type-checks an object literal whose signatures match', () => {
    const page = <T>(): Promise<Page<T>> => Promise.resolve({ items: [], nextCursor: null })
    async function* none<T>(): AsyncIterable<T> {}
    const user = async (id: string) => ({ id }) as User
    const importOf = async (id: string) => ({ id }) as Import

    const ownBackend = {
      me: { get: async () => ({}) as Me },
      organization: {
        activate: async ({ name }) => ({ name }) as Me['organization'],
        update: async (input, { ifMatch }) => ({ ...input, version: ifMatch + 1 }) as Me['organization'],
      },
      users: {
        list: page<User>,
        listAll: none<User>,
        count: async () => ({ count: 0, exact: true }),
        create: async ({ email }) => ({ email }) as User,
        get: user,
        setPassword: async () => undefined,
        update: async (id, patch, { ifMatch }) =>
          ({ ...(await user(id)), ...patch, version: ifMatch + 1 }) as User,
        delete: async () => undefined,
        bulk: async ({ userIds }) => ({ results: [], succeeded: userIds.length, failed: 0 }),
      },
      invitations: {
        list: page<Invitation>,
        listAll: none<Invitation>,
        create: async ({ invitations }) => ({ results: [], created: invitations.length, failed: 0 }),
        check: async () => ({ results: [], created: 0, failed: 0 }),
        resend: async (id) => ({ id }) as Invitation,
        revoke: async () => undefined,
        lookup: async (token) =>
          ({ email: token }) as Awaited<ReturnType<UsherClient['invitations']['lookup']>>,
        accept: async () => ({ user: {} as User, session: null }),
      },
      groups: {
        list: page<Group>,
        listAll: none<Group>,
        create: async ({ name }) => ({ name }) as Group,
        update: async (id, _patch, { ifMatch }) => ({ id, version: ifMatch + 1 }) as Group,
        delete: async () => undefined,
        shares: { list: page<GroupShare>, listAll: none<GroupShare> },
      },
      shares: {
        get: async (id) => ({ userId: id, items: [], version: 1 }),
        replace: async (id, _input, { ifMatch }): Promise<UserShares> => ({
          userId: id,
          items: [],
          version: ifMatch,
        }),
        bulk: async () => ({ results: [], succeeded: 0, failed: 0 }),
      },
      roles: { list: async () => ({ items: [] }) },
      imports: {
        create: async () => ({}) as Import,
        addChunk: async (_id, { index }) => ({ index, results: [] }),
        complete: importOf,
        get: importOf,
        cancel: importOf,
        report: { list: page<ImportRowResult>, listAll: none<ImportRowResult> },
      },
      audit: { list: page<AuditEvent>, listAll: none<AuditEvent> },
      auth: {
        login: async () => ({}) as Awaited<ReturnType<UsherClient['auth']['login']>>,
        requestPasswordReset: async () => undefined,
        lookupPasswordReset: async () =>
          ({}) as Awaited<ReturnType<UsherClient['auth']['lookupPasswordReset']>>,
        confirmPasswordReset: async () => ({}) as Awaited<ReturnType<UsherClient['auth']['login']>>,
        changePassword: async () => ({}) as Awaited<ReturnType<UsherClient['auth']['login']>>,
      },
    } satisfies UsherClient

    const asClient: UsherClient = ownBackend
    expectTypeOf(asClient.users.list).returns.resolves.toEqualTypeOf<Page<User>>()
  })

  it('refuses an implementation whose signature drifts', () => {
    // @ts-expect-error: ids are strings.
    const get: UsherClient['users']['get'] = async (id: number) => ({ id }) as unknown as User
    // @ts-expect-error: update must answer the updated user.
    const update: UsherClient['users']['update'] = async () => undefined
    // @ts-expect-error: list answers a page, not an array.
    const list: UsherClient['users']['list'] = async () => [] as User[]
    const options: RequestOptions = { signal: new AbortController().signal, timeout: 1000 }
    void [get, update, list, options]
  })
})

describe('given list filters', () => {
  it('types status and role filters as lists of the contract values', () => {
    type Query = NonNullable<Parameters<UsherClient['users']['list']>[0]>
    expectTypeOf<{ status: ['invited', 'expired'] }>().toExtend<Query>()
    expectTypeOf<{ status: ['gone'] }>().not.toExtend<Query>()
  })
})
