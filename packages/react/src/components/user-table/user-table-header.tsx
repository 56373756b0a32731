// biome-ignore-all lint/a11y/useSemanticElements: a virtualized table places its rows absolutely, which native table elements do not allow; the ARIA table roles carry the semantics (see UserTable).
// biome-ignore-all lint/a11y/useFocusableInteractive: rows and headers of a role="table" are not widgets; their buttons and checkboxes take focus.
import { Checkbox } from 'radix-ui'
import { useUsherContext } from '../../provider/usher-context'
import type { UserSort, UserTableColumn } from './columns'

export interface UserTableHeaderProps {
  columns: readonly UserTableColumn[]
  sort: UserSort
  onSort: (sort: UserSort) => void
  /** Whether the selection column shows. */
  selectable: boolean
  /** How many of the loaded users are ticked, and whether that is all of them. */
  selectedCount: number
  allSelected: boolean
  onSelectAll: (all: boolean) => void
  /** Whether the actions column shows. */
  hasActions: boolean
}

/** The header row: "select all", a sortable header per column, the actions column's. */
export function UserTableHeader({
  columns,
  sort,
  onSort,
  selectable,
  selectedCount,
  allSelected,
  onSelectAll,
  hasActions,
}: UserTableHeaderProps) {
  const { t } = useUsherContext()
  return (
    <div role="rowgroup" data-slot="user-table-header" className="usher-user-table-header">
      <div role="row" aria-rowindex={1} className="usher-user-table-row">
        {selectable ? (
          <div role="columnheader" data-slot="user-table-select-header" className="usher-user-table-cell">
            <Checkbox.Root
              className="usher-user-table-checkbox"
              aria-label={t('userTable.selectAll')}
              checked={allSelected ? true : selectedCount > 0 ? 'indeterminate' : false}
              onCheckedChange={(checked) => onSelectAll(checked === true)}
            >
              <Checkbox.Indicator aria-hidden="true" className="usher-user-table-checkbox-indicator">
                {selectedCount > 0 && !allSelected ? '–' : '✓'}
              </Checkbox.Indicator>
            </Checkbox.Root>
          </div>
        ) : null}
        {columns.map((column) => (
          <HeaderCell key={column.id} column={column} sort={sort} onSort={onSort} />
        ))}
        {hasActions ? (
          <div role="columnheader" data-slot="user-table-actions-header" className="usher-user-table-cell">
            <span className="usher-visually-hidden">{t('userTable.columns.actions')}</span>
          </div>
        ) : null}
      </div>
    </div>
  )
}

function HeaderCell({
  column,
  sort,
  onSort,
}: {
  column: UserTableColumn
  sort: UserSort
  onSort: (sort: UserSort) => void
}) {
  const content = column.header ?? column.label
  if (!column.sort) {
    return (
      <div
        role="columnheader"
        data-column={column.id}
        data-priority={column.priority}
        className="usher-user-table-cell"
      >
        {content}
      </div>
    )
  }
  const { ascending, descending, first } = column.sort
  const direction = sort === ascending ? 'ascending' : sort === descending ? 'descending' : undefined
  const next = direction ? (direction === 'ascending' ? descending : ascending) : column.sort[first]
  return (
    <div
      role="columnheader"
      data-column={column.id}
      data-priority={column.priority}
      // Only the sorted column carries aria-sort (WAI-ARIA: one at a time).
      aria-sort={direction}
      data-sort={direction ?? 'none'}
      className="usher-user-table-cell"
    >
      <button
        type="button"
        data-slot="user-table-sort"
        className="usher-user-table-sort"
        onClick={() => onSort(next)}
      >
        {content}
        <span aria-hidden="true" className="usher-user-table-sort-icon">
          {direction === 'ascending' ? '↑' : direction === 'descending' ? '↓' : '↕'}
        </span>
      </button>
    </div>
  )
}
