// biome-ignore-all lint/a11y/useSemanticElements: a virtualized table places its rows absolutely, which native table elements do not allow; the ARIA table roles carry the semantics (see UserTable).
import type { User, UserAction, UserCount } from '@usher/contract'
import type { CSSProperties, RefObject } from 'react'
import type { Viewer } from '../../hooks/use-viewer'
import type { Translate } from '../../i18n/translate'
import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import type { UserSort, UserTableCellContext, UserTableColumn } from './columns'
import { useVirtualRows } from './use-virtual-rows'
import { UserTableHeader } from './user-table-header'
import { UserTableRow } from './user-table-row'

export interface UserTableGridProps {
  scrollRef: RefObject<HTMLDivElement | null>
  rows: readonly User[]
  rowHeight: number
  columns: readonly UserTableColumn[]
  context: UserTableCellContext
  sort: UserSort
  onSort: (sort: UserSort) => void
  selection: ReadonlySet<string>
  selectable: boolean
  /** How many of the loaded users are ticked. */
  selectedCount: number
  allSelected: boolean
  onSelectAll: (all: boolean) => void
  onSelectedChange: (user: User, selected: boolean) => void
  /** Undefined: no actions column. Null: the column shows but the viewer is not known yet. */
  viewer: Viewer | null | undefined
  canEdit: boolean
  canShare: boolean
  onAction: (action: UserAction, user: User, trigger: HTMLElement | null) => void
  onChangeRole: (user: User, role: string) => void
  /** How many people the search and filters match (`GET /users/count`), once known. */
  matches?: UserCount | undefined
  /** The list's paging state (react-query's infinite query). */
  list: {
    hasNextPage: boolean
    isFetching: boolean
    isFetchingNextPage: boolean
    isPlaceholderData: boolean
    isFetchNextPageError: boolean
    fetchNextPage: () => unknown
    error: unknown
  }
}

/** "12 people", "About 48,000 people — 50 loaded", or (before the count lands) "50 users loaded". */
function footerText(t: Translate, loaded: number, matches: UserCount | undefined): string {
  if (!matches) return t('userTable.loaded', { count: loaded })
  const total = t(matches.exact ? 'userTable.matches' : 'userTable.matchesAbout', { count: matches.count })
  return loaded < matches.count ? t('userTable.matchesLoaded', { total, count: loaded }) : total
}

/** The priorities a narrower table still shows, widest tier first (see user-table.css). */
const TIERS = [
  { suffix: '', shows: ['essential', 'high', 'low'] },
  { suffix: '-medium', shows: ['essential', 'high'] },
  { suffix: '-compact', shows: ['essential'] },
] as const

/**
 * The grid template and the narrowest width of each tier, as custom properties: the stylesheet's
 * container queries pick one by the table's own width (the host decides it, not the window), and
 * hide the cells of the columns that tier leaves out. Beyond the narrowest width the table scrolls
 * sideways, with the actions column held in view.
 */
function tierTemplates(
  columns: readonly UserTableColumn[],
  selectable: boolean,
  hasActions: boolean,
): Record<string, string> {
  const properties: Record<string, string> = {}
  for (const tier of TIERS) {
    const shown = columns.filter((column) => (tier.shows as readonly string[]).includes(column.priority))
    const tracks = [
      ...(selectable ? ['2.75rem'] : []),
      ...shown.map((column) => column.width),
      ...(hasActions ? ['3.25rem'] : []),
    ]
    const minWidth =
      shown.reduce((sum, column) => sum + column.minWidth, 0) +
      (selectable ? 2.75 : 0) +
      (hasActions ? 3.25 : 0)
    properties[`--usher-user-table-columns${tier.suffix}`] = tracks.join(' ')
    properties[`--usher-user-table-min-width${tier.suffix}`] = `${minWidth}rem`
  }
  return properties
}

/**
 * The loaded users: a `role="table"` of divs whose body holds only the window of rows in view
 * (with `aria-rowcount` and each row's `aria-rowindex`, so the full size is known), then a footer
 * with how many are loaded and a way to load more.
 */
export function UserTableGrid({
  scrollRef,
  rows,
  rowHeight,
  columns,
  context,
  sort,
  onSort,
  selection,
  selectable,
  selectedCount,
  allSelected,
  onSelectAll,
  onSelectedChange,
  viewer,
  canEdit,
  canShare,
  onAction,
  onChangeRole,
  matches,
  list,
}: UserTableGridProps) {
  const { t } = useUsherContext()
  const { virtualRows, totalSize, measureElement } = useVirtualRows({
    rows,
    scrollRef,
    rowHeight,
    paging: list,
  })
  const { hasNextPage, isFetchingNextPage, isFetchNextPageError, fetchNextPage } = list
  const hasActions = viewer !== undefined
  const tracks = [
    ...(selectable ? ['2.75rem'] : []),
    ...columns.map((column) => column.width),
    ...(hasActions ? ['3.25rem'] : []),
  ]
  const gridStyle = {
    ...tierTemplates(columns, selectable, hasActions),
    maxHeight: 'var(--usher-user-table-max-height, 36rem)',
    overflow: 'auto',
  } as CSSProperties

  return (
    <>
      <div
        ref={scrollRef}
        role="table"
        tabIndex={-1}
        aria-label={t('userTable.title')}
        // The server has more pages: the full size is not known yet.
        aria-rowcount={hasNextPage ? -1 : rows.length + 1}
        aria-colcount={tracks.length}
        aria-busy={(list.isFetching && !isFetchingNextPage) || undefined}
        data-slot="user-table-grid"
        className="usher-user-table-grid"
        style={gridStyle}
      >
        <UserTableHeader
          columns={columns}
          sort={sort}
          onSort={onSort}
          selectable={selectable}
          selectedCount={selectedCount}
          allSelected={allSelected}
          onSelectAll={onSelectAll}
          hasActions={hasActions}
        />
        <div
          role="rowgroup"
          data-slot="user-table-body"
          className="usher-user-table-body"
          style={{ height: totalSize, position: 'relative' }}
        >
          {virtualRows.map((virtualRow) => {
            const user = rows[virtualRow.index]
            if (!user) return null
            return (
              <UserTableRow
                key={virtualRow.key}
                user={user}
                index={virtualRow.index}
                start={virtualRow.start}
                height={rowHeight}
                measureRef={measureElement}
                selected={selection.has(user.id)}
                selectable={selectable}
                columns={columns}
                context={context}
                viewer={viewer}
                canEdit={canEdit}
                canShare={canShare}
                onSelectedChange={onSelectedChange}
                onAction={onAction}
                onChangeRole={onChangeRole}
              />
            )
          })}
        </div>
      </div>
      <div data-slot="user-table-footer" className="usher-user-table-footer">
        <span role="status" className="usher-user-table-muted">
          {isFetchingNextPage ? t('userTable.states.loadingMore') : footerText(t, rows.length, matches)}
        </span>
        {isFetchNextPageError ? (
          <span role="alert" className="usher-field-error">
            {errorMessage(t, list.error)}
          </span>
        ) : null}
        {hasNextPage ? (
          <button
            type="button"
            className="usher-button"
            disabled={isFetchingNextPage}
            onClick={() => void fetchNextPage()}
          >
            {isFetchNextPageError ? t('common.retry') : t('userTable.loadMore')}
          </button>
        ) : null}
      </div>
    </>
  )
}
