import type { ReactNode } from 'react'

/** What a field hands its control: the id its label points to, and the hint and error wiring. */
export interface FieldAria {
  id: string
  'aria-describedby'?: string
  'aria-invalid'?: true
}

export interface FormFieldProps {
  id: string
  label: string
  hint?: string | undefined
  error?: string | undefined
  /** The control (input, select, textarea), given its id and description wiring. */
  children: (aria: FieldAria) => ReactNode
}

/** A label, a control, a hint and an error, wired for screen readers: every form's field. */
export function FormField({ id, label, hint, error, children }: FormFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div data-slot="text-field" className="usher-text-field">
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(describedBy ? { 'aria-describedby': describedBy } : {}),
        ...(error ? { 'aria-invalid': true as const } : {}),
      })}
      {hint ? (
        <p id={`${id}-hint`} data-slot="text-field-hint" className="usher-text-field-hint">
          {hint}
        </p>
      ) : null}
      {error ? (
        <p id={`${id}-error`} data-slot="text-field-error" className="usher-field-error">
          {error}
        </p>
      ) : null}
    </div>
  )
}
