/** A fresh idempotency key: a v4 UUID from the platform's CSPRNG (browsers and Node 20 alike). */
export function newIdempotencyKey(): string {
  return globalThis.crypto.randomUUID()
}
