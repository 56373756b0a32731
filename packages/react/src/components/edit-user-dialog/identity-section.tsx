import { fieldMessage } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import { FormField } from '../../ui/form-field'
import { SalutationSelect } from '../../ui/salutation-select'
import { TextInput } from './text-input'
import type { EditUserFormState } from './use-edit-user-form'

/** Salutation, names and nickname. */
export function IdentitySection({
  state,
  fieldId,
}: {
  state: EditUserFormState
  fieldId: (field: string) => string
}) {
  const { t } = useUsherContext()
  const { form } = state
  return (
    <fieldset data-slot="edit-user-identity" className="usher-edit-user-section">
      <legend>{t('editUser.sections.identity')}</legend>
      <div className="usher-edit-user-grid">
        <FormField
          id={fieldId('salutation')}
          label={t('editUser.fields.salutation')}
          error={fieldMessage(t, form.formState.errors.salutation?.message)}
        >
          {(aria) => <SalutationSelect {...aria} {...form.register('salutation')} />}
        </FormField>
        <TextInput state={state} field="firstName" id={fieldId('firstName')} autoComplete="off" />
        <TextInput state={state} field="lastName" id={fieldId('lastName')} autoComplete="off" />
        <TextInput
          state={state}
          field="nickname"
          id={fieldId('nickname')}
          hint={t('editUser.hints.nickname')}
        />
      </div>
    </fieldset>
  )
}
