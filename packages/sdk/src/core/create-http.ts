import ky, { type KyInstance } from 'ky'
import type { UsherClientOptions } from './options'
import { RETRY_AFTER_STATUS_CODES, RETRY_METHODS, RETRY_STATUS_CODES } from './retry-policy'

/** The client's ky instance, and the longest `Retry-After` it waits for (the retry policy needs it too). */
export interface Http {
  http: KyInstance
  maxRetryAfter: number
}

/** One ky instance per client: fetch, timeout and the retry limits; each call decides what may be replayed. */
export function createHttp(options: UsherClientOptions): Http {
  const retry = typeof options.retry === 'number' ? { limit: options.retry } : (options.retry ?? {})
  const maxRetryAfter = retry.maxRetryAfter ?? 60_000
  const http = ky.create({
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
  return { http, maxRetryAfter }
}
