import { BUILT_IN_ROLES, canAssignRole } from '@usher/contract/rules'
import {
  type ApplyMappingOptions,
  applyMapping,
  failedRowsCsv,
  IMPORT_FIELDS,
  type ImportField,
  ImportFileError,
  type ImportFormat,
  type MappedImportRow,
  type ParsedImportFile,
  parseImportFile,
  sampleImportFile,
  validateImportRows,
} from '@usher/sdk'
import { Dialog } from 'radix-ui'
import { type DragEvent, type ReactNode, useId, useMemo, useState } from 'react'
import { useGroups } from '../../hooks/use-groups'
import { useMe } from '../../hooks/use-me'
import { useRunImport } from '../../hooks/use-run-import'
import type { MessageKey } from '../../i18n/types'
import { useUsherContext } from '../../provider/usher-context'
import { DialogFrame } from '../../ui/dialog-frame'

export interface ImportUsersDialogProps {
  /** Controlled open state (with `onOpenChange`). */
  open?: boolean
  /** @default false */
  defaultOpen?: boolean
  onOpenChange?(open: boolean): void
  /** The element that opens the dialog (Radix trigger, `asChild`). */
  trigger?: ReactNode
  /** After an import (not a dry run) finished or was cancelled. */
  onImported?(): void
  /** Rows per request. @default 500 */
  chunkSize?: number
  className?: string
}

type Step = 'file' | 'map' | 'preview' | 'import' | 'summary'
const STEPS: Step[] = ['file', 'map', 'preview', 'import', 'summary']
const REQUIRED: ImportField[] = ['email', 'firstName']
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

/**
 * Bulk import from a CSV or JSON file (issue 7, seed 003): choose a file (or drop it; sample
 * files offered), check the column mapping (automatic, in English or French), check the rows
 * (errors by line, simple ones fixed in place), import with progress and cancel, then a summary
 * with the rows to fix downloadable as CSV. Parsing and checks run in the browser with the
 * contract's own row schema, so only valid rows are sent.
 * @example <ImportUsersDialog trigger={<button type="button">Import</button>} />
 */
export function ImportUsersDialog({
  open,
  defaultOpen = false,
  onOpenChange,
  trigger,
  onImported,
  chunkSize,
  className,
}: ImportUsersDialogProps) {
  return (
    <DialogFrame
      slot="import-users"
      panelClassName="usher-import-users"
      className={className}
      open={open}
      defaultOpen={defaultOpen}
      onOpenChange={onOpenChange}
      trigger={trigger}
    >
      {(close) => <ImportUsersContent chunkSize={chunkSize} onImported={onImported} onClose={close} />}
    </DialogFrame>
  )
}

interface Options {
  dryRun: boolean
  defaultRole: string
  targetGroupId: string | null
  sendInvitations: boolean
  updateExisting: boolean
}

function dataUrl(text: string, format: ImportFormat) {
  const type = format === 'json' ? 'application/json' : 'text/csv'
  return `data:${type};charset=utf-8,${encodeURIComponent(text)}`
}

