import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'
import { byId } from '../utils/by-id'
import { pages } from '../utils/pages'

/** `client.groups`: the (nested) customer groups, and who each one is shared with. */
export function groupsResource(call: Call): UsherClient['groups'] {
  return {
    list: (query, o) => call('listGroups', { query }, o),
    listAll: (query, o) => pages((cursor) => call('listGroups', { query: { ...query, cursor } }, o)),
    create: (body, o) => call('createGroup', { body }, o),
    update: (groupId, body, o) => call('updateGroup', { params: byId(groupId), body }, o),
    delete: (groupId, o) => call('deleteGroup', { params: byId(groupId) }, o),
    shares: {
      list: (groupId, query, o) => call('listGroupShares', { params: byId(groupId), query }, o),
      listAll: (groupId, query, o) =>
        pages((cursor) => call('listGroupShares', { params: byId(groupId), query: { ...query, cursor } }, o)),
    },
  }
}
