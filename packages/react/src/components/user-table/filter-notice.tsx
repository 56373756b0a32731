import type { ReactNode } from 'react'

export interface FilterNoticeProps {
  /** `data-slot` of the notice, for a host's styling. */
  slot: string
  /** Whether the list shows only the people the notice is about. */
  active: boolean
  onActiveChange: (active: boolean) => void
  /** What the notice says while the list is not narrowed to them. */
  found: string
  /** What it says while it is. */
  showing: string
  showLabel: string
  showAllLabel: string
  /** The action for the people listed, shown while the list is narrowed to them. */
  action?: ReactNode
}

/**
 * A count the table mentions above its rows (people who see nothing, lapsed invitations), with a
 * one-click filter to list them and, once listed, the action they call for at hand.
 */
export function FilterNotice(props: FilterNoticeProps) {
  const { slot, active, onActiveChange, found, showing, showLabel, showAllLabel, action } = props
  return (
    <div data-slot={slot} data-active={active || undefined} className="usher-user-table-filter-notice">
      <p role="status">{active ? showing : found}</p>
      {active ? (
        <>
          {action}
          <button type="button" className="usher-button" onClick={() => onActiveChange(false)}>
            {showAllLabel}
          </button>
        </>
      ) : (
        <button type="button" className="usher-button" onClick={() => onActiveChange(true)}>
          {showLabel}
        </button>
      )}
    </div>
  )
}
