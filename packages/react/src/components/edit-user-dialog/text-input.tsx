import { fieldMessage } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import { TextField } from '../../ui/text-field'
import type { TextField as TextFieldName } from './edit-user-values'
import type { EditUserFormState } from './use-edit-user-form'

export interface TextInputProps {
  state: EditUserFormState
  field: TextFieldName
  id: string
  hint?: string
  type?: string
  autoComplete?: string
}

/** One of the record's text boxes, labelled from the catalog, with its error. */
export function TextInput({ state, field, id, ...extra }: TextInputProps) {
  const { t } = useUsherContext()
  const { form } = state
  return (
    <TextField
      id={id}
      label={t(`editUser.fields.${field}`)}
      error={fieldMessage(t, form.formState.errors[field]?.message)}
      {...extra}
      {...form.register(field)}
    />
  )
}