function ImportUsersContent({
  chunkSize,
  onImported,
  onClose,
}: {
  chunkSize: number | undefined
  onImported: (() => void) | undefined
  onClose: () => void
}) {
  const { t } = useUsherContext()
  const me = useMe()
  const groups = useGroups()
  const importer = useRunImport()
  const [step, setStep] = useState<Step>('file')
  const [file, setFile] = useState<{ name: string; parsed: ParsedImportFile } | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [reading, setReading] = useState(false)
  const [mapping, setMapping] = useState<(ImportField | null)[]>([])
  const [edits, setEdits] = useState<Record<number, Record<string, string>>>({})
  const [failedCsv, setFailedCsv] = useState<string | null>(null)
  const [options, setOptions] = useState<Options>({
    dryRun: false,
    defaultRole: 'technician',
    targetGroupId: null,
    sendInvitations: true,
    updateExisting: false,
  })
  const settings = me.data?.organization.settings
  const rowLimit = settings?.importRowLimit ?? 10_000
  const canImport = me.data?.permissions.includes('imports:run') ?? true

  const groupList = groups.data
  const mapped = useMemo<MappedImportRow[]>(() => {
    if (!file) return []
    const mapOptions: ApplyMappingOptions = groupList ? { groups: groupList } : {}
    return applyMapping(file.parsed, mapping, mapOptions).map((row) =>
      edits[row.line] ? { ...row, fields: { ...row.fields, ...edits[row.line] } } : row,
    )
  }, [file, mapping, edits, groupList])
  const validation = useMemo(
    () => validateImportRows(mapped, { refusedMailboxes: settings?.refusedMailboxes }),
    [mapped, settings?.refusedMailboxes],
  )

  const readFile = async (picked: File) => {
    setReading(true)
    setFileError(null)
    try {
      const parsed = await parseImportFile(picked)
      if (parsed.rows.length === 0) setFileError(t('importUsers.file.errors.no_rows'))
      else if (parsed.rows.length > rowLimit)
        setFileError(t('importUsers.file.errors.too_many', { count: rowLimit }))
      else {
        setFile({ name: picked.name, parsed })
        setMapping(parsed.mapping)
        setEdits({})
        setStep('map')
      }
    } catch (error) {
      const code = error instanceof ImportFileError ? error.code : 'unreadable'
      setFileError(t(`importUsers.file.errors.${code}` as MessageKey))
    } finally {
      setReading(false)
    }
  }

  const startImport = async () => {
    if (!file) return
    setStep('import')
    const result = await importer.start({
      rows: validation.valid,
      fileName: file.name,
      format: file.parsed.format,
      options,
      ...(chunkSize ? { chunkSize } : {}),
    })
    // Rows to fix: those the file check refused, then those the server failed.
    const byLine = new Map(file.parsed.rows.map((r) => [r.line, r]))
    const failed: Array<{ line: number; cells: readonly unknown[]; error: string }> = []
    for (const check of validation.rows) {
      if (check.errors.length === 0) continue
      failed.push({
        line: check.line,
        cells: byLine.get(check.line)?.cells ?? [],
        error: check.errors.map((e) => `${fieldLabel(e.path)}: ${errorText(e)}`).join('; '),
      })
    }
    for (const r of result?.results ?? []) {
      if (r.status !== 'failed') continue
      failed.push({
        line: r.line,
        cells: byLine.get(r.line)?.cells ?? [],
        error: r.error ? t(`errors.codes.${r.error.code}` as MessageKey) : '',
      })
    }
    failed.sort((a, b) => a.line - b.line)
    setFailedCsv(
      failed.length
        ? await failedRowsCsv({
            headers: file.parsed.headers,
            rows: failed,
            delimiter: file.parsed.delimiter ?? ',',
            errorHeader: t('importUsers.summary.errorColumn'),
            lineHeader: t('importUsers.summary.lineColumn'),
          })
        : null,
    )
    setStep('summary')
    if (result && !options.dryRun) onImported?.()
  }

  const fieldLabel = (path: string) =>
    (IMPORT_FIELDS as readonly string[]).includes(path) ? t(`importUsers.fields.${path}` as MessageKey) : path
  const errorText = (e: { code: string; firstLine?: number }) =>
    e.code === 'duplicate' && e.firstLine
      ? t('importUsers.preview.duplicate', { line: e.firstLine })
      : t(`errors.fields.${e.code}` as MessageKey)

  const stepIndex = STEPS.indexOf(step)
  let body: ReactNode
  if (!canImport) {
    body = (
      <p role="alert" className="usher-alert">
        {t('importUsers.forbidden')}
      </p>
    )
  } else if (step === 'file') {
    body = <FileStep reading={reading} error={fileError} rowLimit={rowLimit} onFile={readFile} />
  } else if (step === 'map' && file) {
    const missing = REQUIRED.filter(
      (f) => !mapping.includes(f) && !(f === 'firstName' && mapping.includes('fullName')),
    )
    body = (
      <>
        <MapStep parsed={file.parsed} mapping={mapping} onChange={setMapping} />
        {missing.length ? (
          <p role="alert" className="usher-alert" data-slot="import-users-missing">
            {t('importUsers.map.missing', {
              fields: missing.map((f) => t(`importUsers.fields.${f}`)).join(', '),
            })}
          </p>
        ) : null}
        <Footer>
          <button type="button" className="usher-button" onClick={() => setStep('file')}>
            {t('importUsers.actions.back')}
          </button>
          <button
            type="button"
            className="usher-button"
            data-variant="primary"
            disabled={missing.length > 0}
            onClick={() => setStep('preview')}
          >
            {t('importUsers.actions.next')}
          </button>
        </Footer>
      </>
    )
  } else if (step === 'preview' && file) {
    const invalid = validation.rows.filter((r) => r.errors.length > 0)
    body = (
      <>
        <p role="status" data-slot="import-users-counts">
          {invalid.length === 0
            ? t('importUsers.preview.allValid', { count: validation.validCount })
            : t('importUsers.preview.counts', { valid: validation.validCount, invalid: invalid.length })}
        </p>
        <PreviewTable rows={mapped.slice(0, PREVIEW_ROWS)} mapping={mapping} fieldLabel={fieldLabel} />
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
                    <div key={`${e.path}-${e.code}`} className="usher-import-users-error">
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
                          onCommit={(value) =>
                            setEdits((all) => ({ ...all, [row.line]: { ...all[row.line], [e.path]: value } }))
                          }
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
        <OptionsFields options={options} onChange={setOptions} groups={groupList ?? []} />
        <Footer>
          <button type="button" className="usher-button" onClick={() => setStep('map')}>
            {t('importUsers.actions.back')}
          </button>
          <button
            type="button"
            className="usher-button"
            data-variant="primary"
            disabled={validation.validCount === 0}
            onClick={() => void startImport()}
          >
            {options.dryRun
              ? t('importUsers.actions.check', { count: validation.validCount })
              : t('importUsers.actions.import', { count: validation.validCount })}
          </button>
        </Footer>
      </>
    )
  } else if (step === 'import') {
    const running = importer.state.status === 'running' ? importer.state : null
    const processed = running?.progress?.processedRows ?? 0
    const total = validation.validCount
    body = (
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
              : t('importUsers.progress.status', { processed, total })}
          </p>
        </div>
        <Footer>
          <button
            type="button"
            className="usher-button"
            data-variant="danger"
            disabled={!running || running.cancelling}
            onClick={importer.cancel}
          >
            {t('importUsers.actions.cancel')}
          </button>
        </Footer>
      </>
    )
  } else {
    const state = importer.state
    const result = state.status === 'done' ? state.result : null
    const counts = result?.counts
    const notSent = validation.invalidCount
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
    body = (
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
        <Footer>
          <button
            type="button"
            className="usher-button"
            onClick={() => {
              importer.reset()
              setFile(null)
              setFailedCsv(null)
              setStep('file')
            }}
          >
            {t('importUsers.actions.again')}
          </button>
          <button type="button" className="usher-button" data-variant="primary" onClick={onClose}>
            {t('importUsers.actions.close')}
          </button>
        </Footer>
      </>
    )
  }

  return (
    <>
      <div data-slot="import-users-header" className="usher-import-users-header">
        <Dialog.Title data-slot="import-users-title" className="usher-import-users-title">
          {t('importUsers.title')}
        </Dialog.Title>
        <Dialog.Description data-slot="import-users-description" className="usher-import-users-description">
          {t('importUsers.description')}
        </Dialog.Description>
        <ol
          aria-label={t('importUsers.steps.label')}
          data-slot="import-users-steps"
          className="usher-import-users-steps"
        >
          {STEPS.map((s, i) => (
            <li
              key={s}
              data-state={i < stepIndex ? 'done' : i === stepIndex ? 'current' : 'todo'}
              aria-current={i === stepIndex ? 'step' : undefined}
            >
              {t(`importUsers.steps.${s}`)}
            </li>
          ))}
        </ol>
      </div>
      <div data-slot="import-users-body" data-step={step} className="usher-import-users-body">
        {body}
      </div>
    </>
  )
}

