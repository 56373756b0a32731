/** Options every call takes. */
export interface RequestOptions {
  /** Cancels the request (and any retry wait). The promise rejects with the signal's reason. */
  signal?: AbortSignal
  /** Extra headers for this call only. */
  headers?: Record<string, string>
  /**
   * Milliseconds before one attempt gives up (each retry gets its own); `false` for none.
   * @default the client's `timeout`
   */
  timeout?: number | false
}

/** Options of calls that create (invitations, imports, bulk actions). */
export interface CreateOptions extends RequestOptions {
  /**
   * The `Idempotency-Key` sent, and reused on every retry of this call. The SDK makes one per call
   * when omitted; pass your own to make a retry of a whole user action (e.g. a re-submitted form)
   * safe too.
   * @example { idempotencyKey: crypto.randomUUID() }
   */
  idempotencyKey?: string
}

/** Options of updates guarded by a version. */
export interface UpdateOptions extends RequestOptions {
  /**
   * The version you read (`user.version`); sent as `If-Match`. A stale one fails with 412
   * `version_mismatch` and changes nothing.
   */
  ifMatch: number
}
