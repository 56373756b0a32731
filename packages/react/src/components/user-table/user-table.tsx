import { useQuery } from '@tanstack/react-query'
import { type ListUsersQuery, USER_ACTION_PERMISSIONS, type User } from '@usher/contract'
import { type ComponentProps, type ComponentType, type ReactNode, useMemo, useRef } from 'react'
import { useMe } from '../../hooks/use-me'
import { useRoleCatalog } from '../../hooks/use-role-catalog'
import { useRoleName } from '../../hooks/use-role-name'
import { useViewer } from '../../hooks/use-viewer'
import { cn } from '../../lib/cn'
import { useUsherContext } from '../../provider/usher-context'
import { groupsQueryOptions } from '../../query/options'
import { ConfirmDialog } from '../../ui/confirm-dialog'
import { NoticeBar } from '../../ui/notice-bar'
import { applicableBulkActions, tableBulkActions, type UserTableBulkAction } from './bulk-actions'
import type {
  UserSort,
  UserTableCellContext,
  UserTableColumnVisibility,
  UserTableExtraColumn,
} from './columns'
import { confirmationWording } from './confirmation'
import { LapsedInvitationsNotice } from './lapsed-invitations-notice'
import { SeesNothingNotice } from './sees-nothing-notice'
import { tableState } from './table-state'
import { useBulkRunner } from './use-bulk-runner'
import {
  localColumnStore,
  USER_TABLE_COLUMNS_KEY,
  type UserTableColumnStore,
  useColumnVisibility,
} from './use-column-visibility'
import { useMatchCount } from './use-match-count'
import { useNotice } from './use-notice'
import { useRowActions } from './use-row-actions'
import { useSelection } from './use-selection'
import { useSharedGroupsOpener } from './use-shared-groups-opener'
import { useUserTableQuery } from './use-user-table-query'
import { UserTableBulkBar } from './user-table-bulk-bar'
import { UserTableGrid } from './user-table-grid'
import { UserTableEmpty, UserTableError, UserTableForbidden, UserTableLoading } from './user-table-states'
import { UserTableToolbar } from './user-table-toolbar'

/** What the table hands the dialog it opens for "Shared groups" (Usher's `SharedGroupsDialog` fits). */
export interface UserTableSharedGroupsDialogProps {
  /** One user (a row, a count) or several (the selection). */
  userIds: string[]
  open: boolean
  onOpenChange: (open: boolean) => void
  /**
   * Hands focus back to what opened the dialog (the row's "..." button, the count, the bulk
   * button) or to the table when that row is gone: give it to the dialog's close-focus step.
   */
  onCloseAutoFocus?: (event: Event) => void
}

/** What the table hands its export button (Usher's `ExportUsersButton` fits). */
export interface UserTableExportButtonProps {
  /** The list as the table asks for it: search, filters and sort. */
  query: Omit<ListUsersQuery, 'limit' | 'cursor'>
  /** In the bulk bar: the selected people. */
  userIds?: string[]
  /** The shown columns' ids, in order. */
  visibleColumns: string[]
}

