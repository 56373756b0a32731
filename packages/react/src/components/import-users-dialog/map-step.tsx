import { IMPORT_FIELDS, type ImportField, type ParsedImportFile } from '@usher/sdk'
import { useUsherContext } from '../../provider/usher-context'
import { cellText } from './cell-text'
import type { ImportWizard } from './use-import-wizard'
import { WizardFooter } from './wizard-footer'

/** The fields a row cannot do without (a full name stands for the first name). */
const REQUIRED: ImportField[] = ['email', 'firstName']

/** Step 2: which field each column of the file fills (recognised in English or French). */
export function MapStep({ wizard }: { wizard: ImportWizard }) {
  const { t } = useUsherContext()
  const { file, mapping } = wizard
  if (!file) return null
  const missing = REQUIRED.filter(
    (f) => !mapping.includes(f) && !(f === 'firstName' && mapping.includes('fullName')),
  )
  return (
    <>
      <ColumnMapping parsed={file.parsed} mapping={mapping} onChange={wizard.setMapping} />
      {missing.length ? (
        <p role="alert" className="usher-alert" data-slot="import-users-missing">
          {t('importUsers.map.missing', {
            fields: missing.map((f) => t(`importUsers.fields.${f}`)).join(', '),
          })}
        </p>
      ) : null}
      <WizardFooter>
        <button type="button" className="usher-button" onClick={() => wizard.setStep('file')}>
          {t('importUsers.actions.back')}
        </button>
        <button
          type="button"
          className="usher-button"
          data-variant="primary"
          disabled={missing.length > 0}
          onClick={() => wizard.setStep('preview')}
        >
          {t('importUsers.actions.next')}
        </button>
      </WizardFooter>
    </>
  )
}

/** Which field each column of the file fills. */
function ColumnMapping({
  parsed,
  mapping,
  onChange,
}: {
  parsed: ParsedImportFile
  mapping: (ImportField | null)[]
  onChange: (mapping: (ImportField | null)[]) => void
}) {
  const { t } = useUsherContext()
  const unknown = mapping.filter((f) => f === null).length
  return (
    <>
      <p>{t('importUsers.map.intro')}</p>
      {unknown ? (
        <p role="status" data-slot="import-users-unknown">
          {t('importUsers.map.unknown', { count: unknown })}
        </p>
      ) : null}
      <table data-slot="import-users-mapping" className="usher-import-users-table">
        <thead>
          <tr>
            <th scope="col">{t('importUsers.map.column')}</th>
            <th scope="col">{t('importUsers.map.example')}</th>
            <th scope="col">{t('importUsers.map.field')}</th>
          </tr>
        </thead>
        <tbody>
          {parsed.headers.map((header, index) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: a column is its position (headers may repeat, columns never move).
            <tr key={index} data-state={mapping[index] ? 'mapped' : 'ignored'}>
              <th scope="row">{header}</th>
              <td>{cellText(parsed.rows[0]?.cells[index])}</td>
              <td>
                <select
                  className="usher-select"
                  aria-label={t('importUsers.map.selectLabel', { header })}
                  value={mapping[index] ?? ''}
                  onChange={(event) => {
                    const next = [...mapping]
                    next[index] = (event.currentTarget.value || null) as ImportField | null
                    onChange(next)
                  }}
                >
                  <option value="">{t('importUsers.map.ignore')}</option>
                  {IMPORT_FIELDS.map((field) => (
                    <option key={field} value={field}>
                      {t(`importUsers.fields.${field}`)}
                    </option>
                  ))}
                </select>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  )
}
