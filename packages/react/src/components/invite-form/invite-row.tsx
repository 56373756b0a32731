import { normalizeEmail } from '@usher/contract/rules'
import type { ReactNode } from 'react'
import { Controller, useFormContext, useFormState } from 'react-hook-form'
import type { GroupLike } from '../../lib/group-options'
import { useUsherContext } from '../../provider/usher-context'
import { GroupPicker } from '../../ui/group-picker'
import { MultiSelect, type MultiSelectOption } from '../../ui/multi-select'
import { SalutationSelect } from '../../ui/salutation-select'
import { ExistingAccountNote } from './existing-account-note'
import { fieldErrorMessage, type InviteFormValues, ROW_FIELDS, type RowField } from './invite-form-schema'
import { SeesNothingWarning } from './sees-nothing-warning'

export interface InviteRowProps {
  index: number
  /** Stable across additions and removals (the field array's id): element ids derive from it. */
  idBase: string
  /** Whether the row may be removed (not the only one). */
  removable: boolean
  roleOptions: readonly { value: string; label: string }[]
  /** The groups the viewer may put people in (a tree once shown). */
  groups: readonly GroupLike[]
  groupsState: 'loading' | 'error' | 'ready'
  /** The organization's "contact for" topics; none hides the control. */
  topicOptions: readonly MultiSelectOption[]
  /** The server's errors on this row's fields, by field, as error codes. */
  serverErrors: Partial<Record<RowField, string>> | undefined
  /** The person changed a field the server complained about: its error no longer applies. */
  onFieldEdited: (field: RowField) => void
  onEmailChange: (index: number) => void
  onRemove: (index: number) => void
  disabled?: boolean
}

