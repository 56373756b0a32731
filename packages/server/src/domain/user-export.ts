import {
  type Locale,
  type RoleCatalog,
  USER_EXPORT_COLUMNS,
  type User,
  type UserExportColumn,
  type UserStatus,
} from '@usher/contract'
import Papa from 'papaparse'

/** What a cell of the export may hold; null and undefined are empty cells. */
export type ExportCell = string | number | boolean | null | undefined

/**
 * A column of the host's own in the members export, after Usher's (`createUsherServer({ exportColumns })`).
 * @example
 * { key: 'plan', header: { en: 'Plan', fr: 'Offre' }, value: (user) => plans.get(user.id) ?? '' }
 */
export interface UserExportExtraColumn {
  /** How the client names it in `columns` (letters, digits, `_` and `-`). */
  key: string
  /** The header in each language. */
  header: Readonly<Record<Locale, string>>
  /** The cell for one person; may read the host's own data. */
  value: (user: User) => ExportCell | Promise<ExportCell>
}

const HEADERS: Record<Locale, Record<UserExportColumn, string>> = {
  en: {
    name: 'Name',
    email: 'Email',
    role: 'Role',
    status: 'Status',
    groups: 'Shared groups',
    lastActive: 'Last active (UTC)',
  },
  fr: {
    name: 'Nom',
    email: 'E-mail',
    role: 'Rôle',
    status: 'Statut',
    groups: 'Groupes partagés',
    lastActive: 'Dernière activité (UTC)',
  },
}

const STATUSES: Record<Locale, Record<UserStatus, string>> = {
  en: { invited: 'Invited', expired: 'Invitation expired', active: 'Active', disabled: 'Disabled' },
  fr: {
    invited: 'Invité',
    expired: 'Invitation expirée',
    active: 'Actif',
    disabled: 'Désactivé',
  },
}

const BUILT_IN_ROLES: Record<Locale, Record<string, string>> = {
  en: { owner: 'Owner', admin: 'Administrator', technician: 'Technician' },
  fr: { owner: 'Propriétaire', admin: 'Administrateur', technician: 'Technicien' },
}

/** A role's name in `locale`: the host's label, the built-in role's name, or its key. */
export const roleNameIn = (roles: RoleCatalog, role: string, locale: Locale): string =>
  roles.labelOf(role, locale) ?? BUILT_IN_ROLES[locale][role] ?? role

/** "2026-12-01 09:30": what every spreadsheet reads as a date and time, whatever its language. */
const sheetTime = (iso: string | null) => (iso ? `${iso.slice(0, 10)} ${iso.slice(11, 16)}` : '')

export interface ExportLayout {
  headers: string[]
  cells(users: readonly User[]): Promise<ExportCell[][]>
}

/**
 * The columns asked for, in order (every built-in one, then the host's, by default), with their
 * headers in `locale`. An unknown key is the caller's mistake: reported with the keys there are.
 */
export function exportLayout(
  requested: readonly string[] | undefined,
  extra: readonly UserExportExtraColumn[],
  locale: Locale,
  roles: RoleCatalog,
): ExportLayout | { unknown: string[]; known: string[] } {
  const known = [...USER_EXPORT_COLUMNS, ...extra.map((column) => column.key)]
  const keys = requested?.length ? [...new Set(requested)] : known
  const unknown = keys.filter((key) => !known.includes(key))
  if (unknown.length) return { unknown, known }

  const byKey = new Map(extra.map((column) => [column.key, column]))
  const roleName = (role: string) => roleNameIn(roles, role, locale)
  const builtIn: Record<UserExportColumn, (user: User) => ExportCell> = {
    // Joined, not trimmed: a name's own leading characters are what the formula guard must see.
    name: (user) => [user.firstName, user.lastName].filter(Boolean).join(' '),
    email: (user) => user.email,
    role: (user) => roleName(user.role),
    status: (user) => STATUSES[locale][user.status],
    groups: (user) => user.sharedGroupCount,
    lastActive: (user) => sheetTime(user.lastActiveAt),
  }
  return {
    headers: keys.map((key) =>
      key in builtIn ? HEADERS[locale][key as UserExportColumn] : (byKey.get(key)?.header[locale] ?? key),
    ),
    cells: (users) =>
      Promise.all(
        users.map((user) =>
          Promise.all(
            keys.map((key) =>
              key in builtIn ? builtIn[key as UserExportColumn](user) : byKey.get(key)?.value(user),
            ),
          ),
        ),
      ),
  }
}

/**
 * CSV lines for some rows, ending in CRLF. A cell that a spreadsheet would run as a formula
 * (starting with =, +, -, @, tab or carriage return) is prefixed with an apostrophe and quoted,
 * as OWASP's CSV injection advice says; papaparse's `escapeFormulae` does exactly that.
 */
export function csvLines(rows: readonly ExportCell[][], delimiter: ',' | ';'): string {
  if (rows.length === 0) return ''
  const text = Papa.unparse(
    rows.map((row) => row.map((cell) => (cell === null || cell === undefined ? '' : cell))),
    { delimiter, newline: '\r\n', escapeFormulae: true, header: false },
  )
  return `${text}\r\n`
}

/** "acme-members-2026-12-01.csv": the organization's name folded into a file-name-safe slug. */
export function exportFileName(organization: string, now: Date, locale: Locale): string {
  const slug =
    organization
      .normalize('NFD')
      .replace(/\p{M}/gu, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'organization'
  const word = locale === 'fr' ? 'membres' : 'members'
  return `${slug}-${word}-${now.toISOString().slice(0, 10)}.csv`
}
