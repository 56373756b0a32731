import {
  duplicateEmailIndexes,
  type FieldError,
  type ImportRowInput,
  importRowSchema,
  toFieldErrors,
} from '@usher/contract'
import type { MappedImportRow } from './column-mapping'

/** A field error of one row, with the file's line number. */
export interface ImportFieldError extends FieldError {
  line: number
  /** For `duplicate`: the line the address first appears on. */
  firstLine?: number
}

export interface ImportRowCheck {
  line: number
  fields: Record<string, unknown>
  /** The row to send; null when it has errors. */
  row: ImportRowInput | null
  errors: ImportFieldError[]
}

export interface ImportValidation {
  rows: ImportRowCheck[]
  /** The rows to send, in file order. */
  valid: ImportRowInput[]
  validCount: number
  invalidCount: number
}

export interface ValidateImportRowsOptions {
  /**
   * The organization's shared mailboxes (`settings.refusedMailboxes`); the contract's default
   * list when omitted, none with null.
   */
  refusedMailboxes?: readonly string[] | null
}

/**
 * Checks every row with the contract's `importRowSchema` (the server runs the same), plus the
 * addresses repeated inside the file, before anything is sent.
 */
export function validateImportRows(
  rows: readonly MappedImportRow[],
  options: ValidateImportRowsOptions = {},
): ImportValidation {
  const schema = importRowSchema(options.refusedMailboxes)
  const checks: ImportRowCheck[] = rows.map(({ line, fields }) => {
    const input = { line, ...fields }
    const result = schema.safeParse(input)
    if (result.success) return { line, fields, row: input as ImportRowInput, errors: [] }
    const errors = toFieldErrors(result.error.issues, [], { input }).map((e) => ({ ...e, line }))
    return { line, fields, row: null, errors }
  })
  for (const [index, first] of duplicateEmailIndexes(rows.map((r) => r.fields.email))) {
    const check = checks[index]
    const firstLine = checks[first]?.line
    if (!check || firstLine === undefined || check.errors.some((e) => e.path === 'email')) continue
    check.errors.push({
      path: 'email',
      code: 'duplicate',
      message: `This address is already on line ${firstLine}.`,
      line: check.line,
      firstLine,
    })
    check.row = null
  }
  const valid = checks.flatMap((c) => (c.row ? [c.row] : []))
  return { rows: checks, valid, validCount: valid.length, invalidCount: checks.length - valid.length }
}
