import type { ListUsersQuery, User } from '@usher/contract'
import { isBuiltInRole, type RoleCatalog } from '@usher/contract/rules'
import type { ReactNode } from 'react'
import { roleNameOf } from '../../hooks/use-role-name'
import type { Translate } from '../../i18n/translate'
import type { Locale } from '../../i18n/types'
import { formatDateTime, formatRelative } from '../../lib/format'
import { RoleBadgeOf } from '../../ui/role-badge'
import { StatusBadge } from '../../ui/status-badge'

export type UserSort = NonNullable<ListUsersQuery['sort']>

/** A column the host adds to the table, after the built-in ones. */
export interface UserTableExtraColumn {
  /** Unique among the columns; the key in `columnVisibility`. */
  id: string
  header: ReactNode
  cell: (user: User) => ReactNode
  /** The column's name in the columns menu. @default `header` when it is a string, else `id` */
  label?: string
  /** A CSS grid track. @default 'minmax(8rem, 1fr)' */
  width?: string
  /**
   * When the table is narrow, which columns give way first: `low` hides once the table is
   * narrower than 68rem, `high` below 50rem, `essential` never (a column whose cells carry an
   * action should be `essential`). The host decides the width, so this follows the table's own
   * width (a container query), not the window's.
   * @default 'low'
   */
  priority?: UserTableColumnPriority
}

/** How long a column stays as the table narrows (see `UserTableExtraColumn.priority`). */
export type UserTableColumnPriority = 'essential' | 'high' | 'low'

/** Which columns show, by id (`name` always shows). A column left out shows. */
export type UserTableColumnVisibility = Record<string, boolean>

/** What a cell needs besides its user. */
export interface UserTableCellContext {
  t: Translate
  locale: Locale
  now: Date
  viewerId: string | undefined
  /** The organization's roles: each row's badge names and explains its role from them. */
  roles: RoleCatalog
  /** Opens the user's shared groups; absent when the viewer may not manage shares. */
  onOpenSharedGroups: ((user: User) => void) | undefined
}

export interface UserTableColumn {
  id: string
  /** The header's text and the column's name in the columns menu. */
  label: string
  /** Rendered in the header instead of `label` (host columns). */
  header?: ReactNode
  /** Server-side sort keys; the first click sorts `first`. */
  sort?: { ascending: UserSort; descending: UserSort; first: 'ascending' | 'descending' }
  /** A CSS grid track. */
  width: string
  /** The narrowest the column gets, in rem: beyond it the table scrolls sideways. */
  minWidth: number
  /** Whether the columns menu may hide it. */
  hideable: boolean
  /** When the table narrows: `low` hides below 68rem, `high` below 50rem, `essential` never. */
  priority: UserTableColumnPriority
  cell: (user: User, context: UserTableCellContext) => ReactNode
}

/** "Camille Durand", or the email for someone whose name is not known yet. */
export function displayName(user: Pick<User, 'firstName' | 'lastName' | 'email'>): string {
  return `${user.firstName} ${user.lastName}`.trim() || user.email
}

function NameCell({ user, context }: { user: User; context: UserTableCellContext }) {
  const name = displayName(user)
  return (
    <div data-slot="user-table-name" className="usher-user-table-name">
      <span data-slot="user-table-name-line" className="usher-user-table-name-line">
        <span data-slot="user-table-full-name" className="usher-user-table-full-name">
          {name}
        </span>
        {user.nickname ? (
          <span data-slot="user-table-nickname" className="usher-user-table-nickname">
            {user.nickname}
          </span>
        ) : null}
        {user.id === context.viewerId ? (
          <span data-slot="user-table-you" className="usher-badge usher-user-table-you">
            {context.t('userTable.you')}
          </span>
        ) : null}
        {user.source === 'email' ? (
          <span data-slot="user-table-from-email" className="usher-badge usher-user-table-from-email">
            {context.t('userTable.fromEmail')}
          </span>
        ) : null}
        {/* The role, folded here once its own column gives way (a container query shows it);
            `hidden` keeps it out of the page where the column shows, and the text is drawn from
            `data-label` so the page never holds the role's name twice. */}
        <span
          hidden
          data-slot="user-table-folded-role"
          data-role={isBuiltInRole(user.role) ? user.role : 'custom'}
          data-label={roleNameOf(context.t, context.roles, context.locale, user.role)}
          className="usher-badge usher-user-table-folded"
        />
      </span>
      <span data-slot="user-table-email" className="usher-user-table-email">
        {user.email}
      </span>
    </div>
  )
}

