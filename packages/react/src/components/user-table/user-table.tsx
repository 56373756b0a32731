// biome-ignore-all lint/a11y/useSemanticElements: a virtualized table places its rows absolutely, which native table elements do not allow; the ARIA table roles carry the semantics (see UserTable).
// biome-ignore-all lint/a11y/useFocusableInteractive: rows and headers of a role="table" are not widgets; their buttons and checkboxes take focus.
import { keepPreviousData, useInfiniteQuery, useQuery } from '@tanstack/react-query'
import { observeElementRect, useVirtualizer } from '@tanstack/react-virtual'
import {
  BUILT_IN_ROLES,
  BULK_USERS_MAX,
  type BulkResult,
  type BulkUsersRequest,
  canAssignRole,
  canManageAccountOf,
  isActionAllowed,
  type RoleDefinition,
  roleRank,
  type User,
  type UserAction,
} from '@usher/contract'
import { isUsherApiError } from '@usher/sdk'
import { Checkbox } from 'radix-ui'
import {
  type ComponentProps,
  type CSSProperties,
  type ReactNode,
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
} from 'react'
import { useBulkUsers } from '../../hooks/use-bulk-users'
import { useDeleteUser } from '../../hooks/use-delete-user'
import { useMe } from '../../hooks/use-me'
import { useResendInvitation } from '../../hooks/use-resend-invitation'
import { useRevokeInvitation } from '../../hooks/use-revoke-invitation'
import { useUpdateUser } from '../../hooks/use-update-user'
import { cn } from '../../lib/cn'
import { errorMessage } from '../../lib/error-message'
import { useDebouncedValue } from '../../lib/use-debounced-value'
import { useUsherContext } from '../../provider/usher-context'
import { groupsQueryOptions, rolesQueryOptions, usersInfiniteQueryOptions } from '../../query/options'
import { ConfirmDeleteDialog } from '../../ui/confirm-dialog'
import { SharedGroupsDialog } from '../shared-groups-dialog'
import {
  buildColumns,
  displayName,
  type UserSort,
  type UserTableCellContext,
  type UserTableColumn,
  type UserTableColumnVisibility,
  type UserTableExtraColumn,
} from './columns'
import { type UserTableBulkAction, UserTableBulkBar } from './user-table-bulk-bar'
import { UserTableRow } from './user-table-row'
import { type UserTableViewer, useRoleName } from './user-table-row-actions'
import { hasFilters, NO_FILTERS, type UserTableFilters, UserTableToolbar } from './user-table-toolbar'

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
   * "Shared groups" on a row, on the selection, or the groups count: replaces Usher's
   * `SharedGroupsDialog` with the host's own. Offered to viewers holding `shares:manage`.
   * @default opens SharedGroupsDialog
   */
  onShareGroups?: (userIds: string[]) => void
  /** Adds "Edit…" to the row menu (for viewers holding `users:update`), e.g. to open a profile form. */
  onEditUser?: (user: User) => void
  /** Users per request. @default 50 */
  pageSize?: number
  /** Each row's height in px: rows are virtualized at a fixed height. @default 56 */
  rowHeight?: number
  /** Milliseconds of typing pause before the search is sent. @default 250 */
  searchDelay?: number
  /** @default 'name' */
  defaultSort?: UserSort
  /** The technician seat counter in the toolbar. @default true */
  showSeatUsage?: boolean
}

/** Rows fetched ahead of the last one shown, so scrolling rarely waits. */
const PREFETCH_ROWS = 20
/** The viewport the virtualizer assumes where nothing has a size (jsdom, a hidden tab). */
const FALLBACK_RECT = { width: 1024, height: 640 }

/**
 * The scroll element's size, or a fallback when it measures zero: without layout the virtualizer
 * would otherwise render only the overscan, and a test could not see a window of rows.
 */
const observeRect: typeof observeElementRect = (instance, callback) =>
  observeElementRect(instance, (rect) => callback(rect.height > 0 ? rect : FALLBACK_RECT))

type Confirmation = { kind: 'delete' | 'revoke'; user: User } | { kind: 'bulkDelete'; users: User[] } | null

interface Notice {
  tone: 'success' | 'error'
  text: string
  details?: string[]
}

const SELF_LOCKED_BULK: ReadonlySet<BulkUsersRequest['action']> = new Set([
  'changeRole',
  'enable',
  'disable',
  'delete',
])

