import { useId } from 'react'
import { useUsherContext } from '../../provider/usher-context'

export interface SummaryLine {
  key: string
  /** What happens, counted: "+2 shared", "Share 2 groups with 3 users (view)". */
  label: string
  /** The groups concerned, by name. */
  details: string[]
  kind: 'add' | 'change' | 'remove'
}

/**
 * "What will change", kept up to date as boxes are ticked, so the person reviews the difference
 * before saving it. A live region: screen readers hear the new counts after each change.
 */
export function ChangesSummary({ lines }: { lines: readonly SummaryLine[] }) {
  const { t } = useUsherContext()
  const headingId = useId()
  return (
    <section
      data-slot="shared-groups-summary"
      data-state={lines.length === 0 ? 'empty' : 'changes'}
      aria-labelledby={headingId}
      className="usher-shared-groups-summary"
    >
      <h3 id={headingId} className="usher-shared-groups-summary-heading">
        {t('sharedGroups.summary.heading')}
      </h3>
      <div role="status">
        {lines.length === 0 ? (
          <p data-slot="shared-groups-summary-none">{t('sharedGroups.summary.none')}</p>
        ) : (
          <ul data-slot="shared-groups-summary-list" className="usher-shared-groups-summary-list">
            {lines.map((line) => (
              <li key={line.key} data-slot="shared-groups-summary-line" data-kind={line.kind}>
                <strong>{line.label}</strong>
                {line.details.length > 0 ? <span>{line.details.join(', ')}</span> : null}
              </li>
            ))}
          </ul>
        )}
      </div>
    </section>
  )
}
