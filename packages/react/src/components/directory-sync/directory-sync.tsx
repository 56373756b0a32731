import { type ComponentProps, useId, useState } from 'react'
import { usePermission } from '../../hooks/use-me'
import { cn } from '../../lib/cn'
import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { CopyField } from '../../ui/copy-field'
import { NoticeBar } from '../../ui/notice-bar'
import { TokensPanel } from '../../ui/tokens-panel'
import { DirectorySyncRequests } from './directory-sync-requests'
import { DirectorySyncSettingsForm } from './directory-sync-settings'
import { useDirectorySync } from './use-directory-sync'

export interface DirectorySyncProps extends Omit<ComponentProps<'section'>, 'children'> {
  /**
   * The absolute URL the Usher API is mounted at, as a directory reaches it: the endpoint shown to
   * copy is this URL followed by `/scim/v2`. Without it the panel shows the path alone.
   * @example 'https://app.example.com/api/usher'
   */
  apiUrl?: string
}

/**
 * Directory sync for the owner, alone: the SCIM endpoint to paste in Entra ID or Okta, the
 * tokens (create — the secret shown once —, name, revoke, last use), the default role, what a
 * deletion in the directory does, whether new people get an invitation email, and the
 * directory's last requests with the reason of each refusal.
 * @example <DirectorySync apiUrl={`${window.location.origin}/api/usher`} />
 */
export function DirectorySync({ apiUrl, className, ...props }: DirectorySyncProps) {
  const { t } = useUsherContext()
  const titleId = useId()
  const canManage = usePermission('organization:manage')
  const sync = useDirectorySync({ enabled: canManage })
  const [notice, setNotice] = useState<string | null>(null)
  const { overview } = sync
  const state = !sync.available
    ? 'unavailable'
    : !canManage
      ? 'forbidden'
      : overview.isError
        ? 'error'
        : overview.data
          ? 'ready'
          : 'loading'

  return (
    <section
      data-slot="directory-sync"
      data-state={state}
      aria-labelledby={titleId}
      className={cn('usher-directory-sync', className)}
      {...props}
    >
      <h2 id={titleId}>{t('directorySync.title')}</h2>
      <p>{t('directorySync.intro')}</p>
      {state === 'unavailable' ? (
        <p role="note">{t('directorySync.unavailable')}</p>
      ) : state === 'forbidden' ? (
        <p role="note">{t('directorySync.ownerOnly')}</p>
      ) : state === 'error' ? (
        <div role="alert" className="usher-alert">
          <p>{errorMessage(t, overview.error)}</p>
          <button type="button" className="usher-button" onClick={() => void overview.refetch()}>
            {t('common.retry')}
          </button>
        </div>
      ) : !overview.data ? (
        <p role="status">{t('common.loading')}</p>
      ) : (
        <>
          <NoticeBar
            notice={notice ? { tone: 'success', text: notice } : null}
            onDismiss={() => setNotice(null)}
            dismissLabel={t('common.close')}
            slot="directory-sync"
          />
          <section
            data-slot="directory-sync-endpoint"
            className="usher-directory-sync-section"
            aria-label={t('directorySync.endpoint.title')}
          >
            <h3>{t('directorySync.endpoint.title')}</h3>
            <CopyField
              slot="directory-sync-endpoint-field"
              label={t('directorySync.endpoint.label')}
              hint={t('directorySync.endpoint.hint')}
              value={`${(apiUrl ?? '').replace(/\/$/, '')}${overview.data.scimPath}`}
              copyLabel={t('directorySync.endpoint.copy')}
            />
            <p>{t('directorySync.endpoint.provisioned', { count: overview.data.provisionedPeople })}</p>
          </section>
          <TokensPanel
            tokens={overview.data.tokens}
            createToken={sync.createToken}
            revokeToken={sync.revokeToken}
            onNotice={setNotice}
            messages="directorySync.tokens"
            slot="directory-sync"
            className="usher-directory-sync-section"
          />
          <DirectorySyncSettingsForm sync={sync} settings={overview.data.settings} onNotice={setNotice} />
          <DirectorySyncRequests />
        </>
      )}
    </section>
  )
}
