import type { DirectoryOperation } from '@usher/contract'
import { useId, useState } from 'react'
import { errorMessage } from '../../lib/error-message'
import { formatDateTime } from '../../lib/format'
import { useUsherContext } from '../../provider/usher-context'
import { useDirectoryRequests } from './use-directory-sync'

/** `user.create` → `user_create`: catalog keys hold no dots (a dot is a level). */
const operationKey = (operation: DirectoryOperation) =>
  operation.replace('.', '_') as
    | 'discovery'
    | `${'user' | 'group'}_${'list' | 'read' | 'create' | 'update' | 'delete'}`

/** The directories' last requests: when, what, about whom, how it went and why it was refused. */
export function DirectorySyncRequests() {
  const { t, locale } = useUsherContext()
  const id = useId()
  const [failed, setFailed] = useState(false)
  const requests = useDirectoryRequests(failed)
  const rows = requests.data?.pages.flatMap((page) => page.items) ?? []

  return (
    <section
      data-slot="directory-sync-requests"
      aria-labelledby={`${id}-title`}
      className="usher-directory-sync-section"
    >
      <h3 id={`${id}-title`}>{t('directorySync.requests.title')}</h3>
      <p>{t('directorySync.requests.intro')}</p>
      <div className="usher-directory-sync-toolbar">
        <label>
          <input type="checkbox" checked={failed} onChange={(event) => setFailed(event.target.checked)} />
          {t('directorySync.requests.onlyFailed')}
        </label>
        <button type="button" className="usher-button" onClick={() => void requests.refetch()}>
          {t('directorySync.requests.refresh')}
        </button>
      </div>
      {requests.isError ? (
        <div role="alert" className="usher-alert">
          <p>{errorMessage(t, requests.error)}</p>
          <button type="button" className="usher-button" onClick={() => void requests.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : requests.isPending ? (
        <p role="status">{t('common.loading')}</p>
      ) : rows.length === 0 ? (
        <p data-slot="directory-sync-requests-empty">{t('directorySync.requests.empty')}</p>
      ) : (
        <div className="usher-directory-sync-table-scroll">
          <table className="usher-directory-sync-table" aria-labelledby={`${id}-title`}>
            <thead>
              <tr>
                <th scope="col">{t('directorySync.requests.time')}</th>
                <th scope="col">{t('directorySync.requests.operation')}</th>
                <th scope="col">{t('directorySync.requests.subject')}</th>
                <th scope="col">{t('directorySync.requests.result')}</th>
                <th scope="col">{t('directorySync.requests.reason')}</th>
              </tr>
            </thead>
            <tbody>
              {rows.map((row) => {
                const refused = row.status >= 400
                return (
                  <tr key={row.id} data-state={refused ? 'refused' : 'done'}>
                    <td>
                      <time dateTime={row.at}>{formatDateTime(row.at, locale)}</time>
                    </td>
                    <td>{t(`directorySync.requests.operations.${operationKey(row.operation)}`)}</td>
                    <td>{row.subject ?? '—'}</td>
                    <td>
                      {refused
                        ? t('directorySync.requests.refused', { status: String(row.status) })
                        : t('directorySync.requests.ok', { status: String(row.status) })}
                    </td>
                    <td>{row.reason ? `${row.scimType ? `${row.scimType}: ` : ''}${row.reason}` : '—'}</td>
                  </tr>
                )
              })}
            </tbody>
          </table>
        </div>
      )}
      {requests.hasNextPage ? (
        <button
          type="button"
          className="usher-button"
          disabled={requests.isFetchingNextPage}
          onClick={() => void requests.fetchNextPage()}
        >
          {t('directorySync.requests.more')}
        </button>
      ) : null}
    </section>
  )
}
