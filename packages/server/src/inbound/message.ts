import type { HeaderLookup, ReceiveInboundEmailSchema } from '@usher/contract'
import PostalMime from 'postal-mime'
import type * as z from 'zod'
import { ProblemError } from '../http/problem-error'

/** What the server needs of a message: who sent it, its Message-ID, and its header fields. */
export interface SenderFacts {
  /** The `From` address as written; null when the message names none. */
  address: string | null
  name: string | null
  /** Without angle brackets; null when the message has none. */
  messageId: string | null
  header: HeaderLookup
}

const bare = (id: string | null | undefined) => {
  const trimmed = id?.trim().replace(/^<|>$/g, '').trim()
  return trimmed ? trimmed : null
}

/**
 * The sender facts of a request's body: the whole message parsed by postal-mime (a well-kept
 * RFC 5322/MIME parser; the body is not needed, only the headers and the decoded `From`), or the
 * JSON fields as the pipeline sent them.
 */
export async function senderFacts(body: z.output<typeof ReceiveInboundEmailSchema>): Promise<SenderFacts> {
  if (body.raw !== undefined) {
    let email: Awaited<ReturnType<typeof PostalMime.parse>>
    try {
      email = await PostalMime.parse(body.raw)
    } catch (error) {
      throw new ProblemError('validation_failed', {
        errors: [
          {
            path: 'raw',
            code: 'invalid_value',
            message: `Not a message: ${error instanceof Error ? error.message : 'it could not be read'}.`,
          },
        ],
      })
    }
    const fields = new Map<string, string>()
    for (const { key, value } of email.headers) if (!fields.has(key)) fields.set(key, value)
    return {
      address: email.from?.address?.trim() || null,
      name: email.from?.name?.trim() || null,
      messageId: bare(email.messageId),
      header: (name) => fields.get(name),
    }
  }
  const fields = new Map<string, string>()
  for (const [key, value] of Object.entries(body.headers ?? {})) {
    const name = key.toLowerCase()
    if (!fields.has(name)) fields.set(name, value)
  }
  return {
    address: body.from?.address || null,
    name: body.from?.name?.trim() || null,
    messageId: bare(body.messageId ?? fields.get('message-id')),
    header: (name) => fields.get(name),
  }
}
