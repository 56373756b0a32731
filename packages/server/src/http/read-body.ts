import type { Context } from 'hono'
import { ProblemError } from './problem-error'

/**
 * The request's JSON body, with the size capped while it streams in (a lying or missing
 * Content-Length cannot get more through). An empty body reads as undefined: the schema then
 * says which fields are required.
 */
export async function readJsonBody(c: Context, maxBytes: number): Promise<unknown> {
  const type = c.req.header('Content-Type')
  const chunks = await readBytes(c, maxBytes)
  if (chunks === null) return undefined
  if (type && !/^application\/([\w.+-]+\+)?json\b/i.test(type)) {
    throw new ProblemError('unsupported_media_type')
  }
  let text: string
  try {
    // JSON is UTF-8 (RFC 8259): invalid bytes are refused, not silently turned into U+FFFD.
    text = new TextDecoder('utf-8', { fatal: true }).decode(Buffer.concat(chunks))
  } catch {
    throw new ProblemError('invalid_json', { detail: 'The body is not valid UTF-8.' })
  }
  try {
    return JSON.parse(text)
  } catch (error) {
    throw new ProblemError('invalid_json', { detail: error instanceof Error ? error.message : undefined })
  }
}

/** Whether the request's body is of `mediaType` (parameters such as `charset` aside). */
export const bodyIsOfType = (c: Context, mediaType: string) =>
  c.req.header('Content-Type')?.split(';')[0]?.trim().toLowerCase() === mediaType

/**
 * The body as text, capped like a JSON body: a whole message (`message/rfc822`). Its bytes are
 * read as UTF-8 with replacement, since 8-bit mail in another charset is decoded by the parser
 * from its own headers, and an undecodable byte must not refuse a whole message.
 */
export async function readTextBody(c: Context, maxBytes: number): Promise<string | undefined> {
  const chunks = await readBytes(c, maxBytes)
  return chunks === null ? undefined : new TextDecoder('utf-8').decode(Buffer.concat(chunks))
}

/** The body's bytes, the size capped while they stream in; null when there is none. */
async function readBytes(c: Context, maxBytes: number): Promise<Uint8Array[] | null> {
  const declared = Number(c.req.header('Content-Length') ?? Number.NaN)
  if (declared > maxBytes) throw tooLarge(maxBytes)
  const raw = c.req.raw.body
  if (!raw) return null
  const reader = raw.getReader()
  const chunks: Uint8Array[] = []
  let size = 0
  for (;;) {
    const { done, value } = await reader.read()
    if (done) break
    size += value.byteLength
    if (size > maxBytes) {
      await reader.cancel()
      throw tooLarge(maxBytes)
    }
    chunks.push(value)
  }
  return size === 0 ? null : chunks
}

const tooLarge = (max: number) =>
  new ProblemError('payload_too_large', { detail: `The body may hold at most ${max} bytes.` })