function GroupsCell({ user, context }: { user: User; context: UserTableCellContext }) {
  const { t, onOpenSharedGroups } = context
  const count = user.sharedGroupCount
  const text = t('userTable.groupCount', { count })
  if (!onOpenSharedGroups) {
    return (
      <span data-slot="user-table-groups" data-count={count} className="usher-user-table-groups">
        {text}
      </span>
    )
  }
  return (
    <button
      type="button"
      data-slot="user-table-groups"
      data-count={count}
      className="usher-user-table-groups usher-user-table-link"
      aria-label={t('userTable.groupCountOf', { count, name: displayName(user) })}
      onClick={() => onOpenSharedGroups(user)}
    >
      {text}
    </button>
  )
}

function LastActiveCell({ user, context }: { user: User; context: UserTableCellContext }) {
  if (!user.lastActiveAt) {
    return (
      <span data-slot="user-table-last-active" className="usher-user-table-muted">
        {context.t('userTable.never')}
      </span>
    )
  }
  return (
    <time
      data-slot="user-table-last-active"
      dateTime={user.lastActiveAt}
      title={formatDateTime(user.lastActiveAt, context.locale)}
    >
      {formatRelative(user.lastActiveAt, context.now, context.locale)}
    </time>
  )
}

/** The built-in columns, then the host's, in display order (selection and actions are the table's). */
export function buildColumns(
  t: Translate,
  extraColumns: readonly UserTableExtraColumn[] = [],
): UserTableColumn[] {
  const builtIn: UserTableColumn[] = [
    {
      id: 'name',
      label: t('userTable.columns.name'),
      sort: { ascending: 'name', descending: '-name', first: 'ascending' },
      width: 'minmax(16rem, 2.5fr)',
      minWidth: 16,
      hideable: false,
      priority: 'essential',
      cell: (user, context) => <NameCell user={user} context={context} />,
    },
    {
      id: 'role',
      label: t('userTable.columns.role'),
      width: 'minmax(8rem, 1fr)',
      minWidth: 8,
      hideable: true,
      priority: 'high',
      cell: (user, context) => <RoleBadgeOf roles={context.roles} roleKey={user.role} />,
    },
    {
      id: 'status',
      label: t('userTable.columns.status'),
      width: 'minmax(12rem, 1.5fr)',
      minWidth: 12,
      hideable: true,
      priority: 'essential',
      cell: (user) => <StatusBadge status={user.status} invitationExpiresAt={user.invitationExpiresAt} />,
    },
    {
      id: 'groups',
      label: t('userTable.columns.groups'),
      width: 'minmax(8rem, 1fr)',
      minWidth: 8,
      hideable: true,
      priority: 'essential',
      cell: (user, context) => <GroupsCell user={user} context={context} />,
    },
    {
      id: 'lastActive',
      label: t('userTable.columns.lastActive'),
      // Most recent activity first is what an administrator looks for.
      sort: { ascending: 'lastActiveAt', descending: '-lastActiveAt', first: 'descending' },
      width: 'minmax(9rem, 1fr)',
      minWidth: 9,
      hideable: true,
      priority: 'low',
      cell: (user, context) => <LastActiveCell user={user} context={context} />,
    },
  ]
  const extra = extraColumns.map<UserTableColumn>((column) => ({
    id: column.id,
    label: column.label ?? (typeof column.header === 'string' ? column.header : column.id),
    header: column.header,
    width: column.width ?? 'minmax(8rem, 1fr)',
    minWidth: 8,
    hideable: true,
    priority: column.priority ?? 'low',
    cell: (user) => column.cell(user),
  }))
  return [...builtIn, ...extra]
}
