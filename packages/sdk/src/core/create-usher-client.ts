import {
  buildPath,
  type EndpointDefinition,
  type EndpointName,
  type Endpoints,
  endpoints,
  formatEtag,
  HEADERS,
  type Page,
  toFieldErrors,
  validationProblem,
} from '@usher/contract'
import ky, { HTTPError, type KyInstance } from 'ky'
import type { z } from 'zod'
import { UsherError } from '../errors/usher-error'
import { UsherSchemaError } from '../errors/usher-schema-error'
import { UsherValidationError } from '../errors/usher-validation-error'
import type { RequestOptions } from '../types/options'
import type { UsherClient } from '../types/usher-client'
import { newIdempotencyKey } from '../utils/idempotency-key'
import { toSearchParams } from '../utils/query'
import { retryAfterSeconds, toUsherError } from './map-error'
import type { UsherClientOptions } from './options'

type SuccessOf<N extends EndpointName> = Endpoints[N]['success'] extends { schema: infer S extends z.ZodType }
  ? z.output<S>
  : undefined

interface CallInput {
  params?: Record<string, string>
  query?: unknown
  body?: unknown
}

interface CallOptions extends RequestOptions {
  idempotencyKey?: string
  ifMatch?: number
}

const RETRY_STATUS_CODES = [408, 429, 500, 502, 503, 504]
/** Where a `Retry-After` sets the wait. */
const RETRY_AFTER_STATUS_CODES = [429, 503]

/**
 * The typed HTTP client. Requests are validated with the contract before they leave (a bad call
 * throws `UsherValidationError`, the server's 422 shape, and sends nothing); responses are parsed
 * with it (a body that breaks the contract throws `UsherSchemaError`).
 *
 * @example
 * const usher = createUsherClient({ baseUrl: '/api/usher', token: () => session.token() })
 * const { items, nextCursor } = await usher.users.list({ status: ['invited'], limit: 20 })
 */
