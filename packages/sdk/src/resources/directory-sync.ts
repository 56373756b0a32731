import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'
import { pages } from '../utils/pages'

/** `client.directorySync`: the owner's side of SCIM provisioning (settings, tokens, request log). */
export function directorySyncResource(call: Call): NonNullable<UsherClient['directorySync']> {
  return {
    get: (o) => call('getDirectorySync', {}, o),
    updateSettings: (patch, o) => call('updateDirectorySyncSettings', { body: patch }, o),
    createToken: (input, o) => call('createDirectoryToken', { body: input }, o),
    revokeToken: async (id, o) => {
      await call('revokeDirectoryToken', { params: { id } }, o)
    },
    requests: {
      list: (query, o) => call('listDirectoryRequests', { query }, o),
      listAll: (query, o) =>
        pages((cursor) => call('listDirectoryRequests', { query: { ...query, cursor } }, o)),
    },
  }
}