export interface UserTableProps extends Omit<ComponentProps<'div'>, 'children'> {
  /**
   * Columns of the host's own, after the built-in ones; each cell renders from the user.
   * @example [{ id: 'phone', header: 'Phone', cell: (user) => user.phone ?? '—' }]
   */
  extraColumns?: UserTableExtraColumn[]
  /** Which columns show (controlled), by column id: `{ lastActive: false }`. */
  columnVisibility?: UserTableColumnVisibility
  /** The columns shown at first (uncontrolled). @default every column */
  defaultColumnVisibility?: UserTableColumnVisibility
  onColumnVisibilityChange?: (visibility: UserTableColumnVisibility) => void
  /**
   * Where the table remembers its own column choices (uncontrolled): the browser's localStorage,
   * the host's store (`{ get(key), set(key, visibility) }`), or `false` to forget them.
   * @default localColumnStore
   */
  columnStore?: UserTableColumnStore | false
  /**
   * The key of the choices in `columnStore`: one per table when a page has several.
   * @default 'usher.user-table.columns'
   */
  columnStorageKey?: string
  /**
   * "Shared groups" on a row, on the selection, or the groups count: the host opens its own
   * dialog instead of `sharedGroupsDialog`. Offered to viewers holding `shares:manage`.
   */
  onShareGroups?: (userIds: string[]) => void
  /**
   * The dialog "Shared groups" opens (unless `onShareGroups` is given).
   * @default SharedGroupsDialog
   */
  sharedGroupsDialog?: ComponentType<UserTableSharedGroupsDialogProps>
  /** "Export" in the toolbar and "Export selected" in the bulk bar; none when absent. */
  exportButton?: ComponentType<UserTableExportButtonProps>
  /**
   * Adds "Edit…" to the row menu (for viewers holding `users:update`), e.g. to open a profile form.
   * `trigger` is the row's "..." button: give focus back to it when the form closes.
   */
  onEditUser?: (user: User, trigger: HTMLElement | null) => void
  /** Users per request. @default 50 */
  pageSize?: number
  /** Each row's height in px: rows are virtualized at a fixed height. @default 56 */
  rowHeight?: number
  /** Milliseconds of typing pause before the search is sent. @default 250 */
  searchDelay?: number
  /** @default 'name' */
  defaultSort?: UserSort
  /** The seat counter in the toolbar. @default true */
  showSeatUsage?: boolean
}

/** The permissions behind some row action: without any of them the table has no actions column. */
const ROW_ACTION_PERMISSIONS = [...new Set(Object.values(USER_ACTION_PERMISSIONS))]

/**
 * Everyone the viewer may see, searched, filtered and sorted on the server, page after page as
 * they scroll (keyset pages, rows virtualized: 10,000 loaded users keep a few dozen rows in the
 * DOM); a "..." menu per row and actions on a selection, each offered only when the contract lets
 * the viewer take it (`useViewer`): their permissions, the person's status and rank.
 *
 * Semantics: a `role="table"` of divs (a native table cannot hold absolutely placed rows), with
 * `aria-rowcount` and each row's `aria-rowindex`, so screen readers know the full size although
 * only a window of rows exists. Not a `grid`: cells hold ordinary buttons and checkboxes reached
 * with Tab, and grid semantics would promise arrow-key navigation between cells.
 * @example
 * <UsherProvider client={client}><UserTable onEditUser={(user) => openProfile(user)} /></UsherProvider>
 */
