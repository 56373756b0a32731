import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'

/** The viewer may not list users. */
export function UserTableForbidden() {
  const { t } = useUsherContext()
  return (
    <div role="status" data-slot="user-table-forbidden" className="usher-user-table-state">
      <p className="usher-user-table-state-title">{t('userTable.states.forbidden')}</p>
      <p className="usher-user-table-muted">{t('userTable.states.forbiddenHint')}</p>
    </div>
  )
}

/** The first page is on its way: a few placeholder rows. */
export function UserTableLoading() {
  const { t } = useUsherContext()
  return (
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
}

/** Nothing could be loaded: why, and a retry. */
export function UserTableError({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useUsherContext()
  return (
    <div role="alert" data-slot="user-table-error" className="usher-alert usher-user-table-state">
      <p className="usher-user-table-state-title">{t('userTable.states.error')}</p>
      <p>{errorMessage(t, error)}</p>
      <button type="button" className="usher-button" onClick={onRetry}>
        {t('common.retry')}
      </button>
    </div>
  )
}

/** No users yet, or none matching the search and filters (with a way to clear them). */
export function UserTableEmpty({ filtered, onClear }: { filtered: boolean; onClear: () => void }) {
  const { t } = useUsherContext()
  return (
    <div role="status" data-slot="user-table-empty" className="usher-user-table-state">
      <p className="usher-user-table-state-title">
        {filtered ? t('userTable.states.noMatch') : t('userTable.states.empty')}
      </p>
      <p className="usher-user-table-muted">
        {filtered ? t('userTable.states.noMatchHint') : t('userTable.states.emptyHint')}
      </p>
      {filtered ? (
        <button type="button" className="usher-button" onClick={onClear}>
          {t('userTable.filters.clear')}
        </button>
      ) : null}
    </div>
  )
}
