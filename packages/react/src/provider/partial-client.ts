import { BUILT_IN_ROLE_CATALOG, createProblem, type Permission, roleEntries } from '@usher/contract'
import { UsherApiError, type UsherClient } from '@usher/sdk'

type Method = (...args: never[]) => unknown

/** Any subset of `UsherClient`'s methods, at any depth. */
export type PartialUsherClient = {
  [K in keyof UsherClient]?: UsherClient[K] extends Method ? UsherClient[K] : PartialMethods<UsherClient[K]>
}
type PartialMethods<T> = { [K in keyof T]?: T[K] extends Method ? T[K] : PartialMethods<T[K]> }

/** A method's dotted path: `'users.list'`, `'groups.shares.list'`. */
export type UsherMethodName = string

/** What a partial client cannot do: `code` is `method_not_allowed` (405); `method` names it. */
export class UsherNotSupportedError extends UsherApiError {
  /** The client method the backend does not implement, e.g. `users.bulk`. */
  readonly method: UsherMethodName
  constructor(method: UsherMethodName) {
    super(createProblem('method_not_allowed', { detail: `This backend does not support ${method}.` }), {
      endpoint: method,
    })
    this.method = method
  }
}

/** Whether `error` is a partial client's "not supported" (also across copies of the package). */
export function isUsherNotSupportedError(error: unknown): error is UsherNotSupportedError {
  return (
    error instanceof UsherNotSupportedError || typeof (error as { method?: unknown })?.method === 'string'
  )
}

// The permission a screen checks before it offers an action, and the methods that action needs:
// a partial client's `me.get` leaves out a permission whose methods the backend lacks, so the
// components hide what would only fail (they gate on permissions, never on role names).
const PERMISSION_METHODS: Partial<Record<Permission, readonly UsherMethodName[]>> = {
  'users:read': ['users.list'],
  'users:invite': ['invitations.create'],
  'users:update': ['users.update'],
  'users:delete': ['users.delete'],
  'groups:manage': ['groups.create', 'groups.update', 'groups.delete'],
  'shares:manage': ['shares.get', 'shares.replace'],
  'imports:run': ['imports.create', 'imports.addChunk', 'imports.complete'],
  'audit:read': ['audit.list'],
  'organization:manage': ['organization.update'],
}

const supportedOf = new WeakMap<object, ReadonlySet<UsherMethodName>>()

/**
 * A whole `UsherClient` from the methods a host's own backend has. Every other method rejects
 * with `UsherNotSupportedError`; `listAll` is derived from a given `list` (page after page);
 * `roles.list` defaults to the built-in roles; and `me.get`'s permissions leave out what the
 * backend cannot do (no `invitations.create`: no `users:invite`), so the components hide it.
 * @example
 * const client = createPartialClient({
 *   me: { get: () => api('/me') },
 *   users: { list: (query) => api('/users', query) },
 *   invitations: { create: (input) => api.post('/invitations', input) },
 * })
 */
export function createPartialClient(methods: PartialUsherClient): UsherClient {
  const given = new Map<UsherMethodName, Method>()
  collect(methods, [], given)
  if (!given.has('roles.list')) {
    given.set('roles.list', async () => ({ items: roleEntries(BUILT_IN_ROLE_CATALOG) }))
  }
  for (const [name, list] of [...given]) {
    const all = name.replace(/\.list$/, '.listAll')
    if (all !== name && !given.has(all)) given.set(all, listAllFrom(list, name.split('.').length > 2))
  }
  const getMe = given.get('me.get')
  if (getMe) {
    given.set('me.get', async (...args: never[]) => {
      const me = (await getMe(...args)) as Awaited<ReturnType<UsherClient['me']['get']>>
      const permissions = me.permissions.filter((p) =>
        (PERMISSION_METHODS[p] ?? []).every((m) => given.has(m)),
      )
      return { ...me, permissions }
    })
  }
  const client = node([], given)
  supportedOf.set(client, new Set(given.keys()))
  return client as unknown as UsherClient
}

/** The host's functions by dotted path, bound to the object that holds them. */
function collect(object: object, path: string[], into: Map<UsherMethodName, Method>): void {
  for (const [key, value] of Object.entries(object)) {
    if (typeof value === 'function') into.set([...path, key].join('.'), value.bind(object) as Method)
    else if (value && typeof value === 'object') collect(value, [...path, key], into)
  }
}

// Any path the host did not give — including methods added to UsherClient after this was
// written — is a function that rejects "not supported", whose properties are the same again.
function node(path: string[], given: Map<UsherMethodName, Method>): object {
  const name = path.join('.')
  const missing = name.endsWith('.listAll')
    ? () => rejectingIterable(name)
    : () => Promise.reject(new UsherNotSupportedError(name))
  return new Proxy(missing, {
    get(target, key) {
      if (typeof key === 'symbol') return Reflect.get(target, key)
      // Not a promise, not a React element, not serializable: what code probing an object asks.
      if (key === 'then' || key === '$$typeof' || key === 'toJSON') return undefined
      const child = [...path, key]
      return given.get(child.join('.')) ?? node(child, given)
    },
  })
}

/**
 * Whether a client implements a method: always true for `createUsherClient()`'s (and any client
 * not made by `createPartialClient`).
 * @example isSupported(client, 'users.bulk')
 */
export function isSupported(client: UsherClient, method: UsherMethodName): boolean {
  return supportedOf.get(client)?.has(method) ?? true
}

/** `listAll` from `list`: page after page while `nextCursor` is set. */
function listAllFrom(list: Method, withId: boolean): Method {
  return ((...args: unknown[]) => {
    const [id, query, options] = withId ? args : [undefined, ...args]
    return {
      async *[Symbol.asyncIterator]() {
        let cursor: string | null | undefined
        do {
          const q = { ...(query as object), ...(cursor ? { cursor } : {}) }
          const call = list as (...a: unknown[]) => Promise<{ items: unknown[]; nextCursor: string | null }>
          const page = withId ? await call(id, q, options) : await call(q, options)
          yield* page.items
          cursor = page.nextCursor
        } while (cursor)
      },
    }
  }) as Method
}

function rejectingIterable(name: string): AsyncIterable<never> {
  return {
    [Symbol.asyncIterator]: () => ({ next: () => Promise.reject(new UsherNotSupportedError(name)) }),
  }
}