export function UserTable({
  extraColumns,
  columnVisibility,
  defaultColumnVisibility,
  onColumnVisibilityChange,
  columnStore = localColumnStore,
  columnStorageKey = USER_TABLE_COLUMNS_KEY,
  onShareGroups,
  sharedGroupsDialog: SharesDialog,
  exportButton: ExportButton,
  onEditUser,
  pageSize = 50,
  rowHeight = 56,
  searchDelay = 250,
  defaultSort = 'name',
  showSeatUsage = true,
  className,
  ...props
}: UserTableProps) {
  const { t, locale, now, client } = useUsherContext()
  const roleName = useRoleName()
  const roles = useRoleCatalog()
  const me = useMe()
  const { viewer } = useViewer()
  const canRead = viewer?.can('users:read') ?? false
  const groups = useQuery({ ...groupsQueryOptions(client), enabled: canRead })
  const query = useUserTableQuery({ pageSize, searchDelay, defaultSort, enabled: canRead })
  const { list, rows } = query
  const selection = useSelection(rows, query.queryKey)
  const matches = useMatchCount(query.queryKey, list.dataUpdatedAt, canRead)
  const selected = selection.selectedUsers
  const columns = useColumnVisibility({
    t,
    extraColumns,
    columnVisibility,
    defaultColumnVisibility,
    onColumnVisibilityChange,
    store: columnStore,
    storageKey: columnStorageKey,
  })
  const scrollRef = useRef<HTMLDivElement>(null)
  const notice = useNotice()

  // --- what the viewer may do ---
  // Until the team is named (TeamActivation), nobody is changed from here: every write waits.
  const activated = me.data ? me.data.organization.activatedAt !== null : true
  const canEdit = activated && onEditUser !== undefined
  const canShare =
    activated && (viewer?.can('shares:manage') ?? false) && (onShareGroups !== undefined || !!SharesDialog)
  const hasActions = activated && ROW_ACTION_PERMISSIONS.some((permission) => viewer?.can(permission))
  const bulkActions = useMemo(
    () => (activated ? tableBulkActions(viewer, canShare) : []),
    [activated, viewer, canShare],
  )
  const offered = useMemo(
    () => applicableBulkActions(bulkActions, selection.selectedUsers),
    [bulkActions, selection.selectedUsers],
  )

  // --- actions ---
  const shares = useSharedGroupsOpener(onShareGroups, scrollRef)
  const actions = useRowActions({ t, roleName, notice, onEditUser, onShareGroups: shares.open })
  const bulk = useBulkRunner({ t, viewerId: viewer?.id, notice, onSelectionChange: selection.setSelection })
  const onBulkAction = (action: Exclude<UserTableBulkAction, 'changeRole'>) => {
    notice.clear()
    if (action === 'shareGroups') shares.open(selection.selectedUsers.map((user) => user.id))
    else if (action === 'delete' || action === 'disable') {
      actions.returnFocus.current = null
      actions.ask({ kind: 'bulk', action, users: selection.selectedUsers })
    } else void bulk.run(selection.selectedUsers, { action })
  }
  // The lapsed-invitations notice's one-click filter is the status filter set to "expired" alone.
  const lapsedOnly = query.filters.status.length === 1 && query.filters.status[0] === 'expired'
  const onBulkRole = (role: string) => {
    notice.clear()
    actions.returnFocus.current = null
    actions.ask({ kind: 'bulk', action: 'changeRole', role, roleLabel: roleName(role), users: selected })
  }
  const confirm = () => {
    const current = actions.confirmation
    if (!current) return
    if (current.kind === 'bulk') {
      const request =
        current.action === 'changeRole'
          ? ({ action: 'changeRole', role: current.role ?? '' } as const)
          : ({ action: current.action } as const)
      void bulk.run(current.users, request).then((ok) => ok && actions.close())
    } else actions.confirmSingle(current)
  }

  // One clock reading per data update: relative dates ("2 hours ago") refresh with the data, and
  // rows stay memoized between updates.
  // biome-ignore lint/correctness/useExhaustiveDependencies: dataUpdatedAt is the refresh trigger
  const nowDate = useMemo(() => now(), [now, list.dataUpdatedAt])
  const viewerId = viewer?.id
  const openShares = shares.open
  const context = useMemo<UserTableCellContext>(
    () => ({
      t,
      locale,
      now: nowDate,
      viewerId,
      roles,
      onOpenSharedGroups: canShare ? (user) => openShares([user.id]) : undefined,
    }),
    [t, locale, nowDate, viewerId, roles, canShare, openShares],
  )

  const state = tableState({
    me: { isPending: me.isPending, isError: me.isError, known: me.data !== undefined },
    canRead,
    list: { isPending: list.isPending, isError: list.isError, hasData: !!list.data, error: list.error },
    rowCount: rows.length,
  })
  const rootProps = {
    'data-slot': 'user-table',
    'data-state': state,
    'data-filtered': query.filtered || undefined,
    'data-fetching': list.isFetching || undefined,
    className: cn('usher-user-table', className),
    ...props,
  }
  if (state === 'forbidden') {
    return (
      <div {...rootProps}>
        <UserTableForbidden />
      </div>
    )
  }

  let body: ReactNode
  if (state === 'loading') body = <UserTableLoading />
  else if (state === 'error') {
    const retry = () => void (me.isError ? me.refetch() : list.refetch())
    body = <UserTableError error={me.error ?? list.error} onRetry={retry} />
  } else if (state === 'empty') body = <UserTableEmpty filtered={query.filtered} onClear={query.clear} />
  else {
    body = (
      <UserTableGrid
        scrollRef={scrollRef}
        rows={rows}
        rowHeight={rowHeight}
        columns={columns.columns}
        context={context}
        sort={query.sort}
        onSort={query.setSort}
        selection={selection.selection}
        selectable={bulkActions.length > 0}
        selectedCount={selected.length}
        allSelected={selection.allSelected}
        onSelectAll={selection.selectAll}
        onSelectedChange={selection.toggle}
        viewer={hasActions ? viewer : undefined}
        canEdit={canEdit}
        canShare={canShare}
        onAction={actions.onAction}
        onChangeRole={actions.changeRole}
        matches={matches}
        list={list}
      />
    )
  }

  const wording = confirmationWording(t, actions.confirmation)
  return (
    <div {...rootProps} data-selecting={selected.length > 0 || undefined}>
      <UserTableToolbar
        search={query.search}
        onSearchChange={query.setSearch}
        filters={query.filters}
        onFiltersChange={query.setFilters}
        roles={roles.keys}
        roleName={roleName}
        groups={groups.data ?? []}
        columns={columns.allColumns}
        columnVisibility={columns.visibility}
        onColumnVisibilityChange={columns.setVisibility}
        showSeatUsage={showSeatUsage}
        actions={
          ExportButton ? (
            <ExportButton
              query={query.searched}
              visibleColumns={columns.columns.map((column) => column.id)}
            />
          ) : undefined
        }
      />
      {selected.length > 0 ? (
        <UserTableBulkBar
          count={selected.length}
          actions={offered}
          roles={viewer?.assignableRoles ?? []}
          roleName={roleName}
          pending={bulk.pending}
          onAction={onBulkAction}
          onChangeRole={onBulkRole}
          onClearSelection={selection.clear}
          extra={
            ExportButton ? (
              <ExportButton
                query={query.searched}
                userIds={selection.selectedUsers.map((user) => user.id)}
                visibleColumns={columns.columns.map((column) => column.id)}
              />
            ) : undefined
          }
        />
      ) : null}
      <SeesNothingNotice
        enabled={canRead}
        active={query.seesNothing}
        onActiveChange={query.setSeesNothing}
        onShare={
          viewer?.can('shares:manage') && activated
            ? (opener) =>
                shares.open(
                  rows.map((user) => user.id),
                  opener,
                )
            : undefined
        }
      />
      <LapsedInvitationsNotice
        enabled={canRead}
        active={lapsedOnly}
        onActiveChange={(on) => query.setFilters({ ...query.filters, status: on ? ['expired'] : [] })}
        listed={lapsedOnly ? rows.length : 0}
        onResend={
          viewer?.can('users:invite') && activated
            ? () => {
                notice.clear()
                void bulk.run(rows, { action: 'resendInvitation' })
              }
            : undefined
        }
      />
      <NoticeBar
        notice={notice.notice}
        onDismiss={notice.clear}
        dismissLabel={t('userTable.notices.dismiss')}
        slot="user-table"
        className="usher-user-table-notices"
        noticeClassName="usher-user-table-notice"
      />
      {body}
      <ConfirmDialog
        open={actions.confirmation !== null}
        onOpenChange={(open) => {
          if (!open) actions.close()
        }}
        {...wording}
        onConfirm={confirm}
        pending={actions.pending || bulk.pending}
        error={actions.confirmError}
        onCloseAutoFocus={(event) => {
          // The row (and its "..." button) may be gone: land on the table instead of the page.
          event.preventDefault()
          const target = actions.returnFocus.current?.isConnected
            ? actions.returnFocus.current
            : scrollRef.current
          target?.focus()
        }}
      />
      {SharesDialog && onShareGroups === undefined && shares.userIds.length > 0 ? (
        <SharesDialog
          userIds={shares.userIds}
          open={shares.isOpen}
          onOpenChange={shares.onOpenChange}
          onCloseAutoFocus={shares.onCloseAutoFocus}
        />
      ) : null}
    </div>
  )
}
