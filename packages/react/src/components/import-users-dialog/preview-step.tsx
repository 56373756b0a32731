import { useUsherContext } from '../../provider/usher-context'
import { FixInput } from './fix-input'
import { ImportOptionsFields } from './import-options-fields'
import { PreviewTable } from './preview-table'
import type { ImportWizard } from './use-import-wizard'
import { WizardFooter } from './wizard-footer'

const PREVIEW_ROWS = 5
const ERROR_ROWS = 50
/** Fields an administrator can fix in a text box (the others are fixed in the spreadsheet). */
const FIXABLE = new Set<string>([
  'email',
  'firstName',
  'lastName',
  'phone',
  'mobile',
  'nickname',
  'jobTitle',
  'department',
])

/** Step 3: valid and invalid counts, the first rows, each error by line (simple ones fixed here), the options. */
export function PreviewStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useUsherContext()
  const { validation, mapped, mapping, options, fieldLabel, errorText } = wizard
  const invalid = validation.rows.filter((r) => r.errors.length > 0)
  const disabled = validation.valid.filter((row) => row.enabled === false).length
  const missingGroups = validation.unknownGroups
  return (
    <>
      <p role="status" data-slot="import-users-counts">
        {invalid.length === 0
          ? t('importUsers.preview.allValid', { count: validation.validCount })
          : t('importUsers.preview.counts', {
              count: validation.validCount,
              invalid: t('importUsers.preview.withErrors', { count: invalid.length }),
            })}
        {disabled ? ` ${t('importUsers.preview.disabledCount', { count: disabled })}` : null}
      </p>
      <PreviewTable
        rows={mapped.slice(0, PREVIEW_ROWS)}
        mapping={mapping}
        fieldLabel={fieldLabel}
        groups={wizard.groups}
      />
      {missingGroups.length ? (
        <section data-slot="import-users-missing-groups" className="usher-import-users-missing-groups">
          <p>
            {t('importUsers.preview.missingGroups', {
              count: missingGroups.length,
              names: missingGroups.map((name) => t('importUsers.map.quoted', { header: name })).join(', '),
            })}
          </p>
          {wizard.canManageGroups ? (
            <button
              type="button"
              className="usher-button"
              disabled={wizard.creatingGroups}
              aria-busy={wizard.creatingGroups}
              onClick={() => void wizard.createMissingGroups()}
            >
              {t('importUsers.preview.createGroups', { count: missingGroups.length })}
            </button>
          ) : null}
        </section>
      ) : null}
      {invalid.length ? (
        <section data-slot="import-users-errors" aria-labelledby="usher-import-errors-title">
          <h3 id="usher-import-errors-title" className="usher-import-users-subtitle">
            {t('importUsers.preview.errorsTitle')}
          </h3>
          <p className="usher-import-users-hint">{t('importUsers.preview.errorsHint')}</p>
          <ul className="usher-import-users-error-list">
            {invalid.slice(0, ERROR_ROWS).map((row) => (
              <li key={row.line} data-slot="import-users-error-row">
                {row.errors.map((e) => (
                  <div key={`${e.path}-${e.code}-${e.value ?? ''}`} className="usher-import-users-error">
                    <span className="usher-field-error">
                      {t('importUsers.preview.errorAt', {
                        line: row.line,
                        field: fieldLabel(e.path),
                        message: errorText(e),
                      })}
                    </span>
                    {FIXABLE.has(e.path) ? (
                      <FixInput
                        line={row.line}
                        label={t('importUsers.preview.fixLabel', {
                          line: row.line,
                          field: fieldLabel(e.path),
                        })}
                        value={String(row.fields[e.path] ?? '')}
                        onCommit={(value) => wizard.fix(row.line, e.path, value)}
                      />
                    ) : null}
                  </div>
                ))}
              </li>
            ))}
          </ul>
          {invalid.length > ERROR_ROWS ? (
            <p>{t('importUsers.preview.moreErrors', { count: invalid.length - ERROR_ROWS })}</p>
          ) : null}
        </section>
      ) : null}
      <ImportOptionsFields options={options} onChange={wizard.setOptions} groups={wizard.groups} />
      <WizardFooter>
        <button type="button" className="usher-button" onClick={() => wizard.setStep('map')}>
          {t('importUsers.actions.back')}
        </button>
        <button
          type="button"
          className="usher-button"
          data-variant="primary"
          disabled={validation.validCount === 0}
          onClick={() => void wizard.startImport()}
        >
          {options.dryRun
            ? t('importUsers.actions.check', { count: validation.validCount })
            : t('importUsers.actions.import', { count: validation.validCount })}
        </button>
      </WizardFooter>
    </>
  )
}
