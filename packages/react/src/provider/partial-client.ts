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
const PERMISSION_METHODS: Record<Permission, readonly UsherMethodName[]> = {
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

// Every method of UsherClient, so the missing ones answer "not supported" instead of crashing.
const METHODS: readonly UsherMethodName[] = [
  'me.get',
  'organization.activate',
  'organization.update',
  ...paginated('users'),
  'users.count',
  'users.create',
  'users.get',
  'users.update',
  'users.setPassword',
  'users.delete',
  'users.bulk',
  ...paginated('invitations'),
  'invitations.create',
  'invitations.resend',
  'invitations.revoke',
  'invitations.lookup',
  'invitations.accept',
  ...paginated('groups'),
  'groups.create',
  'groups.update',
  'groups.delete',
  ...paginated('groups.shares'),
  'shares.get',
  'shares.replace',
  'shares.bulk',
  'roles.list',
  'imports.create',
  'imports.addChunk',
  'imports.complete',
  'imports.get',
  'imports.cancel',
  ...paginated('imports.report'),
  ...paginated('audit'),
  'auth.login',
  'auth.requestPasswordReset',
  'auth.lookupPasswordReset',
  'auth.confirmPasswordReset',
  'auth.changePassword',
]

function paginated(path: string): UsherMethodName[] {
  return [`${path}.list`, `${path}.listAll`]
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
  for (const name of METHODS) {
    const fn = lookup(methods, name)
    if (typeof fn === 'function') given.set(name, fn.bind(parentOf(methods, name)) as Method)
  }
  if (!given.has('roles.list')) {
    given.set('roles.list', async () => ({ items: roleEntries(BUILT_IN_ROLE_CATALOG) }))
  }
  for (const name of METHODS.filter((m) => m.endsWith('.listAll'))) {
    const list = given.get(name.replace(/listAll$/, 'list'))
    if (!given.has(name) && list) given.set(name, listAllFrom(list, name.split('.').length > 2))
  }
  const getMe = given.get('me.get')
  if (getMe) {
    given.set('me.get', async (...args: never[]) => {
      const me = (await getMe(...args)) as Awaited<ReturnType<UsherClient['me']['get']>>
      return {
        ...me,
        permissions: me.permissions.filter((p) => PERMISSION_METHODS[p].every((m) => given.has(m))),
      }
    })
  }

  const client: Record<string, unknown> = {}
  for (const name of METHODS) {
    const fn =
      given.get(name) ??
      (name.endsWith('.listAll')
        ? () => rejectingIterable(name)
        : () => Promise.reject(new UsherNotSupportedError(name)))
    assign(client, name, fn)
  }
  supportedOf.set(client, new Set(given.keys()))
  return client as unknown as UsherClient
}

/**
 * Whether a client implements a method: always true for `createUsherClient()`'s (and any client
 * not made by `createPartialClient`).
 * @example isSupported(client, 'users.bulk')
 */
export function isSupported(client: UsherClient, method: UsherMethodName): boolean {
  return supportedOf.get(client)?.has(method) ?? true
}

function lookup(root: object, path: string): unknown {
  return path
    .split('.')
    .reduce<unknown>((node, key) => (node as Record<string, unknown> | undefined)?.[key], root)
}

function parentOf(root: object, path: string): unknown {
  return lookup(root, path.split('.').slice(0, -1).join('.'))
}

function assign(root: Record<string, unknown>, path: string, value: unknown): void {
  const keys = path.split('.')
  const last = keys.pop() as string
  let node = root
  for (const key of keys) {
    node[key] ??= {}
    node = node[key] as Record<string, unknown>
  }
  node[last] = value
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
