import { isUsherApiError, type UsherApiError } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'

let t: TestServer
beforeAll(async () => {
  // A host's customer contact: a person record with no console access, so nobody's agent.
  t = await startTestServer({
    roles: {
      contact: {
        rank: 5,
        permissions: [],
        scope: 'groups',
        takesSeat: false,
        label: { en: 'Contact', fr: 'Contact' },
      },
    },
  })
})
afterAll(() => t.close())

async function rejection(promise: Promise<unknown>): Promise<UsherApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  )
  if (!isUsherApiError(error)) throw new Error(`Expected an API error, got ${String(error)}`)
  return error
}

describe('assigning an agent to a person', () => {
  it('takes an active console user, and refuses a contact, a disabled account or the person themselves', async () => {
    const org = await createTestOrg(t)
    const person = await org.addMember({ role: 'contact' })
    const tech = await org.addMember({ role: 'technician' })
    const otherContact = await org.addMember({ role: 'contact' })
    const owner = org.owner.client

    const assigned = await owner.users.update(
      person.user.id,
      { assignedAgentId: tech.user.id },
      { ifMatch: person.user.version },
    )
    expect(assigned.assignedAgentId).toBe(tech.user.id)

    const refusedCode = async (agentId: string, version: number) =>
      (
        await rejection(
          owner.users.update(person.user.id, { assignedAgentId: agentId }, { ifMatch: version }),
        )
      ).fieldErrors.map((e) => [e.path, e.code])
    expect(await refusedCode(otherContact.user.id, assigned.version)).toEqual([
      ['assignedAgentId', 'invalid_value'],
    ])
    expect(await refusedCode(person.user.id, assigned.version)).toEqual([
      ['assignedAgentId', 'invalid_value'],
    ])

    const disabled = await org.addMember({ role: 'technician' })
    await owner.users.update(disabled.user.id, { enabled: false }, { ifMatch: disabled.user.version })
    expect(await refusedCode(disabled.user.id, assigned.version)).toEqual([
      ['assignedAgentId', 'invalid_value'],
    ])

    // Clearing the agent is always allowed.
    expect(
      (await owner.users.update(person.user.id, { assignedAgentId: null }, { ifMatch: assigned.version }))
        .assignedAgentId,
    ).toBeNull()
  })
})