function Footer({ children }: { children: ReactNode }) {
  return (
    <div data-slot="import-users-footer" className="usher-import-users-footer">
      {children}
    </div>
  )
}

function FileStep({
  reading,
  error,
  rowLimit,
  onFile,
}: {
  reading: boolean
  error: string | null
  rowLimit: number
  onFile: (file: File) => void
}) {
  const { t, locale } = useUsherContext()
  const inputId = useId()
  const hintId = useId()
  const [dragging, setDragging] = useState(false)
  const onDrop = (event: DragEvent) => {
    event.preventDefault()
    setDragging(false)
    const dropped = event.dataTransfer.files[0]
    if (dropped) onFile(dropped)
  }
  const samples: Array<[MessageKey, ImportFormat, 'en' | 'fr']> = [
    ['importUsers.file.sampleCsv', 'csv', 'en'],
    ['importUsers.file.sampleCsvFr', 'csv', 'fr'],
    ['importUsers.file.sampleJson', 'json', 'en'],
    ['importUsers.file.sampleJsonFr', 'json', 'fr'],
  ]
  return (
    <>
      {/* Dropping is a shortcut; the file input inside is the keyboard and screen-reader path. */}
      <fieldset
        data-slot="import-users-dropzone"
        data-state={dragging ? 'dragging' : 'idle'}
        className="usher-import-users-dropzone"
        onDragOver={(event) => {
          event.preventDefault()
          setDragging(true)
        }}
        onDragLeave={() => setDragging(false)}
        onDrop={onDrop}
      >
        <legend className="usher-import-users-drop-text">{t('importUsers.file.drop')}</legend>
        <label htmlFor={inputId} className="usher-button" data-variant="primary">
          {t('importUsers.file.choose')}
        </label>
        <input
          id={inputId}
          type="file"
          className="usher-visually-hidden"
          accept=".csv,.tsv,.txt,.json,text/csv,application/json"
          aria-describedby={hintId}
          onChange={(event) => {
            const picked = event.currentTarget.files?.[0]
            if (picked) onFile(picked)
            event.currentTarget.value = ''
          }}
        />
        <p id={hintId} className="usher-import-users-hint">
          {t('importUsers.file.hint', { limit: rowLimit.toLocaleString(locale) })}
        </p>
      </fieldset>
      {reading ? <p role="status">{t('importUsers.file.reading')}</p> : null}
      {error ? (
        <p role="alert" className="usher-alert" data-slot="import-users-file-error">
          {error}
        </p>
      ) : null}
      <section aria-labelledby="usher-import-samples" data-slot="import-users-samples">
        <h3 id="usher-import-samples" className="usher-import-users-subtitle">
          {t('importUsers.file.samples')}
        </h3>
        <ul className="usher-import-users-samples">
          {samples.map(([label, format, sampleLocale]) => (
            <li key={label}>
              <a
                href={dataUrl(sampleImportFile({ format, locale: sampleLocale }), format)}
                download={`usher-import-sample-${sampleLocale}.${format}`}
              >
                {t(label)}
              </a>
            </li>
          ))}
        </ul>
      </section>
    </>
  )
}

