import { type EndpointDefinition, type RequestPart, requestValidationProblem } from '@usher/contract'
import type { z } from 'zod'
import { UsherError } from '../errors/usher-error'
import { UsherValidationError } from '../errors/usher-validation-error'
import { hasPageLocation } from '../utils/base-url'
import { detachError } from '../utils/detach-error'

// What a call is checked for before anything leaves: a failure here sends nothing.

/** The longest timer the platform keeps (ky refuses a longer `timeout`). */
export const MAX_TIMEOUT = 2_147_483_647

/** What one call sends, before validation. */
export interface CallInput {
  params?: Record<string, string>
  query?: unknown
  body?: unknown
}

function refuse(name: string, error: z.ZodError, part: RequestPart, input: unknown): never {
  // The contract's own 422 for the part: the input goes along so a missing field reads `required`.
  throw new UsherValidationError(requestValidationProblem(part, error, input), { endpoint: name })
}

/** Validates the path parameters, the query and the body with the endpoint's schemas. */
export function checkInput(name: string, endpoint: EndpointDefinition, input: CallInput): void {
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
}

/** A relative `baseUrl` needs a page to resolve against; on a server the host must give an absolute one. */
export function checkBaseUrl(name: string, baseUrl: string, relative: boolean): void {
  if (relative && !hasPageLocation()) {
    throw new UsherError(
      `baseUrl "${baseUrl}" is relative, and there is no page here to resolve it against (Node, server-side rendering): pass an absolute baseUrl on the server, e.g. "https://app.example.com${baseUrl.startsWith('/') ? '' : '/'}${baseUrl}".`,
      { endpoint: name },
    )
  }
}

export function checkTimeout(name: string, timeout: number | false | undefined): void {
  if (typeof timeout === 'number' && !(timeout >= 0 && timeout <= MAX_TIMEOUT)) {
    throw new UsherError(`timeout must be between 0 and ${MAX_TIMEOUT} ms, or false; got ${timeout}.`, {
      endpoint: name,
    })
  }
}

/** A header the platform refuses (a line break, a character beyond Latin-1) is the host's error. */
export function checkHeaders(name: string, headers: Record<string, string>): void {
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
