import type { ImportFileProblem } from '@usher/sdk'
import type { Translate } from '../../i18n/translate'
import type { MessageKey } from '../../i18n/types'

/** A refusal of one row, from the file check or from the server, as the dialog words it. */
export interface RowErrorLike {
  /** The column (field) it is about: `email`, `groupId`… */
  path: string
  code: string
  /** For `duplicate`: the line the address first appears on. */
  firstLine?: number
  /** The value refused, as written (an unknown group, an unknown role). */
  value?: string
}

/** The column an error path is about: `rows.3.groupIds.0` and `groupIds` are the group column's. */
export function columnOfPath(path: string): string {
  const parts = path.split('.').filter((p) => p !== 'rows' && !/^\d+$/.test(p))
  const head = parts[0] ?? path
  return head === 'groupIds' ? 'groupId' : head
}

/**
 * The reason for a refused cell in the viewer's language: named where the file's value says more
 * than a code (« Groupe « Clients Nord » inconnu »), else the shared field message of its code.
 */
export function rowErrorText(t: Translate, e: RowErrorLike): string {
  const column = columnOfPath(e.path)
  if (e.code === 'duplicate' && e.firstLine) return t('importUsers.preview.duplicate', { line: e.firstLine })
  if (column === 'groupId' && e.code === 'not_found') {
    return e.value
      ? t('importUsers.preview.unknownGroup', { name: e.value })
      : t('importUsers.preview.noSuchGroup')
  }
  if (column === 'role' && e.code === 'invalid_value') {
    return e.value
      ? t('importUsers.preview.unknownRole', { name: e.value })
      : t('importUsers.preview.noSuchRole')
  }
  if (column === 'password' && e.code === 'invalid_value') return t('importUsers.preview.maskedPassword')
  if (column === 'enabled' && e.code === 'invalid_type') return t('importUsers.preview.enabledWord')
  return t(`errors.fields.${e.code}` as MessageKey)
}

/** A structural problem of the file, at its line, in the viewer's language. */
export function problemText(t: Translate, problem: ImportFileProblem): string {
  const { line } = problem
  switch (problem.code) {
    case 'too_many_fields':
    case 'too_few_fields':
      return t(`importUsers.file.problems.${problem.code}`, {
        line,
        expected: problem.expected ?? 0,
        count: problem.found ?? 0,
      })
    default:
      return t(`importUsers.file.problems.${problem.code}`, { line })
  }
}
