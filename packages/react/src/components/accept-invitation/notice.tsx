import { type ReactNode, useEffect, useRef } from 'react'

/** A page in place of the form: a heading that takes focus (so it is read out) and what to do. */
export function Notice({
  slot,
  role,
  title,
  children,
}: {
  slot: string
  role: 'status' | 'alert'
  title: string
  children: ReactNode
}) {
  const ref = useRef<HTMLHeadingElement>(null)
  useEffect(() => ref.current?.focus(), [])
  return (
    <div
      data-slot={slot}
      role={role}
      className="usher-accept-invitation-notice"
      data-tone={role === 'alert' ? 'error' : 'success'}
    >
      <h3 ref={ref} tabIndex={-1} data-slot="accept-invitation-notice-title">
        {title}
      </h3>
      {children}
    </div>
  )
}
