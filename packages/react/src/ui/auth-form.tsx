import type { FormEvent, ReactNode } from 'react'
import { FormAlert } from './form-alert'

export interface AuthFormProps {
  /** The component's slot name: the form is `<slot>-form`, its alert `<slot>-error`, its buttons `<slot>-actions`. */
  slot: string
  /** The form's own `data-slot` when it is not `<slot>-form` (the change-password step's). */
  formSlot?: string
  submitting: boolean
  /** Also keeps the submit button off (e.g. until a stale form is reloaded). */
  submitDisabled?: boolean
  onSubmit: (event: FormEvent<HTMLFormElement>) => void
  /** The form-level error, announced by the alert. */
  error: string | null
  submitLabel: string
  submittingLabel: string
  /** After the submit button: a link to sign in, "forgot your password?". */
  actions?: ReactNode
  children: ReactNode
}

/**
 * The frame the sign-in, change-password and reset forms share: no browser validation (the
 * contract's schema says what is wrong, in the UI's language), busy while submitting, the alert
 * region always present, the submit button saying what it is doing.
 */
export function AuthForm({
  slot,
  formSlot,
  submitting,
  submitDisabled = false,
  onSubmit,
  error,
  submitLabel,
  submittingLabel,
  actions,
  children,
}: AuthFormProps) {
  return (
    <form
      noValidate
      data-slot={formSlot ?? `${slot}-form`}
      className={`usher-${slot}-form`}
      aria-busy={submitting || undefined}
      onSubmit={onSubmit}
    >
      {children}
      <FormAlert slot={`${slot}-error`}>{error}</FormAlert>
      <div data-slot={`${slot}-actions`} className={`usher-${slot}-actions`}>
        <button
          type="submit"
          className="usher-button"
          data-variant="primary"
          disabled={submitting || submitDisabled}
        >
          {submitting ? submittingLabel : submitLabel}
        </button>
        {actions}
      </div>
    </form>
  )
}
