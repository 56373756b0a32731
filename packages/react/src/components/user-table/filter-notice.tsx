import { type ReactNode, useEffect, useRef } from 'react'

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
 *
 * Its buttons come and go (Show becomes Show all; the action leaves once nobody is left): when the
 * one a keyboard user was on goes, focus moves to the filter button instead of the page.
 */
export function FilterNotice(props: FilterNoticeProps) {
  const { slot, active, onActiveChange, found, showing, showLabel, showAllLabel, action } = props
  const root = useRef<HTMLDivElement>(null)
  const toggle = useRef<HTMLButtonElement>(null)
  const focusInside = useRef(false)
  useEffect(() => {
    const element = root.current
    if (!element) return
    const enter = () => {
      focusInside.current = true
    }
    // Focus that moves on (to a dialog, the table) is not ours to bring back; a button that
    // disappears while focused moves it nowhere (no relatedTarget).
    const leave = (event: FocusEvent) => {
      if (event.relatedTarget !== null) focusInside.current = false
    }
    element.addEventListener('focusin', enter)
    element.addEventListener('focusout', leave)
    return () => {
      element.removeEventListener('focusin', enter)
      element.removeEventListener('focusout', leave)
    }
  }, [])
  useEffect(() => {
    const lost = document.activeElement === null || document.activeElement === document.body
    if (focusInside.current && lost) toggle.current?.focus()
  })
  return (
    <div
      ref={root}
      data-slot={slot}
      data-active={active || undefined}
      className="usher-user-table-filter-notice"
    >
      <p role="status">{active ? showing : found}</p>
      {active ? action : null}
      <button ref={toggle} type="button" className="usher-button" onClick={() => onActiveChange(!active)}>
        {active ? showAllLabel : showLabel}
      </button>
    </div>
  )
}