function MapStep({
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

function cellText(value: unknown): string {
  if (value === null || value === undefined) return ''
  if (Array.isArray(value)) return value.join(', ')
  return String(value)
}

function PreviewTable({
  rows,
  mapping,
  fieldLabel,
}: {
  rows: MappedImportRow[]
  mapping: (ImportField | null)[]
  fieldLabel: (field: string) => string
}) {
  const { t } = useUsherContext()
  const fields = [...new Set(mapping.filter((f): f is ImportField => f !== null && f !== 'password'))].map(
    (f) => (f === 'fullName' ? 'firstName' : f),
  )
  const columns = [...new Set(fields)]
  return (
    <table data-slot="import-users-preview" className="usher-import-users-table">
      <caption>{t('importUsers.preview.firstRows')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('importUsers.preview.line')}</th>
          {columns.map((f) => (
            <th key={f} scope="col">
              {fieldLabel(f)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.line}>
            <th scope="row">{row.line}</th>
            {columns.map((f) => (
              <td key={f}>{cellText(row.fields[f])}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  )
}

function FixInput({
  line,
  label,
  value,
  onCommit,
}: {
  line: number
  label: string
  value: string
  onCommit: (value: string) => void
}) {
  const [draft, setDraft] = useState(value)
  // Committed on blur or Enter: re-checking every row on each keystroke would move the list
  // (a fixed row leaves it) under the cursor.
  return (
    <input
      className="usher-input"
      data-line={line}
      aria-label={label}
      value={draft}
      onChange={(event) => setDraft(event.currentTarget.value)}
      onBlur={() => draft !== value && onCommit(draft)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault()
          if (draft !== value) onCommit(draft)
        }
      }}
    />
  )
}

function OptionsFields({
  options,
  onChange,
  groups,
}: {
  options: Options
  onChange: (options: Options) => void
  groups: ReadonlyArray<{ id: string; name: string }>
}) {
  const { t } = useUsherContext()
  const roleId = useId()
  // The roles the viewer may give (the server refuses the others row by row), lowest first.
  const viewerRole = useMe().data?.user.role
  const assignable = BUILT_IN_ROLES.filter((role) => viewerRole && canAssignRole(viewerRole, role)).reverse()
  const groupId = useId()
  const check = (key: 'dryRun' | 'sendInvitations' | 'updateExisting', label: MessageKey) => (
    <label className="usher-import-users-check">
      <input
        type="checkbox"
        checked={options[key]}
        onChange={(event) => onChange({ ...options, [key]: event.currentTarget.checked })}
      />
      {t(label)}
    </label>
  )
  return (
    <fieldset data-slot="import-users-options" className="usher-import-users-options">
      <legend>{t('importUsers.options.legend')}</legend>
      {check('dryRun', 'importUsers.options.dryRun')}
      <div className="usher-import-users-option">
        <label htmlFor={roleId}>{t('importUsers.options.defaultRole')}</label>
        <select
          id={roleId}
          className="usher-select"
          value={options.defaultRole}
          onChange={(event) => onChange({ ...options, defaultRole: event.currentTarget.value })}
        >
          {assignable.map((role) => (
            <option key={role} value={role}>
              {t(`roles.${role}`)}
            </option>
          ))}
        </select>
      </div>
      <div className="usher-import-users-option">
        <label htmlFor={groupId}>{t('importUsers.options.targetGroup')}</label>
        <select
          id={groupId}
          className="usher-select"
          value={options.targetGroupId ?? ''}
          onChange={(event) => onChange({ ...options, targetGroupId: event.currentTarget.value || null })}
        >
          <option value="">{t('importUsers.options.noGroup')}</option>
          {groups.map((g) => (
            <option key={g.id} value={g.id}>
              {g.name}
            </option>
          ))}
        </select>
      </div>
      {/* Rows with a password are created active and get no invitation; the option is for the others. */}
      {check('sendInvitations', 'importUsers.options.sendInvitations')}
      {check('updateExisting', 'importUsers.options.updateExisting')}
    </fieldset>
  )
}
