import { useId } from 'react'
import { useRoleName } from '../../hooks/use-role-name'
import { useViewer } from '../../hooks/use-viewer'
import type { MessageKey } from '../../i18n/types'
import { indentedGroupOptions } from '../../lib/group-options'
import { useUsherContext } from '../../provider/usher-context'
import type { ImportOptions } from './use-import-wizard'

export interface ImportOptionsFieldsProps {
  options: ImportOptions
  onChange: (options: ImportOptions) => void
  groups: ReadonlyArray<{ id: string; name: string; parentId: string | null }>
}

/** The import's options: dry run, the role and group of rows that name none, invitations, updates. */
export function ImportOptionsFields({ options, onChange, groups }: ImportOptionsFieldsProps) {
  const { t, locale } = useUsherContext()
  const roleId = useId()
  const groupId = useId()
  const roleName = useRoleName()
  // The roles the viewer may give, highest first, the host's included (the server refuses the
  // others row by row).
  const assignable = useViewer().viewer?.assignableRoles ?? []
  const check = (key: 'dryRun' | 'sendInvitations' | 'updateExisting', label: MessageKey) => (
    <label className="usher-import-users-check">
      <input
        type="checkbox"
        checked={options[key]}
        onChange={(event) => onChange({ ...options, [key]: event.currentTarget.checked })}
      />
      {t(label)}
    </label>
  )
  return (
    <fieldset data-slot="import-users-options" className="usher-import-users-options">
      <legend>{t('importUsers.options.legend')}</legend>
      {check('dryRun', 'importUsers.options.dryRun')}
      <div className="usher-import-users-option">
        <label htmlFor={roleId}>{t('importUsers.options.defaultRole')}</label>
        <select
          id={roleId}
          className="usher-select"
          value={options.defaultRole}
          onChange={(event) => onChange({ ...options, defaultRole: event.currentTarget.value })}
        >
          {assignable.map((role) => (
            <option key={role} value={role}>
              {roleName(role)}
            </option>
          ))}
        </select>
      </div>
      <div className="usher-import-users-option">
        <label htmlFor={groupId}>{t('importUsers.options.targetGroup')}</label>
        <select
          id={groupId}
          className="usher-select"
          value={options.targetGroupId ?? ''}
          onChange={(event) => onChange({ ...options, targetGroupId: event.currentTarget.value || null })}
        >
          <option value="">{t('importUsers.options.noGroup')}</option>
          {/* The tree, each group under its parent, as every group picker shows it. */}
          {indentedGroupOptions(groups, { locale }).map((g) => (
            <option key={g.value} value={g.value}>
              {g.label}
            </option>
          ))}
        </select>
      </div>
      {/* Rows with a password are created active and get no invitation; the option is for the others. */}
      {check('sendInvitations', 'importUsers.options.sendInvitations')}
      {check('updateExisting', 'importUsers.options.updateExisting')}
    </fieldset>
  )
}
