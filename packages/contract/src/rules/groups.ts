/** Nested groups arrive as a flat list with `parentId`; these helpers give the tree both sides need. */
export interface GroupNode<G extends { id: string; parentId: string | null }> {
  group: G
  children: GroupNode<G>[]
  depth: number
}

/**
 * Builds the forest of `groups`. A group whose parent is not in the list (not visible to the
 * caller) becomes a root, so a technician's shared subtrees still show.
 */
export function buildGroupTree<G extends { id: string; parentId: string | null; name: string }>(
  groups: readonly G[],
  /** Collation locale: fixed, so server and browsers order alike ("Site 2" before "Site 10"). */
  locale: string = 'en',
): GroupNode<G>[] {
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' })
  const nodes = new Map<string, GroupNode<G>>()
  for (const group of groups) nodes.set(group.id, { group, children: [], depth: 0 })
  const roots: GroupNode<G>[] = []
  for (const node of nodes.values()) {
    const parent = node.group.parentId ? nodes.get(node.group.parentId) : undefined
    if (parent) parent.children.push(node)
    else roots.push(node)
  }
  // A parent cycle (a ↔ b) leaves its members unreachable from any root: make each such group a
  // root of its own rather than lose it.
  const reachable = new Set<GroupNode<G>>()
  const mark = (list: GroupNode<G>[]) => {
    for (const node of list) {
      reachable.add(node)
      mark(node.children)
    }
  }
  mark(roots)
  for (const node of nodes.values()) {
    if (reachable.has(node)) continue
    const parent = node.group.parentId ? nodes.get(node.group.parentId) : undefined
    if (parent) parent.children = parent.children.filter((child) => child !== node)
    roots.push(node)
    mark([node])
  }
  const byName = (a: GroupNode<G>, b: GroupNode<G>) => collator.compare(a.group.name, b.group.name)
  const visit = (list: GroupNode<G>[], depth: number) => {
    list.sort(byName)
    for (const node of list) {
      node.depth = depth
      visit(node.children, depth + 1)
    }
  }
  visit(roots, 0)
  return roots
}

/** Ids of `id` and all its descendants: a share of a group covers its subgroups. */
export function descendantIds(
  groups: readonly { id: string; parentId: string | null }[],
  id: string,
): Set<string> {
  const children = new Map<string, string[]>()
  for (const g of groups) {
    if (!g.parentId) continue
    const list = children.get(g.parentId)
    if (list) list.push(g.id)
    else children.set(g.parentId, [g.id])
  }
  const out = new Set<string>([id])
  const stack = [id]
  while (stack.length) {
    const current = stack.pop() as string
    for (const child of children.get(current) ?? []) {
      if (!out.has(child)) {
        out.add(child)
        stack.push(child)
      }
    }
  }
  return out
}

/** A forest in display order, each group with its depth: for lists and selects that cannot nest. */
export function flattenGroupTree<G extends { id: string; parentId: string | null }>(
  roots: readonly GroupNode<G>[],
): Array<{ group: G; depth: number }> {
  const out: Array<{ group: G; depth: number }> = []
  const visit = (list: readonly GroupNode<G>[]) => {
    for (const node of list) {
      out.push({ group: node.group, depth: node.depth })
      visit(node.children)
    }
  }
  visit(roots)
  return out
}

/**
 * Ids of `ids` and all their descendants: what a set of groups covers (an admin's scope, a
 * technician's shares).
 */
export function coveredGroupIds(
  groups: readonly { id: string; parentId: string | null }[],
  ids: Iterable<string>,
): Set<string> {
  const out = new Set<string>()
  for (const id of ids) for (const covered of descendantIds(groups, id)) out.add(covered)
  return out
}
