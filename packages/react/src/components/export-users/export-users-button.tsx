import { type ExportUsersQuery, USER_EXPORT_MAX_IDS } from '@usher/contract'
import type { UsherFile } from '@usher/sdk'
import { type ComponentProps, useId } from 'react'
import { usePermission } from '../../hooks/use-me'
import { cn } from '../../lib/cn'
import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { exportColumnsFor } from './export-columns'
import { saveFile, useExportUsers } from './use-export-users'

/** The list an export follows: the table's search, filters and sort. */
export type ExportUsersSearch = Omit<ExportUsersQuery, 'id' | 'columns' | 'locale' | 'delimiter'>

export interface ExportUsersButtonProps extends Omit<ComponentProps<'button'>, 'onClick' | 'children'> {
  /** The search, filters and sort to export (what the table shows). @default everyone */
  query?: ExportUsersSearch
  /** Only these people: "Export selected". */
  userIds?: readonly string[]
  /**
   * The table's shown column ids, in order; the export has the same columns.
   * @default every column the server exports
   */
  visibleColumns?: readonly string[]
  /** Keys of the host's own export columns (the server's `exportColumns`) to add when shown. */
  hostColumns?: readonly string[]
  /** The cell separator. @default ';' in French, ',' otherwise */
  delimiter?: ',' | ';'
  /** What happens with the file. @default the browser downloads it */
  onFile?: (file: UsherFile) => void
}

/**
 * "Export" (the whole list as the table shows it) or "Export selected" (with `userIds`): a CSV file
 * from the server in the viewer's language, downloaded. Shown to viewers who may read users, when
 * the client has exports; says when it is working, when it is done and why it failed.
 * @example <ExportUsersButton query={{ status: ['active'], sort: 'name' }} />
 */
export function ExportUsersButton({
  query,
  userIds,
  visibleColumns,
  hostColumns,
  delimiter,
  onFile = saveFile,
  className,
  disabled,
  ...props
}: ExportUsersButtonProps) {
  const { t } = useUsherContext()
  const canRead = usePermission('users:read')
  const exporter = useExportUsers()
  const statusId = useId()
  if (!canRead || !exporter.available) return null

  const selected = userIds !== undefined
  const tooMany = selected && userIds.length > USER_EXPORT_MAX_IDS
  const label = selected ? t('exportUsers.selected', { count: userIds.length }) : t('exportUsers.all')
  const run = () => {
    exporter.reset()
    exporter.mutate(
      {
        ...(selected ? { id: [...userIds] } : query),
        ...(visibleColumns ? { columns: exportColumnsFor(visibleColumns, hostColumns) } : {}),
        ...(delimiter ? { delimiter } : {}),
      },
      { onSuccess: (file) => onFile(file) },
    )
  }

  return (
    <span data-slot="export-users" className="usher-export-users">
      <button
        type="button"
        data-slot="export-users-button"
        data-state={exporter.isPending ? 'pending' : exporter.status}
        className={cn('usher-button', className)}
        aria-busy={exporter.isPending || undefined}
        aria-describedby={statusId}
        // Not disabled while the file is made: a disabled button drops the keyboard's focus to the
        // page. It says it is busy and ignores clicks instead.
        aria-disabled={exporter.isPending || undefined}
        disabled={disabled || tooMany}
        onClick={exporter.isPending ? undefined : run}
        {...props}
      >
        {exporter.isPending ? t('exportUsers.pending') : label}
      </button>
      <span id={statusId} data-slot="export-users-status" className="usher-export-users-status">
        {tooMany ? (
          <span className="usher-export-users-note">
            {t('exportUsers.tooMany', { max: USER_EXPORT_MAX_IDS })}
          </span>
        ) : null}
        <span role="status" className={exporter.isSuccess ? undefined : 'usher-visually-hidden'}>
          {exporter.isSuccess ? t('exportUsers.done', { fileName: exporter.data.fileName }) : ''}
        </span>
        {exporter.isError ? (
          <span role="alert" className="usher-export-users-error">
            {t('exportUsers.failed', { reason: errorMessage(t, exporter.error) })}
          </span>
        ) : null}
      </span>
    </span>
  )
}
