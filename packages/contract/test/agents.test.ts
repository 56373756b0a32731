import { describe, expect, it } from 'vitest'
import { HOST_ROLES } from '../../fixtures/src/index'
import { agentRoles, createRoleCatalog, isAgentRole, mayBeAssignedAgent } from '../src/index'

// A host's customer contact: no permission, no seat, no console (seed 004's people records).
const catalog = createRoleCatalog({
  ...HOST_ROLES,
  contact: {
    rank: 5,
    permissions: [],
    scope: 'groups',
    takesSeat: false,
    label: { en: 'Contact', fr: 'Contact' },
  },
})

describe('given the roles of an organization with a customer contact role', () => {
  it('offers as agents the console roles only, in picker order', () => {
    expect(agentRoles(catalog)).toEqual(['owner', 'admin', 'operator', 'technician'])
    expect(isAgentRole(catalog, 'contact')).toBe(false)
    expect(isAgentRole(catalog, 'nobody')).toBe(false)
  })

  it('accepts an active or invited console user, never a disabled one, a lapsed invitation or the person', () => {
    const tech = { id: 't', role: 'technician', status: 'active' as const }
    expect(mayBeAssignedAgent(catalog, tech, 'p')).toBe(true)
    expect(mayBeAssignedAgent(catalog, { ...tech, status: 'invited' }, 'p')).toBe(true)
    expect(mayBeAssignedAgent(catalog, { ...tech, status: 'disabled' }, 'p')).toBe(false)
    expect(mayBeAssignedAgent(catalog, { ...tech, status: 'expired' }, 'p')).toBe(false)
    expect(mayBeAssignedAgent(catalog, tech, 't')).toBe(false)
    expect(mayBeAssignedAgent(catalog, { ...tech, role: 'contact' }, 'p')).toBe(false)
  })
})
