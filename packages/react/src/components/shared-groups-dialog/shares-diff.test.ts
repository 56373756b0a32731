import type { BulkSharesRequest } from '@usher/contract'
import { describe, expect, it } from 'vitest'
import {
  applyEdits,
  bulkCheckedState,
  bulkRequests,
  type Coverage,
  coverageOf,
  coveringAncestor,
  diffShares,
  isEmptyDiff,
  outcomesByUser,
  permissionBulkEdit,
  planBulk,
  type ShareMap,
  toggleBulkEdit,
  toReplaceShares,
  withEdit,
} from './shares-diff'

const shares = (entries: Record<string, 'view' | 'manage'>): ShareMap => new Map(Object.entries(entries))

describe('given one user’s shares and edits', () => {
  it('applies the edits over the shares, null removing', () => {
    const next = applyEdits(
      shares({ a: 'view', b: 'manage' }),
      new Map([
        ['b', null],
        ['c', 'view'],
        ['a', 'manage'],
      ]),
    )
    expect(Object.fromEntries(next)).toEqual({ a: 'manage', c: 'view' })
  })

  it('drops an edit that brings a group back to what it was', () => {
    const current = shares({ a: 'view' })
    let edits = withEdit(current, new Map(), 'a', 'manage')
    expect(edits.get('a')).toBe('manage')
    edits = withEdit(current, edits, 'a', 'view')
    expect(edits.size).toBe(0)
    edits = withEdit(current, edits, 'b', null)
    expect(edits.size).toBe(0)
  })

  it('tells added, changed and removed groups apart, in the tree’s order', () => {
    const diff = diffShares(
      shares({ a: 'view', b: 'view', c: 'manage' }),
      shares({ a: 'view', b: 'manage', e: 'view', d: 'manage' }),
      ['a', 'b', 'c', 'd', 'e'],
    )
    expect(diff).toEqual({
      added: [
        { groupId: 'd', permission: 'manage' },
        { groupId: 'e', permission: 'view' },
      ],
      changed: [{ groupId: 'b', from: 'view', to: 'manage' }],
      removed: [{ groupId: 'c', permission: 'manage' }],
    })
    expect(isEmptyDiff(diff)).toBe(false)
    expect(isEmptyDiff(diffShares(shares({ a: 'view' }), shares({ a: 'view' })))).toBe(true)
  })

  it('re-applies the same edits on shares someone else changed (reload after a 412)', () => {
    const edits = withEdit(shares({}), new Map(), 'paris', 'view')
    const theirs = shares({ lyon: 'view' })
    const diff = diffShares(theirs, applyEdits(theirs, edits))
    expect(diff.added).toEqual([{ groupId: 'paris', permission: 'view' }])
    expect(diff.removed).toEqual([])
  })

  it('sends the whole set as the replace body', () => {
    expect(toReplaceShares(shares({ a: 'view', b: 'manage' }))).toEqual([
      { groupId: 'a', permission: 'view' },
      { groupId: 'b', permission: 'manage' },
    ])
  })

  it('finds the nearest shared ancestor, and survives a parent cycle', () => {
    const parentOf = new Map<string, string | null>([
      ['root', null],
      ['mid', 'root'],
      ['leaf', 'mid'],
      ['x', 'y'],
      ['y', 'x'],
    ])
    expect(coveringAncestor('leaf', parentOf, (id) => id === 'root' || id === 'mid')).toBe('mid')
    expect(coveringAncestor('leaf', parentOf, (id) => id === 'root')).toBe('root')
    expect(coveringAncestor('root', parentOf, () => true)).toBeNull()
    expect(coveringAncestor('x', parentOf, () => false)).toBeNull()
  })
})

