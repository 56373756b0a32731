import { randomUUID } from 'node:crypto'
import { EXPIRING_SOON_DAYS } from '@usher/contract'
import { describe, expect, it } from 'vitest'
import { JOBS } from '../src/index'
import { createTestOrg, type TestOrg } from './support/harness'
import { schedulerServerPerFile } from './support/scheduler-server'

// The scheduler's invitation sweep on a clock the test moves: one reminder some days before an
// invitation lapses, in the invitee's language, renewing nothing; a notice to whoever sent it
// (or an owner) once it lapsed. No transport: the outbox is the mailbox read here.

const server = schedulerServerPerFile()

const DAY = 86_400
const address = (who: string) => `${who}.${randomUUID().slice(0, 8)}@example.com`
const sweep = () => {
  const { scheduler } = server().server
  if (!scheduler) throw new Error('the scheduler is off')
  return scheduler.runNow(JOBS.invitations)
}
const mailTo = (to: string, kind: string) =>
  server()
    .server.db.selectFrom('outbox')
    .selectAll()
    .where('to_address', '=', to)
    .where('kind', '=', kind)
    .execute()
const invitationOf = (email: string) =>
  server()
    .server.db.selectFrom('invitations as i')
    .innerJoin('users as u', 'u.id', 'i.user_id')
    .select(['i.expires_at', 'i.token_hash', 'i.send_count'])
    .where('u.email', '=', email)
    .executeTakeFirstOrThrow()

async function invite(
  org: TestOrg,
  email: string,
  extra: Record<string, unknown> = {},
  by = org.owner.client,
) {
  await by.invitations.create({
    invitations: [{ firstName: 'Inès', lastName: 'Invitée', email, role: 'technician', ...extra }],
  })
}

describe('given invitations valid 30 days with reminders on (the default)', () => {
  it('sends one reminder three days before expiry, in the invitee’s language, renewing nothing', async () => {
    const org = await createTestOrg(server(), { name: 'Atelier Durand' })
    const fr = address('ines')
    await invite(org, fr, { locale: 'fr' })
    const before = await invitationOf(fr)

    server().clock.advanceSeconds(26 * DAY)
    await sweep()
    expect(await mailTo(fr, 'invitation_expiry_reminder')).toHaveLength(0)

    server().clock.advanceSeconds(DAY + 60)
    await sweep()
    await sweep()
    const reminders = await mailTo(fr, 'invitation_expiry_reminder')
    expect(reminders).toHaveLength(1)
    expect(reminders[0]?.subject).toBe(
      'Rappel\u00a0: votre invitation à rejoindre Atelier Durand expire bientôt',
    )
    expect(reminders[0]?.text).toContain('Olivia Owner vous invite à rejoindre Atelier Durand')
    // The expiry in the organization's zone (Europe/Paris by default), named.
    expect(reminders[0]?.text).toMatch(/valable jusqu’au .+ \(heure d’Europe centrale\)/)
    expect(reminders[0]?.link).toBe('http://app.test/reset')

    const after = await invitationOf(fr)
    expect(after).toEqual(before)
  })

  it('sends none when the owner turned reminders off', async () => {
    const org = await createTestOrg(server())
    const me = await org.owner.client.me.get()
    await org.owner.client.organization.update(
      { settings: { invitationReminders: { enabled: false, daysBefore: 3 } } },
      { ifMatch: me.organization.version },
    )
    const to = address('quiet')
    await invite(org, to)
    server().clock.advanceSeconds(28 * DAY)
    await sweep()
    expect(await mailTo(to, 'invitation_expiry_reminder')).toHaveLength(0)
    server().clock.advanceSeconds(-28 * DAY)
  })

  it('lists the invitations that lapse within 7 days', async () => {
    const org = await createTestOrg(server())
    const soon = address('soon')
    await invite(org, soon)
    server().clock.advanceSeconds(10 * DAY)
    const later = address('later')
    await invite(org, later)
    server().clock.advanceSeconds(15 * DAY)
    // soon: 5 days left; later: 15 days left.
    const page = await org.owner.client.users.list({ expiresWithinDays: EXPIRING_SOON_DAYS })
    expect(page.items.map((u) => u.email)).toEqual([soon])
    const count = await org.owner.client.users.count({ expiresWithinDays: EXPIRING_SOON_DAYS })
    expect(count.count).toBe(1)
    server().clock.advanceSeconds(-25 * DAY)
  })
})

describe('given an invitation that lapsed', () => {
  it('tells the person who sent it, once, in their language', async () => {
    const org = await createTestOrg(server())
    // A second owner sends it: an owner invites anyone, without groups.
    const admin = await org.addMember({ role: 'owner', firstName: 'Sami' })
    const to = address('late')
    await invite(org, to, {}, admin.client)
    server().clock.advanceSeconds(30 * DAY + 60)
    await sweep()
    await sweep()
    const notices = await mailTo(admin.user.email, 'invitation_lapsed')
    expect(notices).toHaveLength(1)
    expect(notices[0]?.subject).toBe(
      `The invitation of Inès Invitée to join ${(await org.owner.client.me.get()).organization.name} has lapsed`,
    )
    expect(notices[0]?.text).toContain(`Inès Invitée (${to}) did not accept the invitation`)
    expect(notices[0]?.text).not.toContain('no longer a member')
    // The table shows it lapsed.
    const [row] = (await org.owner.client.users.list({ q: to })).items
    expect(row?.status).toBe('expired')
    server().clock.advanceSeconds(-(30 * DAY + 60))
  })

  it('tells an owner when the person who sent it is gone', async () => {
    const org = await createTestOrg(server())
    // A second owner sends it: an owner invites anyone, without groups.
    const admin = await org.addMember({ role: 'owner', firstName: 'Sami' })
    const to = address('orphan')
    await invite(org, to, {}, admin.client)
    await org.owner.client.users.delete(admin.user.id)
    server().clock.advanceSeconds(30 * DAY + 60)
    await sweep()
    const notices = await mailTo(org.owner.user.email, 'invitation_lapsed')
    expect(notices).toHaveLength(1)
    expect(notices[0]?.text).toContain('no longer a member of the organization')
    server().clock.advanceSeconds(-(30 * DAY + 60))
  })
})
