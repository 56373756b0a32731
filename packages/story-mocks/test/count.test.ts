import { CountUsersQuerySchema, ListUsersQuerySchema, userMatchesSearch } from '@usher/contract'
import { describe, expect, it } from 'vitest'
import { MockDb } from '../src/mock-db'

const list = (q: Record<string, unknown>) => ListUsersQuerySchema.parse(q)
const count = (q: Record<string, unknown>) => CountUsersQuerySchema.parse(q)

describe('given the story database', () => {
  const db = new MockDb({ userCount: 60 })
  const owner = db.viewer('owner')

  it('counts what the list finds, with the contract’s search rule (names, addresses, domains)', () => {
    const someone = db.users[5]
    if (!someone) throw new Error('no users')
    const domain = someone.email.split('@')[1] as string
    for (const q of [
      {},
      { q: someone.lastName.slice(0, 3) },
      { q: domain },
      { q: `@${domain}` },
      { q: 'zzz' },
    ]) {
      const found = db.listUsers(owner, list(q))
      expect(db.countUsers(owner, count(q)), JSON.stringify(q)).toEqual({ count: found.length, exact: true })
      if (q.q) expect(found.every((u) => userMatchesSearch(u, q.q))).toBe(true)
    }
    expect(db.listUsers(owner, list({ q: `@${domain}` })).every((u) => u.email.endsWith(`@${domain}`))).toBe(
      true,
    )
  })

  it('answers an estimate, never below the true count, when the story asks for one', () => {
    const big = new MockDb({ userCount: 300, estimatedCounts: true })
    const viewer = big.viewer('owner')
    const truth = big.listUsers(viewer, list({})).length
    const answer = big.countUsers(viewer, count({}))
    expect(answer.exact).toBe(false)
    expect(answer.count).toBeGreaterThanOrEqual(truth)
    expect(answer.count % 10).toBe(0)
  })
})
