import {
  buildPath,
  type EndpointDefinition,
  type EndpointName,
  type Endpoints,
  endpoints,
  formatEtag,
  HEADERS,
  type Page,
  type RequestPart,
  requestValidationProblem,
  toFieldErrors,
} from '@usher/contract'
import ky, { HTTPError, type KyInstance } from 'ky'
import type { z } from 'zod'
import { isUsherError } from '../errors/guards'
import { UsherError } from '../errors/usher-error'
import { UsherSchemaError } from '../errors/usher-schema-error'
import { UsherValidationError } from '../errors/usher-validation-error'
import type { RequestOptions } from '../types/options'
import type { UsherClient } from '../types/usher-client'
import { detachError } from '../utils/detach-error'
import { newIdempotencyKey } from '../utils/idempotency-key'
import { toSearchParams } from '../utils/query'
import { toUsherError } from './map-error'
import type { UsherClientOptions } from './options'
import {
  decideRetry,
  nothingDone,
  RETRY_AFTER_STATUS_CODES,
  RETRY_METHODS,
  RETRY_STATUS_CODES,
  type RetryContext,
  replayOf,
} from './retry-policy'

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

/** The longest timer the platform keeps (ky refuses a longer `timeout`). */
const MAX_TIMEOUT = 2_147_483_647

/** `url` without its trailing slashes; a loop, as a regex would backtrack on a long run of them. */
function trimTrailingSlashes(url: string): string {
  let end = url.length
  while (end > 0 && url.charCodeAt(end - 1) === 47 /* / */) end--
  return url.slice(0, end)
}

function isAbsoluteUrl(url: string): boolean {
  try {
    new URL(url)
    return true
  } catch {
    return false
  }
}

