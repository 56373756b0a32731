import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'

/** `client.roles`: the organization's roles, built-in and host-defined, with their permissions. */
export function rolesResource(call: Call): UsherClient['roles'] {
  return {
    list: (o) => call('listRoles', {}, o),
  }
}
