import { buildGroupTree } from '@usher/contract/rules'
import { describe, expect, it } from 'vitest'
import { countMatches, filterTree, flattenIds, foldText, withSharedGroups } from './group-filter'

const groups = [
  { id: 'paris', name: 'Clients Paris', parentId: null },
  { id: 'nord', name: 'Paris Nord', parentId: 'paris' },
  { id: 'gare', name: 'Gare du Nord', parentId: 'nord' },
  { id: 'lyon', name: 'Clients Lyon', parentId: null },
  { id: 'geneve', name: 'Hôtels Genève', parentId: null },
]
const roots = buildGroupTree(groups)
const names = (query: string) => {
  const out: string[] = []
  const visit = (nodes: ReturnType<typeof filterTree<(typeof groups)[number]>>) => {
    for (const node of nodes) {
      out.push(node.group.name)
      visit(node.children)
    }
  }
  visit(filterTree(roots, query))
  return out
}

describe('given a group tree and a search', () => {
  it('folds case and accents', () => {
    expect(foldText('  Hôtels GENÈVE ')).toBe('hotels geneve')
  })

  it('keeps every group for a blank search, depth first, by name', () => {
    expect(flattenIds(filterTree(roots, '  '))).toEqual(['lyon', 'paris', 'nord', 'gare', 'geneve'])
  })

  it('finds "Clients Lyon" from "lyon" and hides the rest', () => {
    expect(names('lyon')).toEqual(['Clients Lyon'])
  })

  it('keeps the ancestors of a nested match', () => {
    expect(names('gare')).toEqual(['Clients Paris', 'Paris Nord', 'Gare du Nord'])
    expect(countMatches(filterTree(roots, 'gare'), 'gare')).toBe(1)
  })

  it('matches without the accents typed', () => {
    expect(names('geneve')).toEqual(['Hôtels Genève'])
    expect(names('HOTELS')).toEqual(['Hôtels Genève'])
  })

  it('finds nothing for a name no group has', () => {
    expect(names('marseille')).toEqual([])
  })

  it('adds shared groups the viewer cannot list, as top-level rows', () => {
    expect(
      withSharedGroups(groups.slice(0, 1), [
        { groupId: 'paris', groupName: 'Clients Paris' },
        { groupId: 'hidden', groupName: 'Ailleurs' },
      ]),
    ).toEqual([groups[0], { id: 'hidden', name: 'Ailleurs', parentId: null }])
  })
})
