import { IMPORT_FIELDS, type ImportField, type ParsedImportFile } from '@usher/sdk'
import { useId } from 'react'
import { useUsherContext } from '../../provider/usher-context'
import { cellText } from './cell-text'
import { problemText } from './import-messages'
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
      {file.parsed.sheets.length > 1 ? <SheetChoice wizard={wizard} /> : null}
      <FileProblems parsed={file.parsed} />
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

/** A workbook with several sheets: the first is read, another may be chosen. */
function SheetChoice({ wizard }: { wizard: ImportWizard }) {
  const { t } = useUsherContext()
  const id = useId()
  const file = wizard.file
  if (!file) return null
  return (
    <div className="usher-import-users-option" data-slot="import-users-sheet">
      <label htmlFor={id}>{t('importUsers.map.sheet')}</label>
      <select
        id={id}
        className="usher-select"
        value={file.parsed.sheet ?? ''}
        disabled={wizard.reading}
        onChange={(event) => void wizard.readFile(file.source, event.currentTarget.value)}
      >
        {file.parsed.sheets.map((sheet) => (
          <option key={sheet} value={sheet}>
            {sheet}
          </option>
        ))}
      </select>
    </div>
  )
}

/** The lines the file's structure spoils (an unclosed quote, a wrong number of fields): left out. */
function FileProblems({ parsed }: { parsed: ParsedImportFile }) {
  const { t } = useUsherContext()
  if (parsed.problems.length === 0) return null
  return (
    <section role="alert" className="usher-alert" data-slot="import-users-problems">
      <p>{t('importUsers.file.problemsTitle', { count: parsed.problems.length })}</p>
      <ul>
        {parsed.problems.map((problem) => (
          <li key={`${problem.line}-${problem.code}`}>{problemText(t, problem)}</li>
        ))}
      </ul>
    </section>
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
  const ignored = parsed.headers.filter((_, index) => !mapping[index])
  return (
    <>
      <p>{t('importUsers.map.intro')}</p>
      {ignored.length ? (
        <p role="status" data-slot="import-users-unknown">
          {t('importUsers.map.unknown', {
            count: ignored.length,
            columns: ignored.map((h) => t('importUsers.map.quoted', { header: h })).join(', '),
          })}
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
