import type { ReactNode } from 'react'

/** The row of buttons under a step. */
export function WizardFooter({ children }: { children: ReactNode }) {
  return (
    <div data-slot="import-users-footer" className="usher-import-users-footer">
      {children}
    </div>
  )
}
