import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'
import { byId } from '../utils/by-id'
import { pages } from '../utils/pages'

/** `client.imports`: an import sent in chunks, and its per-row report. `runImport` drives it. */
export function importsResource(call: Call): UsherClient['imports'] {
  return {
    create: (body, o) => call('createImport', { body }, o),
    addChunk: (importId, body, o) => call('addImportChunk', { params: byId(importId), body }, o),
    complete: (importId, o) => call('completeImport', { params: byId(importId) }, o),
    get: (importId, o) => call('getImport', { params: byId(importId) }, o),
    cancel: (importId, o) => call('cancelImport', { params: byId(importId) }, o),
    report: {
      list: (importId, query, o) => call('getImportReport', { params: byId(importId), query }, o),
      listAll: (importId, query, o) =>
        pages((cursor) =>
          call('getImportReport', { params: byId(importId), query: { ...query, cursor } }, o),
        ),
    },
  }
}