/** One person to invite: a fieldset of labelled controls, each with its error wired by id. */
export function InviteRow({
  index,
  idBase,
  removable,
  roleOptions,
  groups,
  groupsState,
  topicOptions,
  serverErrors,
  onFieldEdited,
  onEmailChange,
  onRemove,
  disabled,
}: InviteRowProps) {
  const { t } = useUsherContext()
  const { register, control, getValues } = useFormContext<InviteFormValues>()
  const name = `invitations.${index}` as const
  const { errors, touchedFields, isSubmitted, isSubmitSuccessful } = useFormState({ control, name })
  const row = index + 1
  const suffix = t('inviteForm.rowSuffix', { row })
  const id = (field: RowField) => `${idBase}-${field}`
  const errorId = (field: RowField) => `${idBase}-${field}-error`

  // A client error shows once the field was visited, or after a submit the form refused (then
  // every problem shows). A server error shows until the person edits that field.
  const errorCode = (field: RowField): string | undefined => {
    const client = errors.invitations?.[index]?.[field]?.message
    const touched = touchedFields.invitations?.[index]?.[field]
    if (client && (touched || (isSubmitted && !isSubmitSuccessful))) return client
    return serverErrors?.[field]
  }
  const message = (field: RowField, code: string) => {
    let duplicateOf: number | undefined
    if (code === 'duplicate') {
      const rows = getValues('invitations')
      const mine = normalizeEmail(rows[index]?.email ?? '')
      const first = rows.findIndex((other) => normalizeEmail(other.email) === mine)
      if (first !== -1 && first < index) duplicateOf = first + 1
    }
    return fieldErrorMessage(t, code, { field, duplicateOf })
  }
  const codes = Object.fromEntries(ROW_FIELDS.map((field) => [field, errorCode(field)])) as Partial<
    Record<RowField, string>
  >
  const invalid = Object.values(codes).some(Boolean)
  const aria = (field: RowField) =>
    codes[field] ? { 'aria-invalid': true as const, 'aria-describedby': errorId(field) } : {}
  const edited = (field: RowField) => ({
    onChange: () => {
      if (serverErrors?.[field]) onFieldEdited(field)
    },
  })

  const field = (key: RowField, label: string, control: ReactNode, optional = false) => (
    <div data-slot="invite-row-field" data-field={key} className="usher-invite-field">
      <label id={`${id(key)}-label`} htmlFor={id(key)} className="usher-invite-label">
        {optional ? t('inviteForm.optionalLabel', { label }) : label}
        <span className="usher-visually-hidden">{suffix}</span>
      </label>
      {control}
      {codes[key] ? (
        <p id={errorId(key)} data-slot="invite-row-error" className="usher-field-error">
          {message(key, codes[key] as string)}
        </p>
      ) : null}
    </div>
  )

  return (
    <fieldset
      data-slot="invite-row"
      data-state={invalid ? 'invalid' : 'valid'}
      className="usher-invite-row"
      disabled={disabled}
    >
      <legend data-slot="invite-row-legend" className="usher-invite-row-legend">
        {t('inviteForm.row', { row })}
      </legend>
      <div data-slot="invite-row-fields" className="usher-invite-row-fields">
        {field(
          'salutation',
          t('inviteForm.fields.salutation'),
          <SalutationSelect
            id={id('salutation')}
            {...aria('salutation')}
            {...register(`${name}.salutation`, edited('salutation'))}
          />,
        )}
        {field(
          'firstName',
          t('inviteForm.fields.firstName'),
          <input
            id={id('firstName')}
            className="usher-input"
            autoComplete="off"
            {...aria('firstName')}
            {...register(`${name}.firstName`, edited('firstName'))}
          />,
        )}
        {field(
          'lastName',
          t('inviteForm.fields.lastName'),
          <input
            id={id('lastName')}
            className="usher-input"
            autoComplete="off"
            {...aria('lastName')}
            {...register(`${name}.lastName`, edited('lastName'))}
          />,
        )}
        {field(
          'email',
          t('inviteForm.fields.email'),
          <input
            id={id('email')}
            type="email"
            className="usher-input"
            autoComplete="off"
            spellCheck={false}
            {...aria('email')}
            {...register(`${name}.email`, {
              onChange: () => {
                if (serverErrors?.email) onFieldEdited('email')
                onEmailChange(index)
              },
            })}
          />,
        )}
        {field(
          'phone',
          t('inviteForm.fields.phone'),
          <input
            id={id('phone')}
            type="tel"
            className="usher-input"
            autoComplete="off"
            {...aria('phone')}
            {...register(`${name}.phone`, edited('phone'))}
          />,
          true,
        )}
        {field(
          'role',
          t('inviteForm.fields.role'),
          <select
            id={id('role')}
            className="usher-select"
            {...aria('role')}
            {...register(`${name}.role`, edited('role'))}
          >
            {roleOptions.map((option) => (
              <option key={option.value} value={option.value}>
                {option.label}
              </option>
            ))}
          </select>,
        )}
        {field(
          'groupIds',
          t('inviteForm.fields.groups'),
          <Controller
            control={control}
            name={`${name}.groupIds`}
            render={({ field: { value, onChange, onBlur, ref } }) => (
              <GroupPicker
                triggerRef={ref}
                id={id('groupIds')}
                labelId={`${id('groupIds')}-label`}
                contentLabel={`${t('inviteForm.fields.groups')}${suffix}`}
                groups={groups}
                value={value}
                onChange={(next) => {
                  onChange(next)
                  if (serverErrors?.groupIds) onFieldEdited('groupIds')
                }}
                onBlur={onBlur}
                state={groupsState}
                invalid={Boolean(codes.groupIds)}
                describedBy={codes.groupIds ? errorId('groupIds') : undefined}
                disabled={disabled}
              />
            )}
          />,
        )}
        {topicOptions.length > 0
          ? field(
              'contactFor',
              t('inviteForm.fields.contactFor'),
              <Controller
                control={control}
                name={`${name}.contactFor`}
                render={({ field: { value, onChange, onBlur, ref } }) => (
                  <MultiSelect
                    triggerRef={ref}
                    id={id('contactFor')}
                    labelId={`${id('contactFor')}-label`}
                    contentLabel={`${t('inviteForm.fields.contactFor')}${suffix}`}
                    options={topicOptions}
                    value={value}
                    onChange={(next) => {
                      onChange(next)
                      if (serverErrors?.contactFor) onFieldEdited('contactFor')
                    }}
                    onBlur={onBlur}
                    placeholder={t('inviteForm.topics.none')}
                    summarize={(labels) => labels.join(', ')}
                    filterLabel={t('inviteForm.topics.filter')}
                    emptyText={t('inviteForm.topics.none')}
                    noMatchText={t('inviteForm.topics.noMatch')}
                    invalid={Boolean(codes.contactFor)}
                    describedBy={codes.contactFor ? errorId('contactFor') : undefined}
                    disabled={disabled}
                  />
                )}
              />,
              true,
            )
          : null}
      </div>
      <ExistingAccountNote index={index} id={`${idBase}-existing-account`} />
      <SeesNothingWarning index={index} id={`${idBase}-sees-nothing`} />
      {removable ? (
        <button
          type="button"
          data-slot="invite-row-remove"
          className="usher-button usher-invite-row-remove"
          onClick={() => onRemove(index)}
        >
          {t('inviteForm.removeRow')}
          <span className="usher-visually-hidden">{suffix}</span>
        </button>
      ) : null}
    </fieldset>
  )
}
