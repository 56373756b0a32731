import { useFormContext, useFormState } from 'react-hook-form'
import { useUsherContext } from '../../provider/usher-context'
import type { InviteFormValues } from './invite-form-schema'

/**
 * A refused request (network, 403, team not activated...), or a problem with the list itself
 * (none left, too many) once a submit was tried.
 */
export function RequestAlert({ message }: { message: string | null }) {
  const { t } = useUsherContext()
  const { control } = useFormContext<InviteFormValues>()
  const { errors, isSubmitted } = useFormState({ control, name: 'invitations' })
  const listError = errors.invitations?.root?.message ?? errors.invitations?.message
  if (!message && !(listError && isSubmitted)) return null
  return (
    <div role="alert" data-slot="invite-form-alert" className="usher-alert">
      {message ?? t('errors.codes.validation_failed')}
    </div>
  )
}
