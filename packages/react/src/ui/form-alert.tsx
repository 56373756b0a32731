import type { ReactNode } from 'react'

/**
 * The form-level error of the password forms. The live region is always in the DOM, empty until
 * there is something to say: screen readers announce a region whose content changes, not one that
 * appears with its content already inside.
 */
export function FormAlert({ slot, children }: { slot: string; children: ReactNode }) {
  return (
    <div role="alert" data-slot={slot} className={children ? 'usher-alert' : undefined}>
      {children}
    </div>
  )
}
