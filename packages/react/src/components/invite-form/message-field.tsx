import { useFormContext, useFormState } from 'react-hook-form'
import { useUsherContext } from '../../provider/usher-context'
import { fieldErrorMessage, type InviteFormValues } from './invite-form-schema'

/**
 * The personal message. Its own subscriber to the form state, so that an error on any row does
 * not re-render the whole form.
 */
export function MessageField({ id, disabled }: { id: string; disabled: boolean }) {
  const { t } = useUsherContext()
  const { register, control } = useFormContext<InviteFormValues>()
  const { errors, touchedFields, isSubmitted, isSubmitSuccessful } = useFormState({
    control,
    name: 'message',
  })
  const code = errors.message?.message
  const shown = code && (touchedFields.message || (isSubmitted && !isSubmitSuccessful)) ? code : undefined
  return (
    <div data-slot="invite-form-message" className="usher-invite-field usher-invite-message">
      <label htmlFor={id} className="usher-invite-label">
        {t('inviteForm.optionalLabel', { label: t('inviteForm.fields.message') })}
      </label>
      <textarea
        id={id}
        className="usher-input"
        rows={3}
        disabled={disabled}
        aria-invalid={shown ? true : undefined}
        aria-describedby={`${id}-hint${shown ? ` ${id}-error` : ''}`}
        {...register('message')}
      />
      <p id={`${id}-hint`} className="usher-invite-form-hint">
        {t('inviteForm.messageHint')}
      </p>
      {shown ? (
        <p id={`${id}-error`} className="usher-field-error">
          {fieldErrorMessage(t, shown, { field: 'message' })}
        </p>
      ) : null}
    </div>
  )
}
