import {
  buildPath,
  type EndpointDefinition,
  type EndpointName,
  type Endpoints,
  endpoints,
  formatEtag,
  HEADERS,
} from '@usher/contract'
import { HTTPError } from 'ky'
import type { z } from 'zod'
import { UsherError } from '../errors/usher-error'
import type { RequestOptions } from '../types/options'
import { isAbsoluteUrl, trimTrailingSlashes } from '../utils/base-url'
import { newIdempotencyKey } from '../utils/idempotency-key'
import { toSearchParams } from '../utils/query'
import { createHttp } from './create-http'
import { resolveToken, runHook, setAuthorization } from './host-callbacks'
import { toUsherError } from './map-error'
import type { UsherClientOptions } from './options'
import { parseResponse } from './parse-response'
import { type CallInput, checkBaseUrl, checkHeaders, checkInput, checkTimeout } from './request-checks'
import { decideRetry, nothingDone, type RetryContext, replayOf } from './retry-policy'

/** What an endpoint answers once parsed: its success schema's output, or nothing (204). */
export type SuccessOf<N extends EndpointName> = Endpoints[N]['success'] extends {
  schema: infer S extends z.ZodType
}
  ? z.output<S>
  : Endpoints[N]['success'] extends { file: object }
    ? Response
    : undefined

/** A call's options: the public ones, plus the headers some endpoints take. */
export interface CallOptions extends RequestOptions {
  /** `false`: no key, for a call that writes nothing (a dry run), so the server keeps no record of it. */
  idempotencyKey?: string | false
  ifMatch?: number
}

/** One endpoint of the contract, called by name: validated, sent, retried where safe, parsed. */
export type Call = <N extends EndpointName>(
  name: N,
  input?: CallInput,
  options?: CallOptions,
) => Promise<SuccessOf<N>>

/** The request pipeline every resource of a client shares. */
export function createCall(options: UsherClientOptions): Call {
  const baseUrl = trimTrailingSlashes(options.baseUrl)
  // Checked per call, not here: a client made at module level during SSR may only be used in the browser.
  const relativeBaseUrl = !isAbsoluteUrl(baseUrl)
  const hooks = options.hooks ?? {}
  const hasToken = options.token !== undefined
  const { http, maxRetryAfter } = createHttp(options)

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
    checkInput(name, endpoint, input)
    checkBaseUrl(name, baseUrl, relativeBaseUrl)
    checkTimeout(name, callOptions.timeout ?? options.timeout)

    const headers: Record<string, string> = {
      accept: `${endpoint.success.file?.contentType ?? 'application/json'}, application/problem+json`,
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
    const idempotencyKey =
      endpoint.idempotent && callOptions.idempotencyKey !== false
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
                const token = await resolveToken(name, options.token)
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

    // A file endpoint (an export) hands back the response: the caller reads its body as it likes.
    if (endpoint.success.file) return response as SuccessOf<N>
    const schema = endpoint.success.schema
    if (!schema || response.status === 204) return undefined as SuccessOf<N>
    return (await parseResponse(name, schema, response, callOptions.signal)) as SuccessOf<N>
  }

  return call
}
