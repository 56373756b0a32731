import type { RoleCatalog } from './roles'
import type { UserStatus } from './status'

/** The statuses an assigned agent may have: someone who can sign in now or once they accept. */
export const AGENT_STATUSES = ['active', 'invited'] as const satisfies readonly UserStatus[]

/**
 * Whether holders of `role` may be assigned to people as their agent: console users — a role that
 * takes one of the plan's seats (technician, a host's operator) or grants powers (admin, owner) —
 * and never a role without console access (a host's customer contact).
 */
export function isAgentRole(catalog: RoleCatalog, role: string): boolean {
  return catalog.has(role) && (catalog.takesSeat(role) || catalog.hasPowers(role))
}

/** The roles whose holders may be agents, in the catalog's order (a picker's `role` filter). */
export function agentRoles(catalog: RoleCatalog): string[] {
  return catalog.keys.filter((role) => isAgentRole(catalog, role))
}

/**
 * Whether `candidate` may be the assigned agent of the person `personId`: an agent role, an
 * account that is active or invited (not disabled, not a lapsed invitation), and not the person
 * themselves.
 */
export function mayBeAssignedAgent(
  catalog: RoleCatalog,
  candidate: { id: string; role: string; status: UserStatus },
  personId?: string,
): boolean {
  return (
    candidate.id !== personId &&
    (AGENT_STATUSES as readonly UserStatus[]).includes(candidate.status) &&
    isAgentRole(catalog, candidate.role)
  )
}
