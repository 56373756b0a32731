import { ImportOptionsSchema } from '@usher/contract'
import {
  type ApplyMappingOptions,
  applyMapping,
  failedRowsCsv,
  IMPORT_FIELDS,
  type ImportField,
  ImportFileError,
  type MappedImportRow,
  type ParsedImportFile,
  parseImportFile,
  validateImportRows,
} from '@usher/sdk'
import { useMemo, useState } from 'react'
import type * as z from 'zod'
import { useGroups } from '../../hooks/use-groups'
import { useMe } from '../../hooks/use-me'
import { useRoles } from '../../hooks/use-roles'
import { useRunImport } from '../../hooks/use-run-import'
import type { MessageKey } from '../../i18n/types'
import { useUsherContext } from '../../provider/usher-context'

/** The wizard's steps, in order. */
export const IMPORT_STEPS = ['file', 'map', 'preview', 'import', 'summary'] as const
export type ImportStep = (typeof IMPORT_STEPS)[number]

/** The import's options as the dialog holds them: the contract's `ImportOptions`, defaults applied. */
export type ImportOptions = z.output<typeof ImportOptionsSchema>

/** The file as read, with its name. */
export interface ImportFile {
  name: string
  parsed: ParsedImportFile
}

/** One file-check error, as the preview and the rows-to-fix file word it. */
export interface ImportErrorLike {
  code: string
  firstLine?: number
}

/**
 * The import wizard's state: the step, the file read in the browser, the column mapping, the fixes
 * typed in the preview, the options, the check of every row with the contract's row schema, and
 * the run (`useRunImport`) with the rows to fix built once it ends.
 */
export function useImportWizard({
  chunkSize,
  onImported,
}: {
  chunkSize: number | undefined
  onImported: (() => void) | undefined
}) {
  const { t } = useUsherContext()
  const me = useMe()
  const groups = useGroups()
  // Asked for now, so the options' role picker offers the host's roles by the time it shows.
  useRoles()
  const importer = useRunImport()
  const [step, setStep] = useState<ImportStep>('file')
  const [file, setFile] = useState<ImportFile | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [reading, setReading] = useState(false)
  const [mapping, setMapping] = useState<(ImportField | null)[]>([])
  const [edits, setEdits] = useState<Record<number, Record<string, string>>>({})
  const [failedCsv, setFailedCsv] = useState<string | null>(null)
  const [options, setOptions] = useState<ImportOptions>(() => ImportOptionsSchema.parse({}))
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

  const fieldLabel = (path: string) =>
    (IMPORT_FIELDS as readonly string[]).includes(path) ? t(`importUsers.fields.${path}` as MessageKey) : path
  const errorText = (e: ImportErrorLike) =>
    e.code === 'duplicate' && e.firstLine
      ? t('importUsers.preview.duplicate', { line: e.firstLine })
      : t(`errors.fields.${e.code}` as MessageKey)

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

  const fix = (line: number, path: string, value: string) =>
    setEdits((all) => ({ ...all, [line]: { ...all[line], [path]: value } }))

  const startOver = () => {
    importer.reset()
    setFile(null)
    setFailedCsv(null)
    setStep('file')
  }

  return {
    step,
    setStep,
    canImport,
    rowLimit,
    reading,
    fileError,
    file,
    mapping,
    setMapping,
    mapped,
    validation,
    options,
    setOptions,
    groups: groupList ?? [],
    importer,
    failedCsv,
    fieldLabel,
    errorText,
    readFile,
    fix,
    startImport,
    startOver,
  }
}

export type ImportWizard = ReturnType<typeof useImportWizard>
