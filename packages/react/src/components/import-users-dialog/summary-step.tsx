import { useUsherContext } from '../../provider/usher-context'
import { dataUrl } from './cell-text'
import type { ImportWizard } from './use-import-wizard'
import { WizardFooter } from './wizard-footer'

/** Step 5: what was created, updated, skipped or failed, and the rows to fix as a CSV file. */
export function SummaryStep({ wizard, onClose }: { wizard: ImportWizard; onClose: () => void }) {
  const { t } = useUsherContext()
  const { importer, options, file, failedCsv } = wizard
  const state = importer.state
  const result = state.status === 'done' ? state.result : null
  const counts = result?.counts
  const notSent = wizard.validation.invalidCount
  const rows: Array<[string, number]> = counts
    ? options.dryRun
      ? [
          [t('importUsers.summary.valid'), counts.valid],
          [t('importUsers.summary.failed'), counts.failed],
        ]
      : [
          [t('importUsers.summary.created'), counts.created],
          [t('importUsers.summary.updated'), counts.updated],
          [t('importUsers.summary.skipped'), counts.skipped],
          [t('importUsers.summary.failed'), counts.failed],
        ]
    : []
  if (notSent) rows.push([t('importUsers.summary.notSent'), notSent])
  return (
    <>
      <p role={result ? 'status' : 'alert'} className={result ? undefined : 'usher-alert'}>
        {!result
          ? t('importUsers.summary.failedRequest')
          : result.cancelled
            ? t('importUsers.summary.cancelled')
            : options.dryRun
              ? t('importUsers.summary.dryRunDone')
              : t('importUsers.summary.done')}
      </p>
      <dl data-slot="import-users-summary" className="usher-import-users-summary">
        {rows.map(([label, value]) => (
          <div key={label} className="usher-import-users-summary-item">
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      {wizard.refusals.length ? (
        <section data-slot="import-users-refusals" aria-labelledby="usher-import-refusals-title">
          <h3 id="usher-import-refusals-title" className="usher-import-users-subtitle">
            {t('importUsers.summary.refusalsTitle')}
          </h3>
          <ul className="usher-import-users-error-list">
            {wizard.refusals.slice(0, 50).map((r) => (
              <li key={r.line} data-slot="import-users-refusal" data-status={r.status}>
                {r.errors.map((e) => (
                  <div key={`${e.path}-${e.code}`} className="usher-field-error">
                    {t('importUsers.preview.errorAt', {
                      line: r.line,
                      field: wizard.fieldLabel(e.path),
                      message: wizard.errorText(e),
                    })}
                  </div>
                ))}
              </li>
            ))}
          </ul>
        </section>
      ) : null}
      {failedCsv ? (
        <a
          className="usher-button"
          href={dataUrl(failedCsv, 'csv')}
          download={`${file?.name.replace(/\.[^.]+$/, '') ?? 'import'}-to-fix.csv`}
          data-slot="import-users-failed-download"
        >
          {t('importUsers.summary.downloadFailed')}
        </a>
      ) : null}
      <WizardFooter>
        <button type="button" className="usher-button" onClick={wizard.startOver}>
          {t('importUsers.actions.again')}
        </button>
        <button type="button" className="usher-button" data-variant="primary" onClick={onClose}>
          {t('importUsers.actions.close')}
        </button>
      </WizardFooter>
    </>
  )
}
