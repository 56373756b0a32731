import type { Permission } from './permissions'

/**
 * The permissions of managing people, groups and shares: a team uses none of them before it is
 * activated (named by its owner), as the consoles it replaces require.
 */
export const TEAM_ACTIVATION_PERMISSIONS = [
  'users:invite',
  'users:update',
  'users:delete',
  'groups:manage',
  'shares:manage',
  'imports:run',
] as const satisfies readonly Permission[]

/** Whether the team has been activated (named): only then are its people managed. */
export const isTeamActivated = (organization: { activatedAt: string | Date | null }): boolean =>
  organization.activatedAt !== null

/**
 * Whether a request needs the team activated: every write that manages people, groups, shares or
 * imports, and the mail pipeline's creation of people. Reading, the organization's settings,
 * activation itself and signing in stay open.
 */
export function requiresActivatedTeam(endpoint: { method: string; auth: string }): boolean {
  if (endpoint.method === 'GET') return false
  return (
    (TEAM_ACTIVATION_PERMISSIONS as readonly string[]).includes(endpoint.auth) ||
    endpoint.auth === 'inbound-email-token'
  )
}
