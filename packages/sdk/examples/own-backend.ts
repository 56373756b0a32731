/**
 * A host whose users live in its own backend implements `UsherClient` over its own API, and the
 * Usher components run on it unchanged. This one wraps a made-up `/internal/team` REST API for the
 * calls it has, and says clearly which it does not support.
 */
import type { Me, User } from '@usher/contract'
import { createProblem } from '@usher/contract'
import { UsherApiError, type UsherClient } from '../src/index'

interface TeamMember {
  uid: string
  displayName: string
  mail: string
  isAdmin: boolean
  pending: boolean
}

const unsupported = (what: string) => () =>
  Promise.reject(
    new UsherApiError(createProblem('method_not_allowed', { detail: `${what} is not available here.` })),
  )

export function createOwnBackendClient(
  baseUrl: string,
  toUser: (member: TeamMember) => User,
  me: () => Promise<Me>,
): UsherClient {
  async function members(): Promise<TeamMember[]> {
    const response = await fetch(`${baseUrl}/internal/team`)
    if (!response.ok)
      throw new UsherApiError(createProblem('service_unavailable', { status: response.status }))
    return (await response.json()) as TeamMember[]
  }
  return {
    me: { get: me },
    organization: { activate: unsupported('Team activation'), update: unsupported('Organization settings') },
    users: {
      list: async () => ({ items: (await members()).map(toUser), nextCursor: null }),
      async *listAll() {
        yield* (await members()).map(toUser)
      },
      count: async () => ({ count: (await members()).length, exact: true }),
      get: async (id) => {
        const member = (await members()).find((m) => m.uid === id)
        if (!member) throw new UsherApiError(createProblem('not_found'))
        return toUser(member)
      },
      create: unsupported('Creating users'),
      setPassword: unsupported('Setting passwords'),
      update: unsupported('Editing users'),
      delete: unsupported('Deleting users'),
      bulk: unsupported('Bulk actions'),
    },
    invitations: {
      list: async () => ({ items: [], nextCursor: null }),
      async *listAll() {},
      create: unsupported('Invitations'),
      check: unsupported('Invitations'),
      resend: unsupported('Invitations'),
      revoke: unsupported('Invitations'),
      lookup: unsupported('Invitations'),
      accept: unsupported('Invitations'),
    },
    groups: {
      list: async () => ({ items: [], nextCursor: null }),
      async *listAll() {},
      create: unsupported('Groups'),
      update: unsupported('Groups'),
      delete: unsupported('Groups'),
      shares: { list: unsupported('Shares'), async *listAll() {} },
    },
    shares: { get: unsupported('Shares'), replace: unsupported('Shares'), bulk: unsupported('Shares') },
    roles: { list: async () => ({ items: [] }) },
    imports: {
      create: unsupported('Imports'),
      addChunk: unsupported('Imports'),
      complete: unsupported('Imports'),
      get: unsupported('Imports'),
      cancel: unsupported('Imports'),
      report: { list: unsupported('Imports'), async *listAll() {} },
    },
    audit: { list: async () => ({ items: [], nextCursor: null }), async *listAll() {} },
    auth: {
      login: unsupported('Sign-in'),
      requestPasswordReset: unsupported('Password reset'),
      lookupPasswordReset: unsupported('Password reset'),
      confirmPasswordReset: unsupported('Password reset'),
      changePassword: unsupported('Password change'),
    },
  }
}
