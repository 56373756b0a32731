import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'
import { byId } from '../utils/by-id'
import { pages } from '../utils/pages'

/** `client.users`: the people of the organization. */
export function usersResource(call: Call): UsherClient['users'] {
  return {
    list: (query, o) => call('listUsers', { query }, o),
    listAll: (query, o) => pages((cursor) => call('listUsers', { query: { ...query, cursor } }, o)),
    count: (query, o) => call('countUsers', { query }, o),
    create: (body, o) => call('createUser', { body }, o),
    get: (userId, o) => call('getUser', { params: byId(userId) }, o),
    setPassword: (userId, body, o) => call('setUserPassword', { params: byId(userId), body }, o),
    update: (userId, body, o) => call('updateUser', { params: byId(userId), body }, o),
    delete: (userId, o) => call('deleteUser', { params: byId(userId) }, o),
    bulk: (body, o) => call('bulkUsers', { body }, o),
  }
}
