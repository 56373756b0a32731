import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'

/** `client.me`: the caller, their organization, permissions and seats. */
export function meResource(call: Call): UsherClient['me'] {
  return {
    get: (o) => call('getMe', {}, o),
  }
}
