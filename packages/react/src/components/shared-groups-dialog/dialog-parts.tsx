import { Dialog } from 'radix-ui'
import type { ReactNode } from 'react'
import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'

/** The dialog body while its data loads, or when it could not: announced, with a retry. */
export function LoadState({ error, onRetry }: { error: unknown; onRetry: () => void }) {
  const { t } = useUsherContext()
  if (!error) {
    return (
      <div data-slot="shared-groups-body" className="usher-shared-groups-body">
        <p
          data-slot="shared-groups-loading"
          role="status"
          aria-busy="true"
          className="usher-shared-groups-loading"
        >
          {t('sharedGroups.loading')}
        </p>
      </div>
    )
  }
  return (
    <div data-slot="shared-groups-body" className="usher-shared-groups-body">
      <div data-slot="shared-groups-load-error" role="alert" className="usher-alert">
        <p>
          {t('sharedGroups.loadError')} {errorMessage(t, error)}
        </p>
        <button type="button" className="usher-button" onClick={onRetry}>
          {t('common.retry')}
        </button>
      </div>
    </div>
  )
}

/** No group to share yet: says so, and leaves only a way out. */
export function EmptyGroups() {
  const { t } = useUsherContext()
  return (
    <>
      <div data-slot="shared-groups-body" className="usher-shared-groups-body">
        <div data-slot="shared-groups-empty" role="status" className="usher-shared-groups-empty">
          <p>{t('sharedGroups.empty')}</p>
          <p>{t('sharedGroups.emptyHint')}</p>
        </div>
      </div>
      <DialogFooter />
    </>
  )
}

/** Cancel (Close once nothing is pending), then the editor's own buttons. */
export function DialogFooter({ children, closeLabel }: { children?: ReactNode; closeLabel?: string }) {
  const { t } = useUsherContext()
  return (
    <div data-slot="shared-groups-footer" className="usher-shared-groups-footer">
      <Dialog.Close asChild>
        <button type="button" className="usher-button">
          {closeLabel ?? t('common.close')}
        </button>
      </Dialog.Close>
      {children}
    </div>
  )
}
