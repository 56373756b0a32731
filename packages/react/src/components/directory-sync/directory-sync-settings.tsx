import {
  type Deprovisioning,
  DeprovisioningSchema,
  type DirectoryInvitations,
  DirectoryInvitationsSchema,
  type DirectorySyncSettings,
  isDirectoryDefaultRole,
} from '@usher/contract'
import { type FormEvent, useId, useState } from 'react'
import { useRoleCatalog } from '../../hooks/use-role-catalog'
import { useRoleName } from '../../hooks/use-role-name'
import { errorMessage } from '../../lib/error-message'
import { useUsherContext } from '../../provider/usher-context'
import { FormField } from '../../ui/form-field'
import type { useDirectorySync } from './use-directory-sync'

type Sync = ReturnType<typeof useDirectorySync>

/** The default role (the host's roles included), what a DELETE does, and the invitation choice. */
export function DirectorySyncSettingsForm({
  sync,
  settings,
  onNotice,
}: {
  sync: Sync
  settings: DirectorySyncSettings
  onNotice: (text: string) => void
}) {
  const { t } = useUsherContext()
  const id = useId()
  const roles = useRoleCatalog()
  const roleName = useRoleName()
  const [values, setValues] = useState(settings)
  const [error, setError] = useState<string | null>(null)
  const offered = roles.keys.filter((role) => isDirectoryDefaultRole(roles, role))
  if (!offered.includes(values.defaultRole)) offered.push(values.defaultRole)

  const submit = async (event: FormEvent) => {
    event.preventDefault()
    setError(null)
    try {
      const saved = await sync.updateSettings.mutateAsync(values)
      setValues(saved)
      onNotice(t('directorySync.settings.saved'))
    } catch (caught) {
      setError(errorMessage(t, caught))
    }
  }

  return (
    <section
      data-slot="directory-sync-settings"
      aria-labelledby={`${id}-title`}
      className="usher-directory-sync-section"
    >
      <h3 id={`${id}-title`}>{t('directorySync.settings.title')}</h3>
      <form noValidate onSubmit={(event) => void submit(event)}>
        <FormField
          id={`${id}-role`}
          label={t('directorySync.settings.defaultRole')}
          hint={t('directorySync.settings.defaultRoleHint')}
        >
          {(aria) => (
            <select
              className="usher-select"
              value={values.defaultRole}
              onChange={(event) => setValues({ ...values, defaultRole: event.target.value })}
              {...aria}
            >
              {offered.map((role) => (
                <option key={role} value={role}>
                  {roleName(role)}
                </option>
              ))}
            </select>
          )}
        </FormField>
        <fieldset className="usher-directory-sync-choice">
          <legend>{t('directorySync.settings.deprovisioning')}</legend>
          {DeprovisioningSchema.options.map((option: Deprovisioning) => (
            <label key={option}>
              <input
                type="radio"
                name={`${id}-deprovisioning`}
                value={option}
                checked={values.deprovisioning === option}
                onChange={() => setValues({ ...values, deprovisioning: option })}
              />
              {t(`directorySync.settings.${option}`)}
            </label>
          ))}
        </fieldset>
        <fieldset className="usher-directory-sync-choice">
          <legend>{t('directorySync.settings.invitations')}</legend>
          {DirectoryInvitationsSchema.options.map((option: DirectoryInvitations) => (
            <label key={option}>
              <input
                type="radio"
                name={`${id}-invitations`}
                value={option}
                checked={values.invitations === option}
                onChange={() => setValues({ ...values, invitations: option })}
              />
              {t(`directorySync.settings.${option}`)}
            </label>
          ))}
        </fieldset>
        {error ? (
          <p role="alert" className="usher-alert">
            {error}
          </p>
        ) : null}
        <button
          type="submit"
          className="usher-button"
          data-variant="primary"
          disabled={sync.updateSettings.isPending}
        >
          {sync.updateSettings.isPending
            ? t('directorySync.settings.saving')
            : t('directorySync.settings.save')}
        </button>
      </form>
    </section>
  )
}
