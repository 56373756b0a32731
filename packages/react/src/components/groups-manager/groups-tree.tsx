import type { Group } from '@usher/contract'
import type { GroupNode } from '@usher/contract/rules'
import type { ComponentType } from 'react'
import { GroupRow } from './group-row'
import type { GroupsManagerShareDialogProps, OnGroupDone } from './groups-manager-types'

/** The groups as nested lists, a row per group. */
export function GroupsTree({
  nodes,
  all,
  label,
  canManage,
  shareDialog,
  onDone,
}: {
  nodes: GroupNode<Group>[]
  all: readonly Group[]
  label?: string
  canManage: boolean
  shareDialog: ComponentType<GroupsManagerShareDialogProps> | undefined
  onDone: OnGroupDone
}) {
  return (
    <ul className="usher-groups-manager-tree" aria-label={label}>
      {nodes.map((node) => (
        <li key={node.group.id}>
          <GroupRow
            group={node.group}
            all={all}
            canManage={canManage}
            shareDialog={shareDialog}
            onDone={onDone}
          />
          {node.children.length ? (
            <GroupsTree
              nodes={node.children}
              all={all}
              canManage={canManage}
              shareDialog={shareDialog}
              onDone={onDone}
            />
          ) : null}
        </li>
      ))}
    </ul>
  )
}
