import type { AuditEvent } from '@usher/contract'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestServer } from './support/harness'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
})
afterAll(() => t.close())

describe('given events on several days', () => {
  it('answers only the events of the time range, and refuses a date that is not one', async () => {
    const org = await createTestOrg(t)
    const owner = org.owner.client
    const monday = t.clock.now()
    await owner.groups.create({ name: 'Monday group' })
    t.clock.advanceSeconds(86_400)
    const tuesday = t.clock.now()
    await owner.groups.create({ name: 'Tuesday group' })
    t.clock.advanceSeconds(86_400)
    await owner.groups.create({ name: 'Wednesday group' })

    const labels = (events: AuditEvent[]) => events.map((event) => event.target.label)
    const onTuesday = await owner.audit.list({
      action: 'group.created',
      from: tuesday.toISOString(),
      to: new Date(tuesday.getTime() + 86_400_000).toISOString(),
    })
    expect(labels(onTuesday.items)).toEqual(['Tuesday group'])
    const untilTuesday = await owner.audit.list({ action: 'group.created', to: tuesday.toISOString() })
    expect(labels(untilTuesday.items)).toEqual(['Monday group'])
    const sinceMonday = await owner.audit.list({ action: 'group.created', from: monday.toISOString() })
    expect(labels(sinceMonday.items)).toEqual(['Wednesday group', 'Tuesday group', 'Monday group'])

    const refused = await owner.audit.list({ from: 'last tuesday' }).catch((error: unknown) => error)
    expect(refused).toMatchObject({ code: 'validation_failed' })
  })
})
