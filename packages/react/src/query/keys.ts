import type { CountUsersQuery, ListGroupsQuery, ListInvitationsQuery, ListUsersQuery } from '@usher/contract'

/**
 * Every query key Usher uses, for hosts that prefetch or invalidate:
 * `queryClient.invalidateQueries({ queryKey: usherKeys.users.all })`.
 */
export const usherKeys = {
  all: ['usher'] as const,
  me: () => [...usherKeys.all, 'me'] as const,
  roles: () => [...usherKeys.all, 'roles'] as const,
  users: {
    all: ['usher', 'users'] as const,
    lists: () => [...usherKeys.users.all, 'list'] as const,
    list: (query: Omit<ListUsersQuery, 'cursor'>) => [...usherKeys.users.lists(), query] as const,
    /** How many people a search and filters match (`GET /users/count`). */
    count: (query: CountUsersQuery) => [...usherKeys.users.all, 'count', query] as const,
    detail: (id: string) => [...usherKeys.users.all, 'detail', id] as const,
    shares: (id: string) => [...usherKeys.users.all, 'shares', id] as const,
  },
  groups: {
    all: ['usher', 'groups'] as const,
    list: (query: Omit<ListGroupsQuery, 'cursor'> = {}) => [...usherKeys.groups.all, 'list', query] as const,
    /** Who one group is shared with (GroupSharesDialog). */
    shares: (groupId: string) => [...usherKeys.groups.all, 'shares', groupId] as const,
  },
  invitations: {
    all: ['usher', 'invitations'] as const,
    list: (query: Omit<ListInvitationsQuery, 'cursor'> = {}) =>
      [...usherKeys.invitations.all, 'list', query] as const,
    /** What an invitation link is for (public: AcceptInvitation). */
    lookup: (token: string) => [...usherKeys.invitations.all, 'lookup', token] as const,
  },
  auth: {
    all: ['usher', 'auth'] as const,
    /** What a password-reset link is for (public: PasswordResetForm). */
    resetLookup: (token: string) => [...usherKeys.auth.all, 'reset-lookup', token] as const,
  },
}
