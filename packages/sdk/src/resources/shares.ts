import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'
import { byId } from '../utils/by-id'

/** `client.shares`: the groups shared with each person, one at a time or in bulk. */
export function sharesResource(call: Call): UsherClient['shares'] {
  return {
    get: (userId, o) => call('getUserShares', { params: byId(userId) }, o),
    replace: (userId, body, o) => call('replaceUserShares', { params: byId(userId), body }, o),
    bulk: (body, o) => call('bulkShares', { body }, o),
  }
}