export function createUsherClient(options: UsherClientOptions): UsherClient {
  const baseUrl = options.baseUrl.replace(/\/+$/, '')
  const retry = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {})
  const hooks = options.hooks ?? {}
  const maxRetryAfter = retry.maxRetryAfter ?? 60_000

  const http: KyInstance = ky.create({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeout: options.timeout ?? 30_000,
    throwHttpErrors: true,
    retry: {
      limit: retry.limit ?? 2,
      statusCodes: RETRY_STATUS_CODES,
      afterStatusCodes: RETRY_AFTER_STATUS_CODES,
      maxRetryAfter,
      retryOnTimeout: true,
      // ky waits maxRetryAfter when the server asks for longer; we give up at once instead, so the
      // host can show "retry in N s" rather than hang.
      shouldRetry: ({ error }) => {
        if (error instanceof UsherError) return false
        if (!(error instanceof HTTPError)) return undefined
        if (!RETRY_AFTER_STATUS_CODES.includes(error.response.status)) return undefined
        const seconds = retryAfterSeconds(error.response)
        return seconds !== undefined && seconds * 1000 > maxRetryAfter ? false : undefined
      },
      ...(retry.delay ? { delay: retry.delay } : {}),
    },
  })

  async function resolveToken(name: string): Promise<string | null | undefined> {
    if (typeof options.token !== 'function') return options.token
    try {
      return await options.token()
    } catch (cause) {
      // The host's own failure (signed out, refresh refused): not a network error, not worth a retry.
      throw new UsherError('The token function failed; see `cause`.', { endpoint: name, cause })
    }
  }

  function refuse(name: string, error: z.ZodError, part: 'body' | 'query' | 'params', input: unknown): never {
    // Query and path errors carry their part as prefix, like the server's; body paths start at the root.
    // The input goes along so a missing field reads `required`, as in the server's answer.
    const problem = validationProblem(error, {}, { input })
    if (part !== 'body') problem.errors = toFieldErrors(error.issues, [part], { input })
    throw new UsherValidationError(problem, { endpoint: name })
  }

  async function call<N extends EndpointName>(
    name: N,
    input: CallInput = {},
    callOptions: CallOptions = {},
  ): Promise<SuccessOf<N>> {
    try {
      return await send(name, input, callOptions)
    } catch (caught) {
      // Every Usher error of the call goes through the hooks: refused locally, answered, or a body
      // that breaks the contract. Aborts (the signal's reason) and a missing ifMatch pass untouched.
      if (!(caught instanceof UsherError)) throw caught
      let error: UsherError = caught
      for (const hook of hooks.beforeError ?? []) error = (await hook({ endpoint: name, error })) ?? error
      throw error
    }
  }

  async function send<N extends EndpointName>(
    name: N,
    input: CallInput,
    callOptions: CallOptions,
  ): Promise<SuccessOf<N>> {
    const endpoint: EndpointDefinition = endpoints[name]
    if (endpoint.params) {
      const parsed = endpoint.params.safeParse(input.params ?? {})
      if (!parsed.success) refuse(name, parsed.error, 'params', input.params ?? {})
    }
    if (endpoint.query) {
      const parsed = endpoint.query.safeParse(input.query ?? {})
      if (!parsed.success) refuse(name, parsed.error, 'query', input.query ?? {})
    }
    if (endpoint.body) {
      const parsed = endpoint.body.safeParse(input.body)
      if (!parsed.success) refuse(name, parsed.error, 'body', input.body)
    }

    const headers: Record<string, string> = {
      accept: 'application/json, application/problem+json',
      ...options.headers,
      ...callOptions.headers,
    }
    if (endpoint.ifMatch) {
      if (typeof callOptions.ifMatch !== 'number') {
        throw new TypeError(`${name} needs { ifMatch: version }: the version of the resource you read.`)
      }
      headers[HEADERS.ifMatch] = formatEtag(callOptions.ifMatch)
    }
    // One key per logical call: ky resends the same Request on retry, so a retried create is
    // recognised by the server instead of creating twice.
    const idempotencyKey = endpoint.idempotent
      ? (callOptions.idempotencyKey ?? newIdempotencyKey())
      : undefined
    if (idempotencyKey) headers[HEADERS.idempotencyKey] = idempotencyKey

    const method = endpoint.method.toLowerCase() as Lowercase<EndpointDefinition['method']>
    const retriable =
      method === 'get' || method === 'put' || method === 'delete' || idempotencyKey !== undefined
    const query = input.query ? toSearchParams(input.query as Record<string, unknown>).toString() : ''
    const url = `${baseUrl}${buildPath(endpoint.path, input.params)}${query ? `?${query}` : ''}`

    let response: Response
    try {
      response = await http(url, {
        method,
        headers,
        ...(input.body !== undefined ? { json: input.body } : {}),
        ...(callOptions.signal ? { signal: callOptions.signal } : {}),
        ...(callOptions.timeout !== undefined ? { timeout: callOptions.timeout } : {}),
        retry: { methods: retriable ? [method] : [] },
        hooks: {
          beforeRequest: [
            async (request, _options, state) => {
              const token = await resolveToken(name)
              if (token) request.headers.set('authorization', `Bearer ${token}`)
              else request.headers.delete('authorization')
              for (const hook of hooks.beforeRequest ?? []) {
                await hook({ endpoint: name, request, attempt: state.retryCount })
              }
            },
          ],
          // ky tees every response for these hooks and cancels the hooks' branch; an abort while the
          // other branch is unread (a retry wait) then leaves an unhandled rejection in Node's fetch.
          // So: no hook unless the host has some, and an error body (small) is read to the end.
          afterResponse: hooks.afterResponse?.length
            ? [
                async (request, _options, res) => {
                  for (const hook of hooks.afterResponse ?? [])
                    await hook({ endpoint: name, request, response: res })
                  if (!res.ok && !res.bodyUsed) await res.arrayBuffer().catch(() => undefined)
                },
              ]
            : [],
        },
      })
    } catch (caught) {
      throw await toUsherError(caught, name, callOptions.signal)
    }

    const schema = endpoint.success.schema
    if (!schema || response.status === 204) return undefined as SuccessOf<N>
    let data: unknown
    try {
      data = await response.json()
    } catch {
      if (callOptions.signal?.aborted) throw callOptions.signal.reason
      throw new UsherSchemaError([{ path: '', code: 'invalid_type', message: 'The body is not JSON.' }], {
        endpoint: name,
        status: response.status,
      })
    }
    const parsed = schema.safeParse(data)
    if (!parsed.success) {
      throw new UsherSchemaError(toFieldErrors(parsed.error.issues), {
        endpoint: name,
        status: response.status,
      })
    }
    return parsed.data as SuccessOf<N>
  }

  async function* pages<T>(fetchPage: (cursor: string | undefined) => Promise<Page<T>>): AsyncGenerator<T> {
    let cursor: string | undefined
    do {
      const page = await fetchPage(cursor)
      yield* page.items
      cursor = page.nextCursor ?? undefined
    } while (cursor)
  }

  const id = (value: string) => ({ id: value })

  return {
    me: {
      get: (o) => call('getMe', {}, o),
    },
    organization: {
      activate: (body, o) => call('activateOrganization', { body }, o),
      update: (body, o) => call('updateOrganization', { body }, o),
    },
    users: {
      list: (query, o) => call('listUsers', { query }, o),
      listAll: (query, o) => pages((cursor) => call('listUsers', { query: { ...query, cursor } }, o)),
      get: (userId, o) => call('getUser', { params: id(userId) }, o),
      update: (userId, body, o) => call('updateUser', { params: id(userId), body }, o),
      delete: (userId, o) => call('deleteUser', { params: id(userId) }, o),
      bulk: (body, o) => call('bulkUsers', { body }, o),
    },
    invitations: {
      list: (query, o) => call('listInvitations', { query }, o),
      listAll: (query, o) => pages((cursor) => call('listInvitations', { query: { ...query, cursor } }, o)),
      create: (body, o) => call('createInvitations', { body }, o),
      resend: (invitationId, o) => call('resendInvitation', { params: id(invitationId) }, o),
      revoke: (invitationId, o) => call('revokeInvitation', { params: id(invitationId) }, o),
      lookup: (token, o) => call('lookupInvitation', { query: { token } }, o),
      accept: (body, o) => call('acceptInvitation', { body }, o),
    },
    groups: {
      list: (query, o) => call('listGroups', { query }, o),
      listAll: (query, o) => pages((cursor) => call('listGroups', { query: { ...query, cursor } }, o)),
      create: (body, o) => call('createGroup', { body }, o),
      update: (groupId, body, o) => call('updateGroup', { params: id(groupId), body }, o),
      delete: (groupId, o) => call('deleteGroup', { params: id(groupId) }, o),
    },
    shares: {
      get: (userId, o) => call('getUserShares', { params: id(userId) }, o),
      replace: (userId, body, o) => call('replaceUserShares', { params: id(userId), body }, o),
      bulk: (body, o) => call('bulkShares', { body }, o),
    },
    roles: {
      list: (o) => call('listRoles', {}, o),
    },
    imports: {
      create: (body, o) => call('createImport', { body }, o),
      addChunk: (importId, body, o) => call('addImportChunk', { params: id(importId), body }, o),
      complete: (importId, o) => call('completeImport', { params: id(importId) }, o),
      get: (importId, o) => call('getImport', { params: id(importId) }, o),
      cancel: (importId, o) => call('cancelImport', { params: id(importId) }, o),
      report: {
        list: (importId, query, o) => call('getImportReport', { params: id(importId), query }, o),
        listAll: (importId, query, o) =>
          pages((cursor) =>
            call('getImportReport', { params: id(importId), query: { ...query, cursor } }, o),
          ),
      },
    },
    audit: {
      list: (query, o) => call('listAudit', { query }, o),
      listAll: (query, o) => pages((cursor) => call('listAudit', { query: { ...query, cursor } }, o)),
    },
    auth: {
      login: (body, o) => call('login', { body }, o),
      requestPasswordReset: (body, o) => call('requestPasswordReset', { body }, o),
      confirmPasswordReset: (body, o) => call('confirmPasswordReset', { body }, o),
      changePassword: (body, o) => call('changePassword', { body }, o),
    },
  }
}
