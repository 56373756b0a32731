import type { ImportField, MappedImportRow } from '@usher/sdk'
import { useUsherContext } from '../../provider/usher-context'
import { cellText } from './cell-text'

/** The first rows of the file as they will be sent, one column per mapped field. */
export function PreviewTable({
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
