import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'

/** `client.inboundEmail`: the mail pipeline's tokens (the owner's side) and its one call, `receive`. */
export function inboundEmailResource(call: Call): NonNullable<UsherClient['inboundEmail']> {
  return {
    listTokens: async (o) => (await call('listInboundEmailTokens', {}, o)).tokens,
    createToken: (input, o) => call('createInboundEmailToken', { body: input }, o),
    revokeToken: async (id, o) => {
      await call('revokeInboundEmailToken', { params: { id } }, o)
    },
    // A whole message goes as the JSON `raw` field, which the server reads exactly as a
    // `message/rfc822` body: one JSON pipeline for every call (validation, retries, errors).
    receive: (message, o) =>
      call('receiveInboundEmail', { body: typeof message === 'string' ? { raw: message } : message }, o),
  }
}
