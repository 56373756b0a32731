import { ImportOptionsSchema, type ImportRowResult } from '@usher/contract'
import {
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
import { useCreateGroup } from '../../hooks/use-group-mutations'
import { useGroups } from '../../hooks/use-groups'
import { useMe } from '../../hooks/use-me'
import { useRoleCatalog } from '../../hooks/use-role-catalog'
import { useRunImport } from '../../hooks/use-run-import'
import type { MessageKey } from '../../i18n/types'
import { useUsherContext } from '../../provider/usher-context'
import { columnOfPath, type RowErrorLike, rowErrorText } from './import-messages'

/** The wizard's steps, in order. */
export const IMPORT_STEPS = ['file', 'map', 'preview', 'import', 'summary'] as const
export type ImportStep = (typeof IMPORT_STEPS)[number]

/** The import's options as the dialog holds them: the contract's `ImportOptions`, defaults applied. */
export type ImportOptions = z.output<typeof ImportOptionsSchema>

/** The file as read, with its name (and the picked file, to read another sheet of a workbook). */
export interface ImportFile {
  name: string
  parsed: ParsedImportFile
  source: File
}

/** One file-check error, as the preview and the rows-to-fix file word it. */
export type ImportErrorLike = RowErrorLike

/** A row the server refused or skipped, with the field of each reason. */
export interface ServerRefusal {
  line: number
  status: ImportRowResult['status']
  errors: RowErrorLike[]
}

/** The server's answer for a row as field errors: its own, or its code on the email. */
function refusalOf(result: ImportRowResult): ServerRefusal | null {
  if (!result.error || (result.status !== 'failed' && result.status !== 'skipped')) return null
  const fieldErrors = result.error.errors ?? []
  const errors = fieldErrors.length
    ? fieldErrors.map((e) => ({ path: columnOfPath(e.path), code: e.code }))
    : [{ path: 'email', code: result.error.code }]
  return { line: result.line, status: result.status, errors }
}

/**
 * The import wizard's state: the step, the file read in the browser (a workbook's sheet chosen),
 * the column mapping, the fixes typed in the preview, the options, the check of every row with the
 * contract's row schema and the organization's roles and groups, the groups it names that do not
 * exist (to create), and the run (`useRunImport`) with the server's refusals and the rows to fix.
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
  const catalog = useRoleCatalog()
  const createGroup = useCreateGroup()
  const importer = useRunImport()
  const [step, setStep] = useState<ImportStep>('file')
  const [file, setFile] = useState<ImportFile | null>(null)
  const [fileError, setFileError] = useState<string | null>(null)
  const [reading, setReading] = useState(false)
  const [mapping, setMapping] = useState<(ImportField | null)[]>([])
  const [edits, setEdits] = useState<Record<number, Record<string, string>>>({})
  const [failedCsv, setFailedCsv] = useState<string | null>(null)
  const [refusals, setRefusals] = useState<ServerRefusal[]>([])
  const [creatingGroups, setCreatingGroups] = useState(false)
  const [options, setOptions] = useState<ImportOptions>(() => ImportOptionsSchema.parse({}))
  const settings = me.data?.organization.settings
  const rowLimit = settings?.importRowLimit ?? 10_000
  const permissions = me.data?.permissions
  const canImport = permissions?.includes('imports:run') ?? true
  const canManageGroups = permissions?.includes('groups:manage') ?? false
  const viewerRole = me.data?.user.role ?? null

  const groupList = groups.data
  const mapped = useMemo<MappedImportRow[]>(() => {
    if (!file) return []
    return applyMapping(file.parsed, mapping, {
      roles: catalog,
      ...(groupList ? { groups: groupList } : {}),
    }).map((row) => (edits[row.line] ? { ...row, fields: { ...row.fields, ...edits[row.line] } } : row))
  }, [file, mapping, edits, groupList, catalog])
  const validation = useMemo(
    () =>
      validateImportRows(mapped, {
        refusedMailboxes: settings?.refusedMailboxes,
        roles: { catalog, actorRole: viewerRole },
      }),
    [mapped, settings?.refusedMailboxes, catalog, viewerRole],
  )

  const fieldLabel = (path: string) => {
    const column = columnOfPath(path)
    return (IMPORT_FIELDS as readonly string[]).includes(column)
      ? t(`importUsers.fields.${column}` as MessageKey)
      : column
  }
  const errorText = (e: ImportErrorLike) => rowErrorText(t, e)

  const readFile = async (picked: File, sheet?: string) => {
    setReading(true)
    setFileError(null)
    try {
      const parsed = await parseImportFile(picked, sheet ? { sheet } : {})
      if (parsed.rows.length === 0 && parsed.problems.length === 0)
        setFileError(t('importUsers.file.errors.no_rows'))
      else if (parsed.rows.length > rowLimit)
        setFileError(t('importUsers.file.errors.too_many', { count: rowLimit }))
      else {
        setFile({ name: picked.name, parsed, source: picked })
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

  /** Creates the groups the file names that do not exist; the rows then resolve to them. */
  const createMissingGroups = async () => {
    setCreatingGroups(true)
    try {
      for (const name of validation.unknownGroups) await createGroup.mutateAsync({ name })
      await groups.refetch()
    } finally {
      setCreatingGroups(false)
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
    const refused = (result?.results ?? []).flatMap((r) => refusalOf(r) ?? [])
    setRefusals(refused)
    // Rows to fix: those the file check refused and those the server refused, in file order,
    // each with the column and the reason in the viewer's language.
    const byLine = new Map(file.parsed.rows.map((r) => [r.line, r]))
    const describe = (errors: readonly RowErrorLike[]) =>
      errors
        .map((e) =>
          t('importUsers.summary.fieldReason', { field: fieldLabel(e.path), message: errorText(e) }),
        )
        .join('; ')
    const failed = [
      ...validation.rows
        .filter((c) => c.errors.length > 0)
        .map((c) => ({ line: c.line, error: describe(c.errors) })),
      // Skipped rows too: each has its reason (already a member, outranked…), and the file is
      // where an administrator sees every row that did not go through.
      ...refused.map((r) => ({ line: r.line, error: describe(r.errors) })),
    ]
      .map((f) => ({ ...f, cells: byLine.get(f.line)?.cells ?? [] }))
      .sort((a, b) => a.line - b.line)
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
    setRefusals([])
    setStep('file')
  }

  return {
    step,
    setStep,
    canImport,
    canManageGroups,
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
    refusals,
    failedCsv,
    creatingGroups,
    fieldLabel,
    errorText,
    readFile,
    createMissingGroups,
    fix,
    startImport,
    startOver,
  }
}

export type ImportWizard = ReturnType<typeof useImportWizard>
