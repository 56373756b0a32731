import {
  duplicateEmailIndexes,
  type FieldError,
  type ImportRowInput,
  importRowChecker,
  type RoleCatalog,
} from '@usher/contract'
import type { MappedImportRow } from './column-mapping'
import { looseKey } from './header-synonyms'

/** A field error of one row, with the file's line number. */
export interface ImportFieldError extends FieldError {
  line: number
  /** For `duplicate`: the line the address first appears on. */
  firstLine?: number
  /** The value refused, as written, where the message names it (an unknown group, a role). */
  value?: string
}

export interface ImportRowCheck {
  line: number
  fields: Record<string, unknown>
  /** The row to send; null when it has errors. */
  row: ImportRowInput | null
  errors: ImportFieldError[]
  /** Groups the row names that the organization does not have (see `MappedImportRow`). */
  unknownGroups: string[]
}

export interface ImportValidation {
  rows: ImportRowCheck[]
  /** The rows to send, in file order. */
  valid: ImportRowInput[]
  validCount: number
  invalidCount: number
  /** Every group named in the file that the organization does not have, once each, as first written. */
  unknownGroups: string[]
}

export interface ValidateImportRowsOptions {
  /**
   * The organization's shared mailboxes (`settings.refusedMailboxes`); the contract's default
   * list when omitted, none with null.
   */
  refusedMailboxes?: readonly string[] | null
  /**
   * The organization's roles (`roleCatalogFromList(GET /roles)`) and the viewer's role: a row's
   * role must be one of them and one the viewer may give, as the server decides.
   */
  roles?: { catalog: RoleCatalog; actorRole: string | null }
}

/** The column an error path is about: `groupIds.2` is the group column's. */
function columnOf(path: string): string {
  const head = path.split('.')[0] ?? path
  return head === 'groupIds' ? 'groupId' : head
}

/**
 * Checks every row with the contract's `importRowSchema` (the server runs the same; here through
 * `importRowChecker`, which gives its errors field by field, remembering repeated values), the role
 * against the organization's catalog, the groups named against the organization's, and the
 * addresses repeated inside the file, before anything is sent.
 */
export function validateImportRows(
  rows: readonly MappedImportRow[],
  options: ValidateImportRowsOptions = {},
): ImportValidation {
  const check = importRowChecker(options.refusedMailboxes)
  const { roles } = options
  const checks: ImportRowCheck[] = rows.map(({ line, fields, unknownGroups = [] }) => {
    const input = { line, ...fields }
    const errors: ImportFieldError[] = []
    const role = fields.role
    let roleChecked = false
    if (roles && typeof role === 'string') {
      roleChecked = true
      // The server's order: a role it does not have, then one above the viewer's.
      if (!roles.catalog.has(role)) {
        errors.push({ path: 'role', code: 'invalid_value', message: `No role "${role}".`, line, value: role })
      } else if (roles.actorRole !== null && !roles.catalog.canAssign(roles.actorRole, role)) {
        const message = 'You cannot give a role above your own.'
        errors.push({ path: 'role', code: 'role_above_own', message, line, value: role })
      }
    }
    for (const name of unknownGroups) {
      errors.push({ path: 'groupId', code: 'not_found', message: `No group "${name}".`, line, value: name })
    }
    const problems = check(input)
    for (const e of problems) {
      const path = columnOf(e.path)
      // The catalog's word on the role replaces the key pattern's.
      if (path === 'role' && roleChecked) continue
      errors.push({ ...e, path, line })
    }
    const row = problems.length === 0 && errors.length === 0 ? (input as ImportRowInput) : null
    return { line, fields, row, errors, unknownGroups }
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
  const unknown = new Map<string, string>()
  for (const check of checks) {
    for (const name of check.unknownGroups) {
      const key = looseKey(name)
      if (!unknown.has(key)) unknown.set(key, name)
    }
  }
  return {
    rows: checks,
    valid,
    validCount: valid.length,
    invalidCount: checks.length - valid.length,
    unknownGroups: [...unknown.values()],
  }
}
