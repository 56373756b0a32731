import { EXISTING_ACCOUNT_MODES, type ExistingAccountMode } from '@usher/contract/rules'
import { useId } from 'react'
import { useUsherContext } from '../../provider/usher-context'

/**
 * How an invited address that already has an account joins: an invitation accepted with its
 * password, or at once with a notice email. Each choice says what the person gets, in one line.
 */
export function ExistingAccountsField({
  value,
  onChange,
}: {
  value: ExistingAccountMode
  onChange: (value: ExistingAccountMode) => void
}) {
  const { t } = useUsherContext()
  const id = useId()
  return (
    <fieldset data-slot="org-settings-existing-accounts" className="usher-org-settings-choice">
      <legend>{t('organizationSettings.invitations.existingAccounts.legend')}</legend>
      {EXISTING_ACCOUNT_MODES.map((mode) => (
        <div key={mode} className="usher-org-settings-check">
          <input
            type="radio"
            id={`${id}-${mode}`}
            name={`${id}-existing-accounts`}
            value={mode}
            checked={value === mode}
            aria-describedby={`${id}-${mode}-hint`}
            onChange={() => onChange(mode)}
          />
          <div>
            <label htmlFor={`${id}-${mode}`}>
              {t(`organizationSettings.invitations.existingAccounts.${mode}`)}
            </label>
            <p id={`${id}-${mode}-hint`} className="usher-org-settings-hint">
              {t(`organizationSettings.invitations.existingAccounts.${mode}Hint`)}
            </p>
          </div>
        </div>
      ))}
    </fieldset>
  )
}
