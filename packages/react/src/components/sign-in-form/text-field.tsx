import type { ComponentProps } from 'react'

export interface TextFieldProps extends ComponentProps<'input'> {
  id: string
  label: string
  hint?: string
  error?: string | undefined
}

/** A labelled input with its hint and error wired as its description. */
export function TextField({ id, label, hint, error, className, ...input }: TextFieldProps) {
  const describedBy = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter(Boolean).join(' ')
  return (
    <div data-slot="text-field" className="usher-text-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        className={className ?? 'usher-input'}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        {...input}
      />
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
