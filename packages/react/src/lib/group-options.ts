import { buildGroupTree, coveredGroupIds, flattenGroupTree } from '@usher/contract/rules'

/** One group as a picker offers it: its id, its name and how deep it sits in the tree. */
export interface GroupOption {
  value: string
  label: string
  depth: number
}

/** What a group needs to be placed in the tree. */
export type GroupLike = { id: string; parentId: string | null; name: string }

export interface GroupOptionsOptions {
  /** Collation locale for the order of siblings (the UI's locale). @default 'en' */
  locale?: string
  /** Groups to leave out with everything under them (e.g. a group cannot move under itself). */
  exclude?: ReadonlySet<string>
}

/**
 * The groups in tree order (the contract's `buildGroupTree`, siblings by name), each with its
 * depth: for pickers that indent by depth, such as `GroupPicker`. A group whose parent the viewer
 * cannot see sits at the top.
 */
export function groupOptions(groups: readonly GroupLike[], options: GroupOptionsOptions = {}): GroupOption[] {
  const { locale = 'en', exclude } = options
  const shown = exclude?.size ? withoutSubtrees(groups, exclude) : groups
  return flattenGroupTree(buildGroupTree(shown, locale)).map(({ group, depth }) => ({
    value: group.id,
    label: group.name,
    depth,
  }))
}

/** The label of a group in a native select, which cannot nest: indented by depth under its parent. */
export function indentedGroupLabel(option: Pick<GroupOption, 'label' | 'depth'>): string {
  return option.depth === 0 ? option.label : `${'\u00a0\u00a0'.repeat(option.depth)}– ${option.label}`
}

/** `groupOptions` with indented labels, for native `<select>`s. */
export function indentedGroupOptions(
  groups: readonly GroupLike[],
  options: GroupOptionsOptions = {},
): GroupOption[] {
  return groupOptions(groups, options).map((option) => ({ ...option, label: indentedGroupLabel(option) }))
}

// A subtree is left out whole (the contract's descendants): its children must not resurface as
// roots once their parent is gone.
function withoutSubtrees(groups: readonly GroupLike[], exclude: ReadonlySet<string>): GroupLike[] {
  const covered = coveredGroupIds(groups, exclude)
  return groups.filter((group) => !covered.has(group.id))
}