/** The row action whose status rule a bulk action follows (`allowedActions`). */
const BULK_STATUS_ACTIONS: Readonly<Partial<Record<UserTableBulkAction, UserAction>>> = {
  resendInvitation: 'resendInvitation',
  disable: 'disable',
}

const BULK_PERMISSIONS: Readonly<Record<UserTableBulkAction, string>> = {
  shareGroups: 'shares:manage',
  changeRole: 'users:update',
  resendInvitation: 'users:invite',
  disable: 'users:update',
  delete: 'users:delete',
}

/**
 * Everyone the viewer may see, searched, filtered and sorted on the server, page after page as
 * they scroll (keyset pages, rows virtualized: 10,000 loaded users keep a few dozen rows in the
 * DOM); a "..." menu per row and actions on a selection, each offered only when the viewer holds
 * its permission and the person's status allows it.
 *
 * Semantics: a `role="table"` of divs (a native table cannot hold absolutely placed rows), with
 * `aria-rowcount` and each row's `aria-rowindex`, so screen readers know the full size although
 * only a window of rows exists. Not a `grid`: cells hold ordinary buttons and checkboxes reached
 * with Tab, and grid semantics would promise arrow-key navigation between cells.
 * @example
 * <UsherProvider client={client}><UserTable onShareGroups={(ids) => openMyDialog(ids)} /></UsherProvider>
 */
