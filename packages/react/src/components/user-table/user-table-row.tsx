// biome-ignore-all lint/a11y/useSemanticElements: a virtualized table places its rows absolutely, which native table elements do not allow; the ARIA table roles carry the semantics (see UserTable).
// biome-ignore-all lint/a11y/useFocusableInteractive: rows and headers of a role="table" are not widgets; their buttons and checkboxes take focus.
import type { User, UserAction } from '@usher/contract'
import { Checkbox } from 'radix-ui'
import { memo } from 'react'
import type { Viewer } from '../../hooks/use-viewer'
import { cn } from '../../lib/cn'
import { displayName, type UserTableCellContext, type UserTableColumn } from './columns'
import { UserTableRowActions } from './user-table-row-actions'

export interface UserTableRowProps {
  user: User
  /** The row's place in the whole list (0-based): its aria-rowindex and its offset. */
  index: number
  /** Pixels from the top of the body (the virtualizer's `start`). */
  start: number
  /** The row's least height: a narrow table's status may wrap and its cards are taller. */
  height: number
  /** Measures the rendered row (the virtualizer's `measureElement`). */
  measureRef?: (element: HTMLElement | null) => void
  selected: boolean
  /** Whether the selection column shows. */
  selectable: boolean
  columns: readonly UserTableColumn[]
  context: UserTableCellContext
  /** Undefined: no actions column. Null: the column shows but the viewer is not known yet. */
  viewer: Viewer | null | undefined
  /** Whether the host handles "Edit" (`onEditUser`). */
  canEdit: boolean
  /** Whether "Shared groups" can open (a shares dialog or the host's `onShareGroups`). */
  canShare: boolean
  onSelectedChange: (user: User, selected: boolean) => void
  onAction: (action: UserAction, user: User, trigger: HTMLElement | null) => void
  onChangeRole: (user: User, role: string) => void
  className?: string
}

/**
 * One user: absolutely placed at its offset in the virtualized body. Memoized: scrolling mounts
 * rows at the window's edges and a page landing re-renders none, so only changed rows render.
 */
export const UserTableRow = memo(function UserTableRow({
  user,
  index,
  start,
  height,
  measureRef,
  selected,
  selectable,
  columns,
  context,
  viewer,
  canEdit,
  canShare,
  onSelectedChange,
  onAction,
  onChangeRole,
  className,
}: UserTableRowProps) {
  const { t } = context
  return (
    <div
      role="row"
      ref={measureRef}
      data-index={index}
      aria-rowindex={index + 2}
      data-slot="user-table-row"
      data-state={selected ? 'selected' : undefined}
      data-status={user.status}
      data-self={user.id === context.viewerId || undefined}
      className={cn('usher-user-table-row', className)}
      style={{
        position: 'absolute',
        top: 0,
        left: 0,
        width: '100%',
        minHeight: height,
        transform: `translateY(${start}px)`,
      }}
    >
      {selectable ? (
        <div role="cell" data-column="select" className="usher-user-table-cell">
          <Checkbox.Root
            className="usher-user-table-checkbox"
            aria-label={t('userTable.selectRow', { name: displayName(user) })}
            checked={selected}
            onCheckedChange={(checked) => onSelectedChange(user, checked === true)}
          >
            <Checkbox.Indicator aria-hidden="true" className="usher-user-table-checkbox-indicator">
              ✓
            </Checkbox.Indicator>
          </Checkbox.Root>
        </div>
      ) : null}
      {columns.map((column) => (
        <div
          key={column.id}
          role="cell"
          data-column={column.id}
          data-priority={column.priority}
          className="usher-user-table-cell"
        >
          {column.cell(user, context)}
        </div>
      ))}
      {viewer !== undefined ? (
        <div role="cell" data-column="actions" className="usher-user-table-cell">
          {viewer ? (
            <UserTableRowActions
              user={user}
              viewer={viewer}
              canEdit={canEdit}
              canShare={canShare}
              onAction={onAction}
              onChangeRole={onChangeRole}
            />
          ) : null}
        </div>
      ) : null}
    </div>
  )
})
