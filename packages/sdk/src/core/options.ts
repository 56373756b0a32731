import type { UsherError } from '../errors/usher-error'

export type TokenSource = string | (() => string | null | undefined | Promise<string | null | undefined>)

export interface RetryOptions {
  /**
   * Retries after the first attempt. Every call is retried on 429 and on a connection refused
   * before anything was sent. Calls a replay cannot repeat — GET, DELETE, POSTs with an
   * `Idempotency-Key` or replayable (import chunks) — are also retried on network errors,
   * timeouts, 408, 500, 502, 503 and 504; updates under `If-Match` only on 429 and 503; other
   * POSTs on nothing more. A keyed POST answered 409 with `Retry-After` (the first request with
   * that key still running) is retried after the wait.
   * @default 2
   */
  limit?: number
  /**
   * Milliseconds to wait before retry number `attempt` (1-based), when the server gave no
   * `Retry-After`.
   * @default attempt => 300 * 2 ** (attempt - 1)
   */
  delay?: (attempt: number) => number
  /**
   * Longest `Retry-After` (ms) worth waiting for; a longer one fails at once with the 429, 503 or 409.
   * @default 60_000
   */
  maxRetryAfter?: number
}

export interface BeforeRequestState {
  /** The endpoint's name in the contract, e.g. `listUsers`. */
  endpoint: string
  request: Request
  /** 0 for the first attempt, then 1, 2... */
  attempt: number
}

export interface AfterResponseState {
  endpoint: string
  request: Request
  response: Response
}

export interface BeforeErrorState {
  endpoint: string
  error: UsherError
}

export interface UsherHooks {
  /** Before each attempt (retries included), after the token and headers are set. */
  beforeRequest?: Array<(state: BeforeRequestState) => void | Promise<void>>
  /** After each response, errors included, before it is read. */
  afterResponse?: Array<(state: AfterResponseState) => void | Promise<void>>
  /** Before an error is thrown; return another error to throw that instead, or nothing to keep it. */
  // biome-ignore lint/suspicious/noConfusingVoidType: a hook that only logs returns nothing, and must type-check.
  beforeError?: Array<(state: BeforeErrorState) => UsherError | void | Promise<UsherError | void>>
}

export interface UsherClientOptions {
  /**
   * Where the host mounted the Usher API. A relative URL resolves against the page, so it works
   * only in a browser: on the server (Node, server-side rendering) calls fail with an `UsherError`
   * asking for an absolute one. Creating the client with it is fine anywhere.
   * @example 'https://app.example.com/api/usher'
   * @example '/api/usher' // same origin, in a browser
   */
  baseUrl: string
  /**
   * The bearer token: a string, or a function called before every attempt so a host can refresh
   * an expiring token. Omit it for the public calls (invitation lookup and accept, sign-in).
   * @example token: () => auth.getFreshToken()
   */
  token?: TokenSource
  /**
   * The fetch to use.
   * @default globalThis.fetch
   */
  fetch?: typeof globalThis.fetch
  /**
   * Headers sent with every request. An `Authorization` here is sent as is unless `token` is set,
   * which then owns that header.
   */
  headers?: Record<string, string>
  /**
   * Retries; a number is the limit. `0` turns retries off.
   * @default { limit: 2 }
   */
  retry?: number | RetryOptions
  /**
   * Milliseconds for one attempt: each retry gets its own, and retry waits are not counted, so a
   * call may take longer in all. `false` for none.
   * @default 30_000
   */
  timeout?: number | false
  hooks?: UsherHooks
}
