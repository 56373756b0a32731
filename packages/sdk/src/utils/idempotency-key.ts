/**
 * A fresh idempotency key, as the client makes one for every call that creates: a v4 UUID from the
 * platform's CSPRNG. Make one per user action and pass it as `idempotencyKey`, so a form
 * submitted again after a lost answer is recognised by the server instead of creating twice.
 *
 * `crypto.randomUUID` exists only in secure contexts (HTTPS, localhost); a console served over
 * plain HTTP on an intranet has `crypto.getRandomValues` alone, so the UUID is built from 16
 * random bytes there.
 *
 * @example
 * const key = newIdempotencyKey() // once per submitted form, reused when it is sent again
 * await client.invitations.create(request, { idempotencyKey: key })
 */
export function newIdempotencyKey(): string {
  const crypto = globalThis.crypto
  if (typeof crypto.randomUUID === 'function') return crypto.randomUUID()
  return uuidFromRandomValues(crypto)
}

/** RFC 9562 version 4: 122 random bits, version nibble 4, variant bits 10. */
export function uuidFromRandomValues(crypto: Pick<Crypto, 'getRandomValues'>): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16))
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  let uuid = ''
  for (const [index, byte] of bytes.entries()) {
    if (index === 4 || index === 6 || index === 8 || index === 10) uuid += '-'
    uuid += byte.toString(16).padStart(2, '0')
  }
  return uuid
}
