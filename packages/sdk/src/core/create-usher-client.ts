import { accessReviewsResource } from '../resources/access-reviews'
import { auditResource } from '../resources/audit'
import { authResource } from '../resources/auth'
import { directorySyncResource } from '../resources/directory-sync'
import { exportsResource } from '../resources/exports'
import { groupsResource } from '../resources/groups'
import { importsResource } from '../resources/imports'
import { inboundEmailResource } from '../resources/inbound-email'
import { invitationsResource } from '../resources/invitations'
import { meResource } from '../resources/me'
import { organizationResource } from '../resources/organization'
import { rolesResource } from '../resources/roles'
import { sharesResource } from '../resources/shares'
import { usersResource } from '../resources/users'
import type { UsherClient } from '../types/usher-client'
import { createCall } from './call'
import type { UsherClientOptions } from './options'

/**
 * The typed HTTP client. Requests are validated with the contract before they leave (a bad call
 * throws `UsherValidationError`, the server's 422 shape, and sends nothing); responses are parsed
 * with it (a body that breaks the contract throws `UsherSchemaError`).
 *
 * @example
 * const usher = createUsherClient({ baseUrl: '/api/usher', token: () => session.token() })
 * const { items, nextCursor } = await usher.users.list({ status: ['invited'], limit: 20 })
 */
export function createUsherClient(options: UsherClientOptions): UsherClient {
  // One pipeline (validation, token, retries, parsing) shared by every resource.
  const call = createCall(options)
  return {
    me: meResource(call),
    organization: organizationResource(call),
    users: usersResource(call),
    invitations: invitationsResource(call),
    groups: groupsResource(call),
    shares: sharesResource(call),
    roles: rolesResource(call),
    imports: importsResource(call),
    audit: auditResource(call),
    accessReviews: accessReviewsResource(call),
    directorySync: directorySyncResource(call),
    inboundEmail: inboundEmailResource(call),
    exports: exportsResource(call),
    auth: authResource(call),
  }
}
