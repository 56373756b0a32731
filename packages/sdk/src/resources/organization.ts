import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'

/** `client.organization`: activating the team and its settings. */
export function organizationResource(call: Call): UsherClient['organization'] {
  return {
    activate: (body, o) => call('activateOrganization', { body }, o),
    update: (body, o) => call('updateOrganization', { body }, o),
    mailProblems: (o) => call('listMailProblems', {}, o),
  }
}
