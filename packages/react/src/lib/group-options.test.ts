import { describe, expect, it } from 'vitest'
import { groupOptions, indentedGroupOptions } from './group-options'

const groups = [
  { id: 'paris', parentId: null, name: 'Clients Paris' },
  { id: 'nord', parentId: 'paris', name: 'Paris Nord' },
  { id: 'gare', parentId: 'nord', name: 'Gare du Nord' },
  { id: 'site10', parentId: null, name: 'Site 10' },
  { id: 'site2', parentId: null, name: 'Site 2' },
  // Its parent is not visible to the viewer: it sits at the top.
  { id: 'orphan', parentId: 'hidden', name: 'Annecy' },
]

describe('given a forest of groups', () => {
  it('lists them in tree order with their depth, siblings by name as the contract orders them', () => {
    expect(groupOptions(groups).map(({ value, depth }) => [value, depth])).toEqual([
      ['orphan', 0],
      ['paris', 0],
      ['nord', 1],
      ['gare', 2],
      ['site2', 0],
      ['site10', 0],
    ])
  })

  it('indents the labels for a native select', () => {
    const labels = indentedGroupOptions(groups).map((option) => option.label)
    expect(labels).toContain('Clients Paris')
    expect(labels).toContain('\u00a0\u00a0– Paris Nord')
    expect(labels).toContain('\u00a0\u00a0\u00a0\u00a0– Gare du Nord')
  })

  it('leaves out an excluded group with everything under it', () => {
    expect(groupOptions(groups, { exclude: new Set(['nord']) }).map((option) => option.value)).toEqual([
      'orphan',
      'paris',
      'site2',
      'site10',
    ])
  })
})
