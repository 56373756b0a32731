import type { SharePermission } from '@usher/contract'
import { flattenGroupTree, type GroupNode } from '@usher/contract/rules'
import { Checkbox } from 'radix-ui'
import { type KeyboardEvent, type ReactNode, useId, useMemo, useState } from 'react'
import { cn } from '../../lib/cn'
import { useUsherContext } from '../../provider/usher-context'
import { countMatches, filterTree } from './group-filter'
import { coveringAncestor } from './shares-diff'

/** What the tree needs of a group (a `Group`, or a share whose group the viewer cannot list). */
export interface TreeGroup {
  id: string
  name: string
  parentId: string | null
}

/** One row as the editor sees it. */
export interface GroupRowState {
  /** `indeterminate`: some of the selected users hold the group (many-users mode). */
  checked: boolean | 'indeterminate'
  /** The permission shown beside a checked group; `mixed` when the users hold different ones. */
  permission: SharePermission | 'mixed' | null
  /** Differs from what is saved. */
  changed?: boolean
  /** A line under the name ("Shared with 2 of 3 users"). */
  note?: string | undefined
}

export interface GroupTreeProps {
  /** The forest, as `buildGroupTree` gives it. */
  roots: readonly GroupNode<TreeGroup>[]
  state: (groupId: string) => GroupRowState
  onCheckedChange?: (groupId: string, checked: boolean) => void
  onPermissionChange?: (groupId: string, permission: SharePermission) => void
  /** No checkboxes or selects: the groups and their permission as text. */
  readOnly?: boolean
  /** Controls beside the search field ("Select all", "Clear all"). */
  toolbar?: ReactNode
  className?: string
}

/**
 * The searchable nested group list. Nested lists of labelled checkboxes (not an ARIA tree: a
 * treeitem may not hold a checkbox and a select), so screen readers announce each level and Tab
 * reaches every control; ArrowUp / ArrowDown also move between the checkboxes. A checked group
 * covers its subgroups on the server, so their rows say "Included through <group>" but stay
 * editable: a subgroup may still get a permission of its own (view on a region, manage on one
 * site).
 */
export function GroupTree({
  roots,
  state,
  onCheckedChange,
  onPermissionChange,
  readOnly = false,
  toolbar,
  className,
}: GroupTreeProps) {
  const { t } = useUsherContext()
  const searchId = useId()
  const [query, setQuery] = useState('')
  const visible = useMemo(() => filterTree(roots, query), [roots, query])
  const { parentOf, nameOf } = useMemo(() => {
    const flat = flattenGroupTree(roots)
    return {
      parentOf: new Map(flat.map(({ group }) => [group.id, group.parentId])),
      nameOf: new Map(flat.map(({ group }) => [group.id, group.name])),
    }
  }, [roots])
  const matches = useMemo(() => countMatches(visible, query), [visible, query])
  const searching = query.trim() !== ''

  const coveredNote = (groupId: string): string | undefined => {
    const ancestor = coveringAncestor(groupId, parentOf, (id) => state(id).checked === true)
    if (ancestor === null) return undefined
    const permission = state(ancestor).permission
    const group = nameOf.get(ancestor) ?? ''
    return permission === 'view' || permission === 'manage'
      ? t('sharedGroups.summary.groupWithPermission', {
          group: t('sharedGroups.coveredBy', { group }),
          permission: t(`sharedGroups.permission.${permission}`),
        })
      : t('sharedGroups.coveredBy', { group })
  }

  // Up and down between the checkboxes, on top of Tab: long lists are quicker this way.
  const onKeyDown = (event: KeyboardEvent<HTMLUListElement>) => {
    if (event.key !== 'ArrowDown' && event.key !== 'ArrowUp') return
    const target = event.target as HTMLElement
    if (target.getAttribute('role') !== 'checkbox') return
    const boxes = [...event.currentTarget.querySelectorAll<HTMLElement>('[role="checkbox"]')]
    const next = boxes[boxes.indexOf(target) + (event.key === 'ArrowDown' ? 1 : -1)]
    if (!next) return
    event.preventDefault()
    next.focus()
  }

  const renderNodes = (nodes: readonly GroupNode<TreeGroup>[]): ReactNode =>
    nodes.map((node) => (
      <GroupTreeItem
        key={node.group.id}
        group={node.group}
        row={state(node.group.id)}
        covered={coveredNote(node.group.id)}
        readOnly={readOnly}
        onCheckedChange={onCheckedChange}
        onPermissionChange={onPermissionChange}
      >
        {node.children.length > 0 ? (
          <ul data-slot="group-tree-group" className="usher-group-tree-group">
            {renderNodes(node.children)}
          </ul>
        ) : null}
      </GroupTreeItem>
    ))

  return (
    <div
      data-slot="group-tree"
      data-readonly={readOnly || undefined}
      className={cn('usher-group-tree', className)}
    >
      <div data-slot="group-tree-toolbar" className="usher-group-tree-toolbar">
        <label htmlFor={searchId} className="usher-visually-hidden">
          {t('sharedGroups.search.label')}
        </label>
        <input
          id={searchId}
          data-slot="group-tree-search"
          type="search"
          className="usher-input usher-group-tree-search"
          placeholder={t('sharedGroups.search.placeholder')}
          value={query}
          onChange={(event) => setQuery(event.target.value)}
          autoComplete="off"
        />
        {toolbar}
      </div>
      <p data-slot="group-tree-matches" role="status" className="usher-visually-hidden">
        {searching ? t('sharedGroups.search.found', { count: matches }) : ''}
      </p>
      {visible.length === 0 ? (
        <p data-slot="group-tree-no-match" className="usher-group-tree-empty">
          {t('sharedGroups.search.noMatch', { query: query.trim() })}
        </p>
      ) : (
        <ul
          data-slot="group-tree-list"
          aria-label={t('sharedGroups.list')}
          className="usher-group-tree-list"
          onKeyDown={readOnly ? undefined : onKeyDown}
        >
          {renderNodes(visible)}
        </ul>
      )}
    </div>
  )
}