export function UserTable({
  extraColumns,
  columnVisibility: columnVisibilityProp,
  defaultColumnVisibility,
  onColumnVisibilityChange,
  onShareGroups,
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
  const me = useMe()
  const permissions = me.data?.permissions ?? []
  const canRead = permissions.includes('users:read')
  const roles = useQuery({ ...rolesQueryOptions(client), enabled: canRead })
  const groups = useQuery({ ...groupsQueryOptions(client), enabled: canRead })

  // --- query: search, filters, sort ---
  const [search, setSearch] = useState('')
  const q = useDebouncedValue(search.trim().slice(0, 100), searchDelay)
  const [filters, setFilters] = useState<UserTableFilters>(NO_FILTERS)
  const [sort, setSort] = useState<UserSort>(defaultSort)
  const query = useMemo(
    () => ({
      sort,
      limit: pageSize,
      ...(q ? { q } : {}),
      ...(filters.role.length ? { role: filters.role } : {}),
      ...(filters.status.length ? { status: filters.status } : {}),
      ...(filters.groupId ? { groupId: filters.groupId } : {}),
    }),
    [sort, pageSize, q, filters],
  )
  const filtered = q !== '' || hasFilters(filters)
  const list = useInfiniteQuery({
    ...usersInfiniteQueryOptions(client, query),
    enabled: canRead,
    // While a new search runs, the previous rows stay (marked busy) instead of a skeleton flash.
    placeholderData: keepPreviousData,
  })
  const rows = useMemo(() => list.data?.pages.flatMap((page) => page.items) ?? [], [list.data])

  // --- who is looking ---
  const canEdit = onEditUser !== undefined
  const viewer = useMemo<UserTableViewer | null>(() => {
    if (!me.data) return null
    const defined = roles.data?.items ?? []
    const custom: Record<string, RoleDefinition> = {}
    for (const role of defined) if (!role.builtIn) custom[role.key] = role
    const rankOf = (role: string) => defined.find((d) => d.key === role)?.rank ?? roleRank(role)
    const keys = defined.length > 0 ? defined.map((role) => role.key) : [...BUILT_IN_ROLES]
    const own = me.data.user.role
    return {
      id: me.data.user.id,
      permissions: me.data.permissions,
      rank: rankOf(own),
      rankOf,
      canManage: (role: string) => canManageAccountOf(own, role, custom),
      assignableRoles: keys.filter((role) => canAssignRole(own, role, custom)),
      canEdit,
    }
  }, [me.data, roles.data, canEdit])
  const roleKeys = useMemo(
    () => (roles.data?.items.length ? roles.data.items.map((role) => role.key) : [...BUILT_IN_ROLES]),
    [roles.data],
  )
  const canShare = permissions.includes('shares:manage')
  const bulkActions = useMemo(
    () =>
      (Object.keys(BULK_PERMISSIONS) as UserTableBulkAction[]).filter(
        (action) =>
          (permissions as string[]).includes(BULK_PERMISSIONS[action]) &&
          (action !== 'shareGroups' || canShare) &&
          // The bulk endpoint itself needs users:update.
          (action === 'shareGroups' || permissions.includes('users:update')),
      ),
    [permissions, canShare],
  )

  // --- selection (cleared when the list changes under it) ---
  const [selection, setSelection] = useState<ReadonlySet<string>>(() => new Set())
  const queryKey = JSON.stringify(query)
  // biome-ignore lint/correctness/useExhaustiveDependencies: the serialized query is the trigger
  useEffect(() => setSelection(new Set()), [queryKey])
  const selectedUsers = useMemo(() => rows.filter((user) => selection.has(user.id)), [rows, selection])
  const selectable = bulkActions.length > 0
  // Only what the status of at least one selected person allows (resend needs an invitation,
  // disable an active account); the server answers for each person anyway.
  const applicableBulkActions = useMemo(
    () =>
      bulkActions.filter((action) => {
        const needed = BULK_STATUS_ACTIONS[action]
        return needed === undefined || selectedUsers.some((user) => isActionAllowed(user.status, needed))
      }),
    [bulkActions, selectedUsers],
  )

  // --- columns ---
  const [ownVisibility, setOwnVisibility] = useState<UserTableColumnVisibility>(defaultColumnVisibility ?? {})
  const visibility = columnVisibilityProp ?? ownVisibility
  const setVisibility = (next: UserTableColumnVisibility) => {
    if (columnVisibilityProp === undefined) setOwnVisibility(next)
    onColumnVisibilityChange?.(next)
  }
  const allColumns = useMemo(() => buildColumns(t, extraColumns), [t, extraColumns])
  const columns = useMemo(
    () => allColumns.filter((column) => !column.hideable || visibility[column.id] !== false),
    [allColumns, visibility],
  )
  const hasActions = permissions.some((p) =>
    ['users:update', 'users:invite', 'users:delete', 'shares:manage'].includes(p),
  )

  // --- actions ---
  const updateUser = useUpdateUser()
  const deleteUser = useDeleteUser()
  const bulk = useBulkUsers()
  const resend = useResendInvitation()
  const revoke = useRevokeInvitation()
  const [notice, setNotice] = useState<Notice | null>(null)
  const [confirmation, setConfirmation] = useState<Confirmation>(null)
  const [confirmError, setConfirmError] = useState<string | null>(null)
  const returnFocus = useRef<HTMLElement | null>(null)
  const scrollRef = useRef<HTMLDivElement>(null)
  const succeed = (text: string) => setNotice({ tone: 'success', text })
  const fail = (text: string, details?: string[]) =>
    setNotice({ tone: 'error', text, ...(details ? { details } : {}) })
  const failed = (user: User) => (error: unknown) =>
    fail(t('userTable.notices.failed', { name: displayName(user), reason: errorMessage(t, error) }))

  const [sharesFor, setSharesFor] = useState<{ userIds: string[]; open: boolean }>({
    userIds: [],
    open: false,
  })
  const sharesReturnFocus = useRef<HTMLElement | null>(null)
  const openSharedGroups = useStableCallback((userIds: string[], opener?: HTMLElement | null) => {
    if (onShareGroups) return onShareGroups(userIds)
    const active = typeof document === 'undefined' ? null : document.activeElement
    sharesReturnFocus.current = opener ?? (active instanceof HTMLElement ? active : null)
    setSharesFor({ userIds, open: true })
  })
  const onSharesOpenChange = (open: boolean) => {
    setSharesFor((current) => ({ ...current, open }))
    if (open) return
    // The dialog has no Trigger of ours to return to: put focus back where it was opened from
    // (the row's menu button, the count, the bulk button) once the dialog has unmounted.
    const target = sharesReturnFocus.current
    setTimeout(() => (target?.isConnected ? target : scrollRef.current)?.focus(), 0)
  }
  const onSelectedChange = useCallback((user: User, selected: boolean) => {
    setSelection((current) => {
      const next = new Set(current)
      if (selected) next.add(user.id)
      else next.delete(user.id)
      return next
    })
  }, [])

  const changeRole = useStableCallback((user: User, role: string) => {
    const name = displayName(user)
    // mutateAsync, not mutate's callbacks: those fire only for the latest call, and two rows may
    // be changed before the first answer lands.
    updateUser.mutateAsync({ id: user.id, version: user.version, patch: { role } }).then(
      () => succeed(t('userTable.notices.roleChanged', { name, role: roleName(role) })),
      (error: unknown) => fail(t('userTable.notices.roleFailed', { name, reason: errorMessage(t, error) })),
    )
  })

  const onRowAction = useStableCallback((action: UserAction, user: User, trigger: HTMLElement | null) => {
    const name = displayName(user)
    returnFocus.current = trigger
    setNotice(null)
    switch (action) {
      case 'edit':
        onEditUser?.(user)
        return
      case 'shareGroups':
        openSharedGroups([user.id], trigger)
        return
      case 'changeRole':
        return
      case 'resendInvitation':
        if (user.invitationId)
          resend
            .mutateAsync(user.invitationId)
            .then(() => succeed(t('userTable.notices.resent', { email: user.email })), failed(user))
        return
      case 'enable':
      case 'disable':
        updateUser
          .mutateAsync({ id: user.id, version: user.version, patch: { enabled: action === 'enable' } })
          .then(() => succeed(t(`userTable.notices.${action}d`, { name })), failed(user))
        return
      case 'forcePasswordChange':
        updateUser
          .mutateAsync({ id: user.id, version: user.version, patch: { mustChangePassword: true } })
          .then(() => succeed(t('userTable.notices.passwordChangeForced', { name })), failed(user))
        return
      case 'revokeInvitation':
      case 'delete':
        setConfirmError(null)
        setConfirmation({ kind: action === 'delete' ? 'delete' : 'revoke', user })
        return
    }
  })

  /** Runs a bulk action in chunks the endpoint accepts, then reports every user's outcome. */
  const runBulk = async (
    users: User[],
    request:
      | { action: 'changeRole'; role: string }
      | { action: Exclude<BulkUsersRequest['action'], 'changeRole'> },
  ) => {
    const names = new Map(users.map((user) => [user.id, displayName(user)]))
    // Nobody changes their own role, enabled flag or existence: said here rather than sent.
    const skipped = SELF_LOCKED_BULK.has(request.action) ? users.filter((user) => user.id === viewer?.id) : []
    const ids = users.filter((user) => !skipped.includes(user)).map((user) => user.id)
    const results: BulkResult['results'] = []
    try {
      for (let start = 0; start < ids.length; start += BULK_USERS_MAX) {
        const userIds = ids.slice(start, start + BULK_USERS_MAX)
        const answer = await bulk.mutateAsync({ ...request, userIds } as BulkUsersRequest)
        results.push(...answer.results)
      }
    } catch (error) {
      fail(errorMessage(t, error))
      return false
    }
    const failures = [
      ...skipped.map((user) =>
        t('userTable.bulk.failure', { name: displayName(user), reason: t('userTable.bulk.selfLocked') }),
      ),
      ...results.flatMap((result) =>
        result.ok
          ? []
          : [
              t('userTable.bulk.failure', {
                name: names.get(result.id) ?? result.id,
                reason: t(`errors.codes.${result.error.code}`),
              }),
            ],
      ),
    ]
    const done = results.filter((result) => result.ok).length
    const summary = t('userTable.bulk.summary', {
      done: t('userTable.bulk.done', { count: done }),
      failed: t('userTable.bulk.failed', { count: failures.length }),
    })
    if (failures.length > 0) fail(summary, failures)
    else succeed(t('userTable.bulk.allDone', { count: done }))
    // The ones that failed stay selected, to retry or look at.
    const failedIds = new Set([
      ...skipped.map((user) => user.id),
      ...results.filter((result) => !result.ok).map((result) => result.id),
    ])
    setSelection(failedIds)
    return true
  }

  const onBulkAction = (action: Exclude<UserTableBulkAction, 'changeRole'>) => {
    setNotice(null)
    if (action === 'shareGroups') openSharedGroups(selectedUsers.map((user) => user.id))
    else if (action === 'delete') {
      setConfirmError(null)
      returnFocus.current = null
      setConfirmation({ kind: 'bulkDelete', users: selectedUsers })
    } else void runBulk(selectedUsers, { action })
  }

  const confirm = () => {
    if (!confirmation) return
    if (confirmation.kind === 'bulkDelete') {
      void runBulk(confirmation.users, { action: 'delete' }).then((ok) => ok && setConfirmation(null))
      return
    }
    const { user } = confirmation
    const name = displayName(user)
    const onError = (error: unknown) => setConfirmError(errorMessage(t, error))
    if (confirmation.kind === 'delete') {
      deleteUser.mutateAsync(user.id).then(() => {
        setConfirmation(null)
        succeed(t('userTable.notices.deleted', { name }))
      }, onError)
    } else if (user.invitationId) {
      revoke.mutateAsync({ invitationId: user.invitationId, userId: user.id }).then(() => {
        setConfirmation(null)
        succeed(t('userTable.notices.revoked', { name }))
      }, onError)
    }
  }

  // --- virtualized rows, fetched page after page ---
  const virtualizer = useVirtualizer({
    count: rows.length,
    getScrollElement: () => scrollRef.current,
    estimateSize: () => rowHeight,
    getItemKey: useCallback((index: number) => rows[index]?.id ?? index, [rows]),
    overscan: 8,
    initialRect: FALLBACK_RECT,
    observeElementRect: observeRect,
    // React 19 warns about flushSync during render-phase updates; a frame's delay is invisible.
    useFlushSync: false,
  })
  const virtualRows = virtualizer.getVirtualItems()
  const lastShown = virtualRows[virtualRows.length - 1]?.index ?? -1
  const { hasNextPage, isFetchingNextPage, fetchNextPage, isPlaceholderData, isFetchNextPageError } = list
  useEffect(() => {
    if (lastShown < 0 || !hasNextPage || isFetchingNextPage || isPlaceholderData || isFetchNextPageError)
      return
    if (lastShown >= rows.length - PREFETCH_ROWS) void fetchNextPage()
  }, [
    lastShown,
    rows.length,
    hasNextPage,
    isFetchingNextPage,
    isPlaceholderData,
    isFetchNextPageError,
    fetchNextPage,
  ])

  // One clock reading per data update: relative dates ("2 hours ago") refresh with the data, and
  // rows stay memoized between updates.
  // biome-ignore lint/correctness/useExhaustiveDependencies: dataUpdatedAt is the refresh trigger
  const nowDate = useMemo(() => now(), [now, list.dataUpdatedAt])
  const viewerId = viewer?.id
  const context = useMemo<UserTableCellContext>(
    () => ({
      t,
      locale,
      now: nowDate,
      viewerId,
      onOpenSharedGroups: canShare ? (user) => openSharedGroups([user.id]) : undefined,
    }),
    [t, locale, nowDate, viewerId, canShare, openSharedGroups],
  )

  // --- state ---
  const forbidden =
    (me.data !== undefined && !canRead) || (isUsherApiError(list.error) && list.error.code === 'forbidden')
  const state: 'loading' | 'ready' | 'empty' | 'error' | 'forbidden' = forbidden
    ? 'forbidden'
    : me.isError || (list.isError && !list.data)
      ? 'error'
      : me.isPending || list.isPending
        ? 'loading'
        : rows.length === 0
          ? 'empty'
          : 'ready'

  const rootProps = {
    'data-slot': 'user-table',
    'data-state': state,
    'data-filtered': filtered || undefined,
    'data-fetching': list.isFetching || undefined,
    className: cn('usher-user-table', className),
    ...props,
  }

  if (state === 'forbidden') {
    return (
      <div {...rootProps}>
        <div role="status" data-slot="user-table-forbidden" className="usher-user-table-state">
          <p className="usher-user-table-state-title">{t('userTable.states.forbidden')}</p>
          <p className="usher-user-table-muted">{t('userTable.states.forbiddenHint')}</p>
        </div>
      </div>
    )
  }

  const tracks = [
    ...(selectable ? ['2.75rem'] : []),
    ...columns.map((column) => column.width),
    ...(hasActions ? ['3.25rem'] : []),
  ]
  const minWidth =
    columns.reduce((sum, column) => sum + column.minWidth, 0) +
    (selectable ? 2.75 : 0) +
    (hasActions ? 3.25 : 0)
  const gridStyle = {
    '--usher-user-table-columns': tracks.join(' '),
    '--usher-user-table-min-width': `${minWidth}rem`,
    maxHeight: 'var(--usher-user-table-max-height, 36rem)',
    overflow: 'auto',
  } as CSSProperties
  const allSelected = rows.length > 0 && selectedUsers.length === rows.length
  const retry = () => {
    if (me.isError) void me.refetch()
    else void list.refetch()
  }

  let body: ReactNode
  if (state === 'loading') {
    body = (
      <div data-slot="user-table-loading" className="usher-user-table-state">
        <p role="status" className="usher-user-table-muted">
          {t('userTable.states.loading')}
        </p>
        <div aria-hidden="true" className="usher-user-table-skeleton">
          {Array.from({ length: 5 }, (_, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders without identity
            <div key={index} data-slot="user-table-skeleton-row" className="usher-user-table-skeleton-row" />
          ))}
        </div>
      </div>
    )
  } else if (state === 'error') {
    body = (
      <div role="alert" data-slot="user-table-error" className="usher-alert usher-user-table-state">
        <p className="usher-user-table-state-title">{t('userTable.states.error')}</p>
        <p>{errorMessage(t, me.error ?? list.error)}</p>
        <button type="button" className="usher-button" onClick={retry}>
          {t('common.retry')}
        </button>
      </div>
    )
  } else if (state === 'empty') {
    body = (
      <div role="status" data-slot="user-table-empty" className="usher-user-table-state">
        <p className="usher-user-table-state-title">
          {filtered ? t('userTable.states.noMatch') : t('userTable.states.empty')}
        </p>
        <p className="usher-user-table-muted">
          {filtered ? t('userTable.states.noMatchHint') : t('userTable.states.emptyHint')}
        </p>
        {filtered ? (
          <button
            type="button"
            className="usher-button"
            onClick={() => {
              setSearch('')
              setFilters(NO_FILTERS)
            }}
          >
            {t('userTable.filters.clear')}
          </button>
        ) : null}
      </div>
    )
  } else {
    body = (
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
          <div role="rowgroup" data-slot="user-table-header" className="usher-user-table-header">
            <div role="row" aria-rowindex={1} className="usher-user-table-row">
              {selectable ? (
                <div
                  role="columnheader"
                  data-slot="user-table-select-header"
                  className="usher-user-table-cell"
                >
                  <Checkbox.Root
                    className="usher-user-table-checkbox"
                    aria-label={t('userTable.selectAll')}
                    checked={allSelected ? true : selectedUsers.length > 0 ? 'indeterminate' : false}
                    onCheckedChange={(checked) =>
                      setSelection(checked === true ? new Set(rows.map((user) => user.id)) : new Set())
                    }
                  >
                    <Checkbox.Indicator aria-hidden="true" className="usher-user-table-checkbox-indicator">
                      {selectedUsers.length > 0 && !allSelected ? '–' : '✓'}
                    </Checkbox.Indicator>
                  </Checkbox.Root>
                </div>
              ) : null}
              {columns.map((column) => (
                <HeaderCell key={column.id} column={column} sort={sort} onSort={setSort} />
              ))}
              {hasActions ? (
                <div
                  role="columnheader"
                  data-slot="user-table-actions-header"
                  className="usher-user-table-cell"
                >
                  <span className="usher-visually-hidden">{t('userTable.columns.actions')}</span>
                </div>
              ) : null}
            </div>
          </div>
          <div
            role="rowgroup"
            data-slot="user-table-body"
            className="usher-user-table-body"
            style={{ height: virtualizer.getTotalSize(), position: 'relative' }}
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
                  selected={selection.has(user.id)}
                  selectable={selectable}
                  columns={columns}
                  context={context}
                  viewer={hasActions ? viewer : undefined}
                  canShare={canShare}
                  onSelectedChange={onSelectedChange}
                  onAction={onRowAction}
                  onChangeRole={changeRole}
                />
              )
            })}
          </div>
        </div>
        <div data-slot="user-table-footer" className="usher-user-table-footer">
          <span role="status" className="usher-user-table-muted">
            {isFetchingNextPage
              ? t('userTable.states.loadingMore')
              : t('userTable.loaded', { count: rows.length })}
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

  const confirmName = confirmation && confirmation.kind !== 'bulkDelete' ? displayName(confirmation.user) : ''
  return (
    <div {...rootProps} data-selecting={selectedUsers.length > 0 || undefined}>
      <UserTableToolbar
        search={search}
        onSearchChange={setSearch}
        filters={filters}
        onFiltersChange={setFilters}
        roles={roleKeys}
        roleName={roleName}
        groups={groups.data ?? []}
        columns={allColumns}
        columnVisibility={visibility}
        onColumnVisibilityChange={setVisibility}
        showSeatUsage={showSeatUsage}
      />
      {selectedUsers.length > 0 ? (
        <UserTableBulkBar
          count={selectedUsers.length}
          actions={applicableBulkActions}
          roles={viewer?.assignableRoles ?? []}
          roleName={roleName}
          pending={bulk.isPending}
          onAction={onBulkAction}
          onChangeRole={(role) => {
            setNotice(null)
            void runBulk(selectedUsers, { action: 'changeRole', role })
          }}
          onClearSelection={() => setSelection(new Set())}
        />
      ) : null}
      <NoticeBar notice={notice} onDismiss={() => setNotice(null)} />
      {body}
      <ConfirmDeleteDialog
        open={confirmation !== null}
        onOpenChange={(open) => {
          if (!open) setConfirmation(null)
        }}
        title={
          confirmation?.kind === 'bulkDelete'
            ? t('userTable.bulk.confirmDeleteTitle', { count: confirmation.users.length })
            : confirmation?.kind === 'revoke'
              ? t('userTable.confirmRevoke.title', { name: confirmName })
              : t('userTable.confirmDelete.title', { name: confirmName })
        }
        description={
          confirmation?.kind === 'bulkDelete'
            ? t('userTable.bulk.confirmDeleteDescription', {
                names: confirmation.users.map(displayName).join(', '),
              })
            : confirmation
              ? t(
                  `userTable.${confirmation.kind === 'revoke' ? 'confirmRevoke' : 'confirmDelete'}.description`,
                  {
                    name: confirmName,
                    email: confirmation.user.email,
                  },
                )
              : ''
        }
        confirmLabel={
          confirmation?.kind === 'bulkDelete'
            ? t('userTable.bulk.confirmDelete', { count: confirmation.users.length })
            : confirmation?.kind === 'revoke'
              ? t('userTable.confirmRevoke.confirm')
              : t('userTable.confirmDelete.confirm', { name: confirmName })
        }
        onConfirm={confirm}
        pending={deleteUser.isPending || revoke.isPending || bulk.isPending}
        error={confirmError}
        onCloseAutoFocus={(event) => {
          // The row (and its "..." button) may be gone: land on the table instead of the page.
          event.preventDefault()
          const target = returnFocus.current?.isConnected ? returnFocus.current : scrollRef.current
          target?.focus()
        }}
      />
      {onShareGroups === undefined && sharesFor.userIds.length > 0 ? (
        <SharedGroupsDialog
          userIds={sharesFor.userIds}
          open={sharesFor.open}
          // The ids stay while the dialog closes, so its content does not change under the animation.
          onOpenChange={onSharesOpenChange}
        />
      ) : null}
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
      <div role="columnheader" data-column={column.id} className="usher-user-table-cell">
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

function NoticeBar({ notice, onDismiss }: { notice: Notice | null; onDismiss: () => void }) {
  const { t } = useUsherContext()
  // The polite region stays mounted so screen readers hear what lands in it; errors are alerts.
  return (
    <div data-slot="user-table-notices" className="usher-user-table-notices">
      <div role="status">
        {notice?.tone === 'success' ? (
          <div data-slot="user-table-notice" data-tone="success" className="usher-user-table-notice">
            <span>{notice.text}</span>
            <button type="button" className="usher-button" onClick={onDismiss}>
              {t('userTable.notices.dismiss')}
            </button>
          </div>
        ) : null}
      </div>
      {notice?.tone === 'error' ? (
        <div
          role="alert"
          data-slot="user-table-notice"
          data-tone="error"
          className="usher-alert usher-user-table-notice"
        >
          <div>
            <p>{notice.text}</p>
            {notice.details?.length ? (
              <ul data-slot="user-table-notice-details">
                {notice.details.map((detail, index) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: two people may share a name and a reason
                  <li key={index}>{detail}</li>
                ))}
              </ul>
            ) : null}
          </div>
          <button type="button" className="usher-button" onClick={onDismiss}>
            {t('userTable.notices.dismiss')}
          </button>
        </div>
      ) : null}
    </div>
  )
}

/** A function whose identity never changes and that always calls the latest `fn` (memoized rows). */
function useStableCallback<A extends unknown[], R>(fn: (...args: A) => R): (...args: A) => R {
  const latest = useRef(fn)
  useLayoutEffect(() => {
    latest.current = fn
  })
  return useCallback((...args: A) => latest.current(...args), [])
}
