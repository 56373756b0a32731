import { isUsherApiError, type UsherApiError } from '@usher/sdk'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { createTestOrg, startTestServer, type TestOrg, type TestServer } from './support/harness'

let t: TestServer
beforeAll(async () => {
  t = await startTestServer()
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

/**
 * North (admin Nadia, technicians Theo and Tina) and South (technician Sam); Theo and Sam have
 * shared groups, Tina none.
 */
async function world() {
  const org = await createTestOrg(t)
  const owner = org.owner.client
  const north = await owner.groups.create({ name: 'North' })
  const south = await owner.groups.create({ name: 'South' })
  const nadia = await org.addMember({
    role: 'admin',
    firstName: 'Nadia',
    lastName: 'North',
    groupIds: [north.id],
  })
  const theo = await org.addMember({
    role: 'technician',
    firstName: 'Theo',
    lastName: 'North',
    groupIds: [north.id],
  })
  const tina = await org.addMember({
    role: 'technician',
    firstName: 'Tina',
    lastName: 'North',
    groupIds: [north.id],
  })
  const sam = await org.addMember({
    role: 'technician',
    firstName: 'Sam',
    lastName: 'South',
    groupIds: [south.id],
  })
  await owner.shares.replace(
    theo.user.id,
    { shares: [{ groupId: north.id, permission: 'view' }] },
    { ifMatch: 1 },
  )
  await owner.shares.replace(
    sam.user.id,
    { shares: [{ groupId: south.id, permission: 'manage' }] },
    { ifMatch: 1 },
  )
  return { org, owner, north, south, nadia, theo, tina, sam }
}

const reviews = (org: TestOrg) => {
  const api = org.owner.client.accessReviews
  if (!api) throw new Error('the client has no access reviews')
  return api
}

async function lines(client: TestOrg['owner']['client'], reviewId: string) {
  const api = client.accessReviews
  if (!api) throw new Error('the client has no access reviews')
  const out = []
  for await (const item of api.items.listAll(reviewId)) out.push(item)
  return out
}

const describeLine = (item: { kind: string; user: { name: string }; group: { name: string } | null }) =>
  item.kind === 'role' ? `${item.user.name}: role` : `${item.user.name}: ${item.group?.name}`

describe('given an organization whose owner starts an access review', () => {
  it('lists every role and every shared group, and keeps one review open at a time', async () => {
    const { org } = await world()
    const review = await reviews(org).start()
    expect(review.status).toBe('open')
    const all = await lines(org.owner.client, review.id)
    expect(all.map(describeLine).sort()).toEqual([
      'Nadia North: role',
      'Olivia Owner: role',
      'Sam South: South',
      'Sam South: role',
      'Theo North: North',
      'Theo North: role',
      'Tina North: role',
    ])
    expect(review.counts).toEqual({ total: 7, pending: 7, confirmed: 0, removed: 0 })
    // The owner's own line is for someone else to decide; everything else is theirs.
    expect(all.filter((item) => !item.canDecide).map(describeLine)).toEqual(['Olivia Owner: role'])

    const again = await rejection(reviews(org).start())
    expect([again.status, again.code]).toEqual([409, 'conflict'])
  })

  it('shows a group admin only the lines within their groups, and lets them decide only those', async () => {
    const { org, nadia, sam } = await world()
    const review = await reviews(org).start()
    const mine = await lines(nadia.client, review.id)
    expect(mine.map(describeLine).sort()).toEqual([
      'Nadia North: role',
      'Theo North: North',
      'Theo North: role',
      'Tina North: role',
    ])
    expect(
      mine
        .filter((item) => item.canDecide)
        .map(describeLine)
        .sort(),
    ).toEqual(['Theo North: North', 'Theo North: role', 'Tina North: role'])
    const current = await nadia.client.accessReviews?.current()
    expect(current?.review?.counts).toEqual({ total: 4, pending: 4, confirmed: 0, removed: 0 })
    expect(current?.review?.reviewers.map((r) => r.name)).toEqual(['Nadia North'])

    const south = (await lines(org.owner.client, review.id)).find(
      (item) => item.user.id === sam.user.id && item.kind === 'role',
    )
    const own = mine.find((item) => item.user.id === nadia.user.id)
    const answer = await nadia.client.accessReviews?.decide(review.id, {
      decisions: [
        { itemId: south?.id ?? '', decision: 'remove' },
        { itemId: own?.id ?? '', decision: 'confirm' },
      ],
    })
    expect(answer?.results.map((r) => (r.ok ? 'ok' : r.error.code))).toEqual(['not_found', 'forbidden'])
    // Nothing happened to Sam.
    expect((await org.owner.client.users.get(sam.user.id)).status).toBe('active')
  })

  it('removes through the same writes as by hand: the share goes, the account is disabled, both audited', async () => {
    const { org, nadia, theo, tina } = await world()
    const review = await reviews(org).start()
    const mine = await lines(nadia.client, review.id)
    const theoShare = mine.find((item) => item.user.id === theo.user.id && item.kind === 'share')
    const theoRole = mine.find((item) => item.user.id === theo.user.id && item.kind === 'role')
    const tinaRole = mine.find((item) => item.user.id === tina.user.id && item.kind === 'role')
    const answer = await nadia.client.accessReviews?.decide(review.id, {
      decisions: [
        { itemId: theoShare?.id ?? '', decision: 'remove' },
        { itemId: theoRole?.id ?? '', decision: 'confirm' },
        { itemId: tinaRole?.id ?? '', decision: 'remove' },
      ],
    })
    expect(answer?.succeeded).toBe(3)
    expect((await org.owner.client.shares.get(theo.user.id)).items).toEqual([])
    expect((await org.owner.client.users.get(theo.user.id)).status).toBe('active')
    expect((await org.owner.client.users.get(tina.user.id)).status).toBe('disabled')

    const theoEvents = await org.owner.client.audit.list({ targetId: theo.user.id })
    expect(theoEvents.items.map((e) => e.action)).toContain('shares.bulk_unshared')
    const tinaEvents = await org.owner.client.audit.list({ targetId: tina.user.id })
    expect(tinaEvents.items[0]?.actor?.id).toBe(nadia.user.id)
    expect(tinaEvents.items.map((e) => e.action)).toContain('user.disabled')

    // A decided line stays decided: a second reviewer gets a conflict.
    const twice = await org.owner.client.accessReviews?.decide(review.id, {
      decisions: [{ itemId: tinaRole?.id ?? '', decision: 'confirm' }],
    })
    expect(twice?.results[0]?.ok === false && twice.results[0].error.code).toBe('conflict')
  })

  it('reminds the reviewers who have lines left, once an hour at most', async () => {
    const { org, nadia } = await world()
    const review = await reviews(org).start()
    const started = await reviews(org).current()
    expect(started.review?.reviewers.map((r) => [r.name, r.pending])).toEqual([
      ['Nadia North', 3],
      ['Olivia Owner', 6],
    ])
    // Nadia finishes; only the owner is left to remind.
    const mine = (await lines(nadia.client, review.id)).filter((item) => item.canDecide)
    await nadia.client.accessReviews?.decide(review.id, {
      decisions: mine.map((item) => ({ itemId: item.id, decision: 'confirm' as const })),
    })
    expect(await reviews(org).remind(review.id)).toEqual({ reminded: 1 })
    const mail = await t.server.db
      .selectFrom('outbox')
      .select(['to_address', 'subject'])
      .where('org_id', '=', org.id)
      .where('kind', '=', 'access_review_reminder')
      .execute()
    expect(mail.map((m) => m.to_address)).toEqual([org.owner.user.email])
    expect(mail[0]?.subject).toMatch(/access review: 3 left to review/)

    const again = await rejection(reviews(org).remind(review.id))
    expect([again.status, again.code]).toEqual([409, 'conflict'])
    t.clock.advanceSeconds(3601)
    expect(await reviews(org).remind(review.id)).toEqual({ reminded: 1 })
  })

  it('closes with its outcome in the audit log and a CSV of every line', async () => {
    const { org, nadia, tina } = await world()
    const review = await reviews(org).start()
    const tinaRole = (await lines(nadia.client, review.id)).find(
      (item) => item.user.id === tina.user.id && item.kind === 'role',
    )
    await nadia.client.accessReviews?.decide(review.id, {
      decisions: [{ itemId: tinaRole?.id ?? '', decision: 'remove' }],
    })
    const closed = await reviews(org).close(review.id)
    expect(closed.status).toBe('closed')
    expect(closed.counts).toEqual({ total: 7, pending: 6, confirmed: 0, removed: 1 })
    const events = await org.owner.client.audit.list({ action: 'access_review.closed' })
    expect(events.items[0]?.changes).toMatchObject({ removed: [null, 1], notReviewed: [null, 6] })

    const file = await reviews(org).export(review.id)
    const text = await file.blob.text()
    expect(file.fileName).toMatch(/-access-review-\d{4}-\d{2}-\d{2}\.csv$/)
    expect(text).toMatch(/^\uFEFF?Person,Email,Role,Shared group,Permission,Decision,Decided by/)
    expect(text).toContain(`Tina North,${tina.user.email},Technician,,,Removed,Nadia North,`)
    expect(text).toContain('Sam South')
    // The admin's copy holds their groups' lines only.
    const theirs = await (await nadia.client.accessReviews?.export(review.id, { locale: 'fr' }))?.blob.text()
    expect(theirs).toContain('Retiré')
    expect(theirs).not.toContain('Sam South')

    const late = await rejection(
      nadia.client.accessReviews?.decide(review.id, {
        decisions: [{ itemId: tinaRole?.id ?? '', decision: 'confirm' }],
      }) ?? Promise.resolve(),
    )
    expect([late.status, late.code]).toEqual([409, 'conflict'])
  })
})

describe('given technicians who see no group', () => {
  it('finds and counts them: a technician without a share, an admin without a group', async () => {
    const { org, nadia, tina } = await world()
    const lonelyAdmin = await org.addMember({ role: 'admin', firstName: 'Ada', lastName: 'Nowhere' })
    const found = await org.owner.client.users.list({ seesNothing: 'true' })
    expect(found.items.map((u) => u.id).sort()).toEqual([tina.user.id, lonelyAdmin.user.id].sort())
    expect(await org.owner.client.users.count({ seesNothing: 'true' })).toEqual({ count: 2, exact: true })
    // Nadia sees the people of her groups: Tina, not the admin outside them.
    expect(await nadia.client.users.count({ seesNothing: 'true' })).toEqual({ count: 1, exact: true })
  })
})
