import type { FieldError } from '@usher/contract'
import { formPath, type RowField } from './invite-form-schema'

/** The server's errors on the form's rows: by row (the field array's id), then by field, as codes. */
export type ServerErrors = Record<string, Partial<Record<RowField, string>>>

/** The server's field errors of one row, by field; an error with no field lands on the email. */
export function rowErrorsOf(errors: readonly FieldError[], code: string): Partial<Record<RowField, string>> {
  const out: Partial<Record<RowField, string>> = {}
  for (const error of errors) {
    const target = formPath(error.path)
    if ('row' in target) out[target.field] ??= error.code
  }
  if (Object.keys(out).length === 0) out.email = code
  return out
}

/** A whole-request 422's field errors (`invitations.N.field`), on the rows they name. */
export function errorsByRow(errors: readonly FieldError[], rowIds: readonly string[]): ServerErrors {
  const byRow: ServerErrors = {}
  for (const error of errors) {
    const target = formPath(error.path)
    const rowId = 'row' in target ? rowIds[target.row] : undefined
    if (!rowId || !('row' in target)) continue
    const row = byRow[rowId] ?? {}
    row[target.field] ??= error.code
    byRow[rowId] = row
  }
  return byRow
}

/** The rows the server refused and whose error still stands (not edited since). */
export function refusedRowIds(errors: ServerErrors): Set<string> {
  return new Set(Object.keys(errors).filter((id) => Object.values(errors[id] ?? {}).some(Boolean)))
}
