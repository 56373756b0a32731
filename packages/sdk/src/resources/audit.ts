import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'
import { pages } from '../utils/pages'

/** `client.audit`: who did what to whom, newest first. */
export function auditResource(call: Call): UsherClient['audit'] {
  return {
    list: (query, o) => call('listAudit', { query }, o),
    listAll: (query, o) => pages((cursor) => call('listAudit', { query: { ...query, cursor } }, o)),
  }
}
