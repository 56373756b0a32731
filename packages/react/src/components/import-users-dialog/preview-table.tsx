import type { ImportField, MappedImportRow } from '@usher/sdk'
import { useRoleCatalog } from '../../hooks/use-role-catalog'
import { useRoleName } from '../../hooks/use-role-name'
import type { MessageKey } from '../../i18n/types'
import { useUsherContext } from '../../provider/usher-context'
import { cellText } from './cell-text'

/** Fields the preview does not show as columns: a password, and those folded into another column. */
const HIDDEN: ReadonlySet<ImportField> = new Set(['password', 'principalName'])

/**
 * The first rows of the file as they will be sent, one column per mapped field, each value as
 * the viewer reads it: Madame, Technicien, the groups' names, Enabled or Disabled.
 */
export function PreviewTable({
  rows,
  mapping,
  fieldLabel,
  groups,
}: {
  rows: MappedImportRow[]
  mapping: (ImportField | null)[]
  fieldLabel: (field: string) => string
  groups: ReadonlyArray<{ id: string; name: string }>
}) {
  const { t } = useUsherContext()
  const roleName = useRoleName()
  const roles = useRoleCatalog()
  const groupName = new Map(groups.map((g) => [g.id, g.name]))
  const fields = mapping
    .filter((f): f is ImportField => f !== null && !HIDDEN.has(f))
    .map((f) => (f === 'fullName' ? 'firstName' : f))
  const columns = [...new Set(fields)]
  const display = (field: ImportField, row: MappedImportRow): string => {
    const value = field === 'groupId' ? row.fields.groupIds : row.fields[field]
    if (field === 'groupId') {
      const names = [
        ...((value as string[] | undefined) ?? []).map((id) => groupName.get(id) ?? id),
        ...(row.unknownGroups ?? []),
      ]
      return names.join(', ')
    }
    if (field === 'salutation' && typeof value === 'string' && ['mr', 'ms', 'mx'].includes(value)) {
      return t(`common.salutations.${value}` as MessageKey)
    }
    // An unknown role is shown as written (its error says so), not as a custom role.
    if (field === 'role' && typeof value === 'string') return roles.has(value) ? roleName(value) : value
    if (field === 'enabled' && typeof value === 'boolean') {
      return value ? t('importUsers.preview.enabledYes') : t('importUsers.preview.enabledNo')
    }
    return cellText(value)
  }
  // A file has more columns than a dialog is wide: the table scrolls on its own, by keyboard too.
  return (
    <section
      className="usher-import-users-scroll"
      data-slot="import-users-preview-scroll"
      aria-label={t('importUsers.preview.firstRows')}
      // biome-ignore lint/a11y/noNoninteractiveTabindex: a scrollable region must be reachable by keyboard (WCAG 2.1.1).
      tabIndex={0}
    >
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
            <tr key={row.line} data-state={row.fields.enabled === false ? 'disabled' : undefined}>
              <th scope="row">{row.line}</th>
              {columns.map((f) => (
                <td key={f}>{display(f, row)}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  )
}
