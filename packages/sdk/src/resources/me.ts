import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'

/** `client.me`: the caller, their organization, permissions and seats, and their account's organizations. */
export function meResource(call: Call): UsherClient['me'] {
  return {
    get: (o) => call('getMe', {}, o),
    memberships: async (o) => (await call('listMemberships', {}, o)).items,
  }
}
