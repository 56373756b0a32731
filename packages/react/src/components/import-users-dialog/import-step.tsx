import { useUsherContext } from '../../provider/usher-context'
import type { ImportWizard } from './use-import-wizard'
import { WizardFooter } from './wizard-footer'

/** Step 4: the rows sent so far, and a cancel that lets the chunk under way finish. */
export function ImportStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useUsherContext()
  const { importer } = wizard
  const running = importer.state.status === 'running' ? importer.state : null
  const processed = running?.progress?.processedRows ?? 0
  const total = wizard.validation.validCount
  return (
    <>
      <div data-slot="import-users-progress" className="usher-import-users-progress">
        <progress
          aria-label={t('importUsers.progress.label')}
          max={total}
          value={processed}
          className="usher-import-users-progress-bar"
        />
        <p role="status">
          {running?.cancelling
            ? t('importUsers.progress.cancelling')
            : t('importUsers.progress.status', { processed, count: total })}
        </p>
      </div>
      <WizardFooter>
        <button
          type="button"
          className="usher-button"
          data-variant="danger"
          disabled={!running || running.cancelling}
          onClick={importer.cancel}
        >
          {t('importUsers.actions.cancel')}
        </button>
      </WizardFooter>
    </>
  )
}