/** A page's address to resolve a relative `baseUrl` against: browsers and workers have one. */
function hasPageLocation(): boolean {
  try {
    return typeof (globalThis as { location?: unknown }).location === 'object'
  } catch {
    // Deno without --location throws on access.
    return false
  }
}

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
  const baseUrl = trimTrailingSlashes(options.baseUrl)
  // Checked per call, not here: a client made at module level during SSR may only be used in the browser.
  const relativeBaseUrl = !isAbsoluteUrl(baseUrl)
  const retry = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {})
  const hooks = options.hooks ?? {}
  const maxRetryAfter = retry.maxRetryAfter ?? 60_000
  const hasToken = options.token !== undefined

  const http: KyInstance = ky.create({
    ...(options.fetch ? { fetch: options.fetch } : {}),
    timeout: options.timeout ?? 30_000,
    throwHttpErrors: true,
    retry: {
      limit: retry.limit ?? 2,
      // Every method: each call's `shouldRetry` (decideRetry) says what may be replayed.
      methods: RETRY_METHODS,
      statusCodes: RETRY_STATUS_CODES,
      afterStatusCodes: RETRY_AFTER_STATUS_CODES,
      maxRetryAfter,
      retryOnTimeout: true,
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

  function setAuthorization(name: string, headers: Headers, token: string): void {
    try {
      headers.set('authorization', `Bearer ${token}`)
    } catch (error) {
      // The platform's message quotes the value: keep the token out of the cause.
      throw new UsherError(
        'The token cannot be sent in a header: it holds a line break or a character beyond Latin-1.',
        { endpoint: name, cause: detachError(error, { secret: token }) },
      )
    }
  }

  /** Runs a host hook; what it throws is the host's failure, not a network one (never retried). */
  async function runHook(name: string, kind: string, hook: () => void | Promise<void>): Promise<void> {
    try {
      await hook()
    } catch (cause) {
      if (isUsherError(cause)) throw cause
      throw new UsherError(`A ${kind} hook failed; see \`cause\`.`, { endpoint: name, cause })
    }
  }

  function refuse(name: string, error: z.ZodError, part: RequestPart, input: unknown): never {
    // The contract's own 422 for the part: the input goes along so a missing field reads `required`.
    throw new UsherValidationError(requestValidationProblem(part, error, input), { endpoint: name })
  }

  /** A header the platform refuses (a line break, a character beyond Latin-1) is the host's error. */
  function checkHeaders(name: string, headers: Record<string, string>): void {
    try {
      new Headers(headers)
    } catch {
      for (const [key, value] of Object.entries(headers)) {
        try {
          new Headers([[key, value]])
        } catch (error) {
          throw new UsherError(
            `The header "${key}" cannot be sent: a line break or a character beyond Latin-1?`,
            {
              endpoint: name,
              cause: detachError(error, { secret: value }),
            },
          )
        }
      }
    }
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
    if (relativeBaseUrl && !hasPageLocation()) {
      throw new UsherError(
        `baseUrl "${baseUrl}" is relative, and there is no page here to resolve it against (Node, server-side rendering): pass an absolute baseUrl on the server, e.g. "https://app.example.com${baseUrl.startsWith('/') ? '' : '/'}${baseUrl}".`,
        { endpoint: name },
      )
    }
    const timeout = callOptions.timeout ?? options.timeout
    if (typeof timeout === 'number' && !(timeout >= 0 && timeout <= MAX_TIMEOUT)) {
      throw new UsherError(`timeout must be between 0 and ${MAX_TIMEOUT} ms, or false; got ${timeout}.`, {
        endpoint: name,
      })
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
    checkHeaders(name, headers)

    const method = endpoint.method.toLowerCase() as Lowercase<EndpointDefinition['method']>
    const retryContext: RetryContext = {
      replay: replayOf(endpoint, idempotencyKey !== undefined),
      method: endpoint.method,
      keyed: idempotencyKey !== undefined,
      maxRetryAfter,
    }
    // Set once a retry follows a failure after which the server may have done the work.
    let replayedAfterWork = false
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
        retry: {
          shouldRetry: ({ error }) => {
            const decision = decideRetry(retryContext, error)
            if (decision !== false && !nothingDone(error)) replayedAfterWork = true
            return decision
          },
        },
        hooks: {
          beforeRequest: [
            async (request, _options, state) => {
              // Only a `token` option owns the header: without one, a host-supplied Authorization stays.
              if (hasToken) {
                const token = await resolveToken(name)
                if (token) setAuthorization(name, request.headers, token)
                else request.headers.delete('authorization')
              }
              for (const hook of hooks.beforeRequest ?? []) {
                await runHook(name, 'beforeRequest', () =>
                  hook({ endpoint: name, request, attempt: state.retryCount }),
                )
              }
            },
          ],
          // ky tees every response for these hooks and cancels the hooks' branch; an abort while the
          // other branch is unread (a retry wait) then leaves an unhandled rejection in Node's fetch.
          // So: no hook unless the host has some, and an error body (small) is read to the end.
          afterResponse: hooks.afterResponse?.length
            ? [
                async (request, _options, res) => {
                  for (const hook of hooks.afterResponse ?? []) {
                    await runHook(name, 'afterResponse', () =>
                      hook({ endpoint: name, request, response: res }),
                    )
                  }
                  if (!res.ok && !res.bodyUsed) await res.arrayBuffer().catch(() => undefined)
                },
              ]
            : [],
        },
      })
    } catch (caught) {
      // A DELETE answered 404 on a retry, after an attempt whose answer was lost: that attempt did it.
      if (
        replayedAfterWork &&
        method === 'delete' &&
        !endpoint.success.schema &&
        caught instanceof HTTPError &&
        caught.response.status === 404 &&
        !callOptions.signal?.aborted
      ) {
        await caught.response.arrayBuffer().catch(() => undefined)
        return undefined as SuccessOf<N>
      }
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
      create: (body, o) => call('createUser', { body }, o),
      get: (userId, o) => call('getUser', { params: id(userId) }, o),
      setPassword: (userId, body, o) => call('setUserPassword', { params: id(userId), body }, o),
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
      shares: {
        list: (groupId, query, o) => call('listGroupShares', { params: id(groupId), query }, o),
        listAll: (groupId, query, o) =>
          pages((cursor) => call('listGroupShares', { params: id(groupId), query: { ...query, cursor } }, o)),
      },
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
      lookupPasswordReset: (token, o) => call('lookupPasswordReset', { query: { token } }, o),
      confirmPasswordReset: (body, o) => call('confirmPasswordReset', { body }, o),
      changePassword: (body, o) => call('changePassword', { body }, o),
    },
  }
}
