import { LocaleSchema } from '@usher/contract'
import type { LocaleKey } from '@usher/contract/rules'
import { fieldMessage } from '../../lib/form-codes'
import { useUsherContext } from '../../provider/usher-context'
import { FormField } from '../../ui/form-field'
import { TextInput } from './text-input'
import type { EditUserFormState } from './use-edit-user-form'

/** Each language by its own name, as a person looking for theirs reads it. */
const LANGUAGE_NAMES: Readonly<Record<LocaleKey, string>> = { en: 'English', fr: 'Français' }

/** Phones, job, department, language, SSO id and description. */
export function ContactSection({
  state,
  fieldId,
}: {
  state: EditUserFormState
  fieldId: (field: string) => string
}) {
  const { t } = useUsherContext()
  const { form } = state
  const { errors } = form.formState
  return (
    <fieldset data-slot="edit-user-contact" className="usher-edit-user-section">
      <legend>{t('editUser.sections.contact')}</legend>
      <div className="usher-edit-user-grid">
        <TextInput state={state} field="phone" id={fieldId('phone')} type="tel" />
        <TextInput state={state} field="mobile" id={fieldId('mobile')} type="tel" />
        <TextInput state={state} field="jobTitle" id={fieldId('jobTitle')} />
        <TextInput state={state} field="department" id={fieldId('department')} />
        <FormField
          id={fieldId('locale')}
          label={t('editUser.fields.locale')}
          error={fieldMessage(t, errors.locale?.message)}
        >
          {(aria) => (
            <select className="usher-input" {...aria} {...form.register('locale')}>
              {LocaleSchema.options.map((locale) => (
                <option key={locale} value={locale} lang={locale}>
                  {LANGUAGE_NAMES[locale]}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <TextInput
          state={state}
          field="externalId"
          id={fieldId('externalId')}
          hint={t('editUser.hints.externalId')}
        />
      </div>
      <FormField
        id={fieldId('description')}
        label={t('editUser.fields.description')}
        error={fieldMessage(t, errors.description?.message)}
      >
        {(aria) => <textarea className="usher-input" rows={2} {...aria} {...form.register('description')} />}
      </FormField>
    </fieldset>
  )
}
