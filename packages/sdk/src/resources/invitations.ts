import type { Call } from '../core/call'
import type { UsherClient } from '../types/usher-client'
import { byId } from '../utils/by-id'
import { pages } from '../utils/pages'

/** `client.invitations`: invite, resend, revoke; and the public lookup and accept of a link. */
export function invitationsResource(call: Call): UsherClient['invitations'] {
  return {
    list: (query, o) => call('listInvitations', { query }, o),
    listAll: (query, o) => pages((cursor) => call('listInvitations', { query: { ...query, cursor } }, o)),
    create: (body, o) => call('createInvitations', { body }, o),
    // The server's dry run: the same verdicts with nothing written, so no idempotency record either.
    check: (body, o) =>
      call(
        'createInvitations',
        { body: { ...body, dryRun: true, sendEmail: false } },
        { ...o, idempotencyKey: false },
      ),
    resend: (invitationId, o) => call('resendInvitation', { params: byId(invitationId) }, o),
    revoke: (invitationId, o) => call('revokeInvitation', { params: byId(invitationId) }, o),
    lookup: (token, o) => call('lookupInvitation', { query: { token } }, o),
    accept: (body, o) => call('acceptInvitation', { body }, o),
  }
}