describe('given many users', () => {
  const held = coverageOf([shares({ a: 'view', b: 'view', c: 'view' }), shares({ a: 'view', b: 'manage' })])

  it('says which groups all, some or none of them hold', () => {
    expect(held('a')).toEqual({ kind: 'all', permission: 'view' })
    expect(held('b')).toEqual({ kind: 'all', permission: 'mixed' })
    expect(held('c')).toEqual({ kind: 'some', users: 1, total: 2 })
    expect(held('d')).toEqual({ kind: 'none' })
    expect(coverageOf(null)('a')).toEqual({ kind: 'unknown' })
  })

  it('shows a group some of them hold as mixed until edited', () => {
    expect(bulkCheckedState(held('c'), undefined)).toEqual({ checked: 'indeterminate', permission: null })
    expect(bulkCheckedState(held('a'), undefined)).toEqual({ checked: true, permission: 'view' })
    expect(bulkCheckedState(held('d'), undefined)).toEqual({ checked: false, permission: null })
    expect(bulkCheckedState(held('d'), { action: 'share', permission: 'manage' })).toEqual({
      checked: true,
      permission: 'manage',
    })
    expect(bulkCheckedState(held('a'), { action: 'unshare' })).toEqual({ checked: false, permission: null })
  })

  it('cycles a mixed box: as it is → share → remove → as it is', () => {
    const some: Coverage = { kind: 'some', users: 1, total: 2 }
    const shared = toggleBulkEdit(some, undefined, true)
    expect(shared).toEqual({ action: 'share', permission: 'view' })
    const removed = toggleBulkEdit(some, shared, false)
    expect(removed).toEqual({ action: 'unshare' })
    expect(toggleBulkEdit(some, removed, true)).toBeUndefined()
  })

  it('toggles a box everyone or nobody holds between its state and the opposite', () => {
    const all: Coverage = { kind: 'all', permission: 'manage' }
    expect(toggleBulkEdit(all, undefined, false)).toEqual({ action: 'unshare' })
    expect(toggleBulkEdit(all, { action: 'unshare' }, true)).toBeUndefined()
    const none: Coverage = { kind: 'none' }
    expect(toggleBulkEdit(none, undefined, true)).toEqual({ action: 'share', permission: 'view' })
    expect(toggleBulkEdit(none, { action: 'share', permission: 'view' }, false)).toBeUndefined()
  })

  it('drops a permission everyone already holds', () => {
    expect(permissionBulkEdit({ kind: 'all', permission: 'manage' }, 'manage')).toBeUndefined()
    expect(permissionBulkEdit({ kind: 'all', permission: 'mixed' }, 'manage')).toEqual({
      action: 'share',
      permission: 'manage',
    })
  })

  it('plans one action per permission and one removal, skipping what changes nothing', () => {
    const plan = planBulk(
      new Map([
        ['d', { action: 'share', permission: 'manage' }],
        ['a', { action: 'share', permission: 'view' }],
        ['c', { action: 'share', permission: 'view' }],
        ['b', { action: 'unshare' }],
        ['e', { action: 'unshare' }],
      ]),
      held,
      ['a', 'b', 'c', 'd', 'e'],
    )
    expect(plan).toEqual({
      share: [
        { permission: 'view', groupIds: ['c'] },
        { permission: 'manage', groupIds: ['d'] },
      ],
      unshare: ['b'],
    })
  })

  it('names every group as "all" (share all / remove all)', () => {
    const requests = bulkRequests(
      { share: [{ permission: 'view', groupIds: ['b', 'a'] }], unshare: ['c'] },
      ['u1', 'u2'],
      ['a', 'b'],
    )
    expect(requests).toEqual([
      { action: 'share', userIds: ['u1', 'u2'], groupIds: 'all', permission: 'view' },
      { action: 'unshare', userIds: ['u1', 'u2'], groupIds: ['c'] },
    ])
    expect(bulkRequests({ share: [], unshare: [] }, ['u1'], ['a'])).toEqual([])
  })

  it('sums each user’s results over the requests; one refusal fails the user', () => {
    const share: BulkSharesRequest = {
      action: 'share',
      userIds: ['u1', 'u2'],
      groupIds: 'all',
      permission: 'view',
    }
    const unshare: BulkSharesRequest = { action: 'unshare', userIds: ['u1', 'u2'], groupIds: ['c'] }
    const users = outcomesByUser(
      ['u1', 'u2'],
      [
        {
          request: share,
          ok: true,
          result: {
            results: [
              { userId: 'u1', ok: true, added: 2, changed: 1, removed: 0 },
              { userId: 'u2', ok: false, error: { code: 'not_found', message: 'No such user.' } },
            ],
            succeeded: 1,
            failed: 1,
          },
        },
        {
          request: unshare,
          ok: true,
          result: {
            results: [
              { userId: 'u1', ok: true, added: 0, changed: 0, removed: 1 },
              { userId: 'u2', ok: false, error: { code: 'forbidden', message: 'No.' } },
            ],
            succeeded: 1,
            failed: 1,
          },
        },
        { request: unshare, ok: false, error: new Error('network') },
      ],
    )
    expect(users).toEqual([
      { userId: 'u1', ok: true, added: 2, changed: 1, removed: 1, error: null },
      {
        userId: 'u2',
        ok: false,
        added: 0,
        changed: 0,
        removed: 0,
        error: { code: 'not_found', message: 'No such user.' },
      },
    ])
  })
})
