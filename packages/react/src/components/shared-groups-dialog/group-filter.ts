import { flattenGroupTree, type GroupNode } from '@usher/contract/rules'

/** Case and accents folded away: "geneve" finds "Genève", "LYON" finds "Clients Lyon". */
export const foldText = (text: string) =>
  text.normalize('NFD').replace(/\p{M}/gu, '').toLocaleLowerCase('en').trim()

/**
 * The forest reduced to the groups whose name contains `query`, with their ancestors kept so
 * each match shows where it sits. A blank query keeps everything.
 */
export function filterTree<G extends { id: string; parentId: string | null; name: string }>(
  roots: readonly GroupNode<G>[],
  query: string,
): GroupNode<G>[] {
  const needle = foldText(query)
  if (needle === '') return [...roots]
  const visit = (nodes: readonly GroupNode<G>[]): GroupNode<G>[] =>
    nodes.flatMap((node) => {
      const children = visit(node.children)
      if (children.length > 0 || foldText(node.group.name).includes(needle)) return [{ ...node, children }]
      return []
    })
  return visit(roots)
}

/** The forest's ids, depth first (the order the tree shows them in). */
export function flattenIds<G extends { id: string; parentId: string | null }>(
  roots: readonly GroupNode<G>[],
): string[] {
  return flattenGroupTree(roots).map(({ group }) => group.id)
}

/** How many groups of the forest match `query` themselves (ancestors kept for context do not count). */
export function countMatches<G extends { id: string; parentId: string | null; name: string }>(
  roots: readonly GroupNode<G>[],
  query: string,
): number {
  const needle = foldText(query)
  const visit = (nodes: readonly GroupNode<G>[]): number =>
    nodes.reduce(
      (sum, node) => sum + (foldText(node.group.name).includes(needle) ? 1 : 0) + visit(node.children),
      0,
    )
  return visit(roots)
}

/**
 * The groups to show for a user's shares: the groups the viewer can list, plus any shared group
 * they cannot (as a top-level row under the share's own name), so every share can be seen and
 * removed.
 */
export function withSharedGroups(
  groups: readonly { id: string; name: string; parentId: string | null }[],
  shares: readonly { groupId: string; groupName: string }[],
): { id: string; name: string; parentId: string | null }[] {
  const listed = new Set(groups.map((group) => group.id))
  const extra = shares
    .filter((share) => !listed.has(share.groupId))
    .map((share) => ({ id: share.groupId, name: share.groupName, parentId: null }))
  return [...groups, ...extra]
}