function GroupTreeItem({
  group,
  row,
  covered,
  readOnly,
  onCheckedChange,
  onPermissionChange,
  children,
}: {
  group: TreeGroup
  row: GroupRowState
  covered: string | undefined
  readOnly: boolean
  onCheckedChange: GroupTreeProps['onCheckedChange']
  onPermissionChange: GroupTreeProps['onPermissionChange']
  children: ReactNode
}) {
  const { t } = useUsherContext()
  const id = useId()
  const checkboxId = `${id}-checkbox`
  const noteId = `${id}-note`
  // A subgroup of a checked group says so unless it has a share of its own.
  const note = row.checked === true ? row.note : (row.note ?? covered)
  const state = row.checked === 'indeterminate' ? 'indeterminate' : row.checked ? 'checked' : 'unchecked'
  return (
    <li
      data-slot="group-tree-item"
      data-state={state}
      data-changed={row.changed || undefined}
      data-covered={(row.checked !== true && covered !== undefined) || undefined}
      className="usher-group-tree-item"
    >
      <div data-slot="group-tree-row" className="usher-group-tree-row">
        {readOnly ? (
          <span data-slot="group-tree-name" className="usher-group-tree-name">
            {group.name}
          </span>
        ) : (
          <>
            <Checkbox.Root
              id={checkboxId}
              data-slot="group-tree-checkbox"
              className="usher-checkbox"
              checked={row.checked}
              onCheckedChange={(checked) => onCheckedChange?.(group.id, checked === true)}
              aria-describedby={note ? noteId : undefined}
            >
              <Checkbox.Indicator
                data-slot="group-tree-checkbox-indicator"
                className="usher-checkbox-indicator"
              >
                <svg viewBox="0 0 16 16" aria-hidden="true" focusable="false">
                  {row.checked === 'indeterminate' ? <path d="M4 8h8" /> : <path d="M3.5 8.5l3 3 6-7" />}
                </svg>
              </Checkbox.Indicator>
            </Checkbox.Root>
            <label htmlFor={checkboxId} data-slot="group-tree-name" className="usher-group-tree-name">
              {group.name}
            </label>
          </>
        )}
        {row.checked === true && row.permission !== null ? (
          readOnly ? (
            <span data-slot="group-tree-permission" data-permission={row.permission} className="usher-badge">
              {t(`sharedGroups.permission.${row.permission}`)}
            </span>
          ) : (
            <select
              data-slot="group-tree-permission"
              data-permission={row.permission}
              className="usher-select usher-group-tree-permission"
              aria-label={t('sharedGroups.permission.label', { group: group.name })}
              value={row.permission}
              onChange={(event) => onPermissionChange?.(group.id, event.target.value as SharePermission)}
            >
              {row.permission === 'mixed' ? (
                <option value="mixed" disabled>
                  {t('sharedGroups.permission.mixed')}
                </option>
              ) : null}
              <option value="view">{t('sharedGroups.permission.view')}</option>
              <option value="manage">{t('sharedGroups.permission.manage')}</option>
            </select>
          )
        ) : null}
        {note ? (
          <span id={noteId} data-slot="group-tree-note" className="usher-group-tree-note">
            {note}
          </span>
        ) : null}
      </div>
      {children}
    </li>
  )
}
